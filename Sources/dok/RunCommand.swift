import ArgumentParser
import DokClient
import DokCore
import DokLive
import DokREPL
import DokRuntime
import DokScript

/// `dok run FILE [name=value …]`: check the whole runbook, then run it.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Check and run a .dok runbook (FILE, or - for stdin).",
    discussion: """
      With --profile a,b,c (or --profile all) the runbook runs on each server in turn (--parallel N: \
      up to N at once), its output under a heading per server, then a table of each server's exit code; \
      the run ends with the worst code, and --report writes one testsuite per server.

      Arguments name=value set $name (numbers, true/false and null are typed; anything else is text).
      An argument the runbook never reads is an error (--allow-unused-arguments accepts it).
      The file is parsed and checked against the API document first: any error is reported with
      file:line:col and nothing runs (exit 2). Also: dok FILE.dok [name=value …].
      When stderr is not a terminal, a running deploy or wait prints a progress line there every 10s
      (DOK_PROGRESS_EVERY=500ms changes the interval).
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Flag(
    name: .long,
    help:
      "Print each executed statement with its location and a one-line result (stderr); a deploy or wait also when it starts, with the description dok adds."
  )
  var trace = false

  @Flag(
    name: .long,
    help: "Report a failed assert or a failed call (API or transport error) and go on; exit with the worst code at the end.")
  var keepGoing = false

  @Flag(
    name: .long, help: "On a failed assert or an uncaught error, open the REPL with the script's variables (:continue resumes).")
  var debug = false

  @Flag(name: .long, help: "Accept script arguments the runbook never reads (by default each is an error, exit 2).")
  var allowUnusedArguments = false

  @Option(name: .long, help: ArgumentHelp("Write a report: junit=PATH or tap=PATH (repeatable).", valueName: "KIND=PATH"))
  var report: [String] = []

  @Option(name: .long, help: ArgumentHelp("With --profile a,b,c: run on up to N servers at once (default 1).", valueName: "N"))
  var parallel = 1
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rehearse: copy the projects the runbook names by path from PROFILE (read calls only) into a fresh sandbox and run there.",
      valueName: "PROFILE"))
  var rehearse: String?

  @Argument(help: "The runbook (.dok file, or - for stdin).")
  var file: String

  @Argument(parsing: .captureForPassthrough, help: "Script arguments, name=value.")
  var arguments: [String] = []

  func run() async throws {
    var reports: [(kind: String, path: String)] = []
    for r in report {
      guard let eq = r.firstIndex(of: "="), ["junit", "tap"].contains(String(r[..<eq])), r.index(after: eq) < r.endIndex else {
        throw DokExit.usage("--report takes junit=PATH or tap=PATH, not '\(r)'")
      }
      reports.append((String(r[..<eq]), String(r[r.index(after: eq)...])))
    }
    if let option = arguments.first(where: { $0.hasPrefix("-") && !$0.contains("=") }) {
      throw DokExit.usage("'\(option)' comes after the runbook: put dok's options before FILE (dok run \(option) … \(file))")
    }
    // A missing file is reported before any server (or the sandbox) is started.
    var text: String?
    if file != "-" {
      switch ScriptRunner.readSource(file) {
      case .success(let s): text = s
      case .failure(let d): throw DokExit(.usage, [d])
      }
    }
    if let fleet = try Fleet.requested(connection, sandbox: server.sandbox) {
      if rehearse != nil { throw DokExit.usage("--rehearse runs on one copy: it cannot be combined with --profile a,b") }
      return try await runFleet(fleet, reports: reports)
    }
    if let member = Fleet.memberOverride(for: connection.profile),
      let directory = FileIO.environment(Fleet.reportDirectoryVariable)
    {
      reports = reports.map { ($0.kind, FleetReport.childPath(directory: directory, member: member, kind: $0.kind)) }
    }
    let noValidate = connection.noValidate
    let context: ServerContext
    if let rehearse {
      guard let text else { throw DokExit.usage("--rehearse needs the runbook in a file, not on stdin") }
      context = try await RehearsalRun.prepare(
        profile: rehearse, text: text, file: file, connection: connection, spec: specOptions, server: server)
    } else {
      context = try await server.open(connection, spec: specOptions, refuseAutomaticSandboxInCI: true)
    }
    // Where it runs, before the first call (the sandbox's banner says so already).
    if let line = Self.whereLine(file: file, context: context, text: text) { Terminal.standardError.write(line + "\n") }
    let policy = SecretPolicy.fromEnvironment(apiKey: context.session.connection.apiKey)
    // Traces and reports are written for others to read: they mask secrets copied out of replies.
    let learn = trace || !reports.isEmpty
    let host = DokScriptHost(
      catalog: context.catalog, caller: context.session, validate: !noValidate, secrets: learn ? policy : nil)
    let reporter = DokMain.reporter
    reporter.setRedaction { policy.redactKey(in: $0) }
    let sink = TerminalSink(reporter: reporter)
    sink.plainProgressEvery = TerminalSink.plainProgressDefault
    sink.traceTransform = { policy.redactArguments(in: $0) }
    var options = ScriptOptions(trace: trace, keepGoing: keepGoing, debug: debug, validate: !noValidate)
    options.allowUnusedArguments = allowUnusedArguments
    var request = RunRequest(file: file, arguments: arguments, options: options, reports: reports)
    request.policy = policy
    var session: Interpreter?
    if trace {
      let s = Interpreter(host: host, sink: sink, options: options)
      s.traceRedactor = { policy.redact($0) }
      session = s
    }
    if debug {
      let color = Terminal.standardOutput.useColor
      var env = REPLEnvironment(
        promptName: "debug", serverDescription: context.serverDescription, catalog: context.catalog, policy: policy, color: color)
      env.reporter = reporter
      let pause = DebugPause(environment: env)
      let s = session ?? Interpreter(host: host, sink: sink, options: options)
      pause.session = s
      host.setFailureHandler { failure in pause.pause(failure) }
      session = s
    }
    let code = await ScriptRunner.run(request, host: host, sink: sink, session: session)
    await context.close()
    if let rehearse { Terminal.standardError.write(RehearsalRun.closing(profile: rehearse, code: code)) }
    if code != ExitStatus.success.code { throw DokExit(code: code) }
  }

  /// `--profile a,b,c`: the runbook on each server (``FleetRun``), then one report per kind.
  private func runFleet(_ fleet: Fleet, reports: [(kind: String, path: String)]) async throws {
    guard file != "-" else {
      throw DokExit.usage("a fleet reads the runbook once per server: save it to a file and run dok run --profile … FILE")
    }
    guard parallel >= 1 else { throw DokExit.usage("--parallel takes a number of servers ≥ 1") }
    var directory: String?
    if !reports.isEmpty {
      directory = try FleetRun.privateDirectory()
    }
    let outcomes = await FleetRun(fleet: fleet, parallel: parallel, reportDirectory: directory).run()
    Terminal.standardError.write(FleetRun.summary(outcomes))
    var code = outcomes.map(\.code).reduce(0, ExitStatus.worse)
    if let directory {
      for report in reports {
        let text = FleetReport.merge(kind: report.kind, outcomes: outcomes, directory: directory, file: file)
        do {
          try FileIO.writeAtomically(report.path, Array(text.utf8), mode: 0o644)
        } catch {
          DokMain.reporter.report([Diagnostic(.error, "cannot write the \(report.kind) report: \(error)")])
          code = ExitStatus.worse(code, ExitStatus.usage.code)
        }
      }
      FleetRun.removeDirectory(directory)
    }
    if code != ExitStatus.success.code { throw DokExit(code: code) }
  }

  /// `dok: running FILE on profile 'prod' (https://…)`: the server a run talks to, named before
  /// its first call; nil over the sandbox (its banner names it). A recording made on the sandbox
  /// says so: replaying it here acts on a real server.
  static func whereLine(file: String, context: ServerContext, text: String?) -> String? {
    guard !context.isSandbox else { return nil }
    let connection = context.session.connection
    let name = file == "-" ? "<stdin>" : file
    var line = "dok: running \(name) on "
    line += connection.profile.map { "profile '\($0)' (\(connection.serverURL))" } ?? connection.serverURL
    if let text, Recorder.recordedOnSandbox(text) {
      line += " — it was recorded on the sandbox: dok run --sandbox \(name) replays it there"
    }
    return line
  }
}

/// `dok check FILE…`: syntax and the check against the API document; nothing runs.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check runbooks (syntax, procedures, parameters) without running them.")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Argument(help: "The runbooks (.dok files, or - for stdin).")
  var files: [String]

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one runbook (or - for stdin)") }
  }

  func run() async throws {
    var sources: [(name: String, text: String)] = []
    var unreadable = 0
    for file in files {
      switch ScriptRunner.readSource(file) {
      case .success(let s): sources.append((file == "-" ? "<stdin>" : file, s))
      case .failure(let d):
        DokMain.reporter.report([d])
        unreadable += 1
      }
    }
    if sources.isEmpty { throw DokExit(.usage) }
    let context = try await server.open(connection, spec: specOptions)
    let host = DokScriptHost(catalog: context.catalog, caller: context.session)
    var failed = unreadable
    for (name, source) in sources {
      let problems = Script.check(source: source, file: name, host: host)
      let reporter = DokMain.reporter
      reporter.addSource(source, file: name)
      reporter.report(problems)
      if problems.isEmpty {
        Terminal.standardError.write("\(name): ok\n")
      } else {
        failed += 1
        Terminal.standardError.write(
          "\(name): \(problems.count) problem\(problems.count == 1 ? "" : "s") found; nothing was run\n")
      }
    }
    await context.close()
    if failed > 0 {
      throw files.count > 1 ? DokExit(.usage, "\(failed) of \(files.count) runbooks have problems") : DokExit(.usage)
    }
  }
}
