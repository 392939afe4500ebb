import ArgumentParser
import DokCore

#if canImport(Glibc)
  import Glibc
#endif

/// The entry point: parses, runs, and turns every failure into a message on stderr and the
/// contract's exit code (usage errors exit 2, not ArgumentParser's 64).
@main
enum DokMain {
  static func main() async {
    var args = Array(CommandLine.arguments.dropFirst())
    // `dok FILE.dok [name=value …]` is `dok run FILE.dok …`.
    if let first = args.first, first.hasSuffix(".dok") { args.insert("run", at: 0) }
    do {
      var command = try Dok.parseAsRoot(args)
      if var async = command as? AsyncParsableCommand {
        try await async.run()
      } else {
        try command.run()
      }
    } catch let e as DokExit {
      if let message = e.message, !message.isEmpty { Terminal.standardError.write(message + "\n") }
      exit(e.code)
    } catch let e as ExitCode {
      exit(e.rawValue)
    } catch {
      let code = Dok.exitCode(for: error)
      let message = Dok.fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
      }
      if !message.isEmpty { Terminal.standardError.write(message + "\n") }
      exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}
