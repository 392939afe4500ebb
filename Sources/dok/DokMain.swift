import ArgumentParser
import DokCore
import DokREPL
import Foundation
import NIOCore

/// The entry point: parses, runs, and turns every failure into a message on stderr and the
/// contract's exit code (usage errors exit 2, not ArgumentParser's 64). The only place that
/// ends the process, besides the interrupt monitor it hands `exit` to.
@main
enum DokMain {
  /// The process's one reporter of problems (colour decided once, for stderr); commands hand it
  /// to the runner, the REPL and the debug pause, which teach it their sources.
  static let reporter = DiagnosticReporter(color: Terminal.standardError.useColor)

  /// The command for `args`: the quick forms first, then ArgumentParser.
  /// `DOK_DEBUG_PARSE` (tests and benchmarks) holds words: `full` skips the quick forms;
  /// `dump` prints which parser took the line and the parsed command, and runs nothing.
  static func parse(_ args: [String]) throws -> ParsableCommand {
    let debug = FileIO.environment("DOK_DEBUG_PARSE")
    let dumps = debug?.contains("dump") ?? false
    if !(debug?.contains("full") ?? false), let quick = QuickParse.command(args) {
      if dumps { dump(quick, via: "quick") }
      return quick
    }
    let command = try Dok.parse(args)
    if dumps { dump(command, via: "full") }
    return command
  }

  /// The `DOK_DEBUG_PARSE` output: every parsed property's value, then exit 0.
  private static func dump(_ command: ParsableCommand, via parser: String) -> Never {
    Terminal.standardOutput.write("\(parser) \(String(describing: command))\n")
    exit(ExitStatus.success.code)
  }

  static func main() async {
    var args = Array(CommandLine.arguments.dropFirst())
    switch QuickParse.immediateOutput(args) {
    case .success(let text)?:
      Terminal.standardOutput.write(text)
      exit(ExitStatus.success.code)
    case .failure(let e)?:
      Terminal.standardError.write(e.message + "\n")
      exit(ExitStatus.usage.code)
    case nil: break
    }
    if let shell = CompletionScript.requested(args) {
      Terminal.standardOutput.write(CompletionScript.text(for: shell))
      exit(ExitStatus.success.code)
    }
    // Ctrl-C and SIGTERM for every command (see InterruptMonitor for what each does).
    InterruptMonitor.shared.install(exitProcess: { status in exit(status.code) })
    // `dok help language|calls|deploys|waits|completion|meta|exit-codes|config`: the topic pages (other
    // `dok help X` go to the command's help).
    if args.count >= 1, args[0] == "help", let text = HelpTopics.text(args.count > 1 ? args[1] : nil),
      args.count == 2 || args.count == 1
    {
      var page = text
      if args.count == 1 {
        page += "\n\nCommands: dok --help; a command's options: dok help COMMAND."
      }
      Terminal.standardOutput.write(page + "\n")
      exit(ExitStatus.success.code)
    }
    // `dok FILE.dok [name=value …]` is `dok run FILE.dok …`.
    if let first = args.first, first.hasSuffix(".dok") { args.insert("run", at: 0) }
    // A first word that is no command (`dok cal`, `dok project.all`, `dok help nosuch`): a usage
    // error with a suggestion, not the REPL's usage.
    if let problem = UnknownCommand.problem(args) {
      reporter.report(problem.diagnostics)
      exit(problem.code)
    }
    do {
      var command = try Self.parse(args)
      // One NIO event loop is plenty for a client and saves a thread hop per call (measured:
      // ~10% off 3,000 sequential calls; see docs/PERFORMANCE.md). Commands that only read a document
      // never touch NIO and skip the setting (its metadata costs ~4% of a `describe`).
      if !(command is DescribeCommand || command is ProceduresCommand || command is CompleteCommand) {
        NIOSingletons.groupLoopCountSuggestion = 1
      }
      if let call = command as? CallCommand {
        // The common one-shot call, without a look-up of the protocol conformance.
        try await call.run()
      } else if var async = command as? AsyncParsableCommand {
        try await async.run()
      } else {
        try command.run()
      }
    } catch let e as DokExit {
      reporter.report(e.diagnostics)
      exit(e.code)
    } catch let e as ExitCode {
      exit(e.rawValue)
    } catch {
      let code = Dok.exitCode(for: error)
      let message = Dok.fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        exit(ExitStatus.success.code)
      }
      if !message.isEmpty { Terminal.standardError.write(message + "\n") }
      exit(code == .validationFailure ? ExitStatus.usage.code : code.rawValue)
    }
  }
}
