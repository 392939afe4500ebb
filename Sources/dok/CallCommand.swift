import ArgumentParser
import DokClient
import DokCore
import DokPresentation
import DokRuntime
import DokSpec

/// `dok call PROC [name=value…]`: one API call; the result on stdout, everything else on stderr.
struct CallCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "call", abstract: "Call one procedure and print its result.",
    discussion: """
      Arguments: name=value (a bare word typed by the parameter's schema: replicas=3 is a number, \
      name=123 stays text, null only where allowed), name:=JSON (raw JSON), name=@FILE (the file's \
      text), name= (an empty string).

      Only the result goes to stdout, so `dok call … | jq` works. Exit codes: \
      \(ExitStatus.summaryLine(of: [.success, .usage, .apiError, .transport, .interrupted])).

      --wait follows the deploy a call queues (application.deploy/redeploy, compose.deploy/redeploy, \
      previewDeployment.redeploy, a database's deploy) to its end, like the `deploy` statement: progress and \
      build-log lines on stderr, the final deployment row on stdout (--output applies). Exit 0 done, \
      5 timed out (--wait-timeout, default 15m), 7 the deployment ended in error or cancelled, or dok \
      could not tell which new deployment is its own (DEPLOY_AMBIGUOUS; never a guess). Without a \
      description= of yours, --wait sends one naming the run, e.g. "dok 3fa9c01b (dok call)", and follows \
      the row that carries it, whatever else is queued for the service; with yours, it uses the server's \
      queue (deployment.queueList) to skip deploys with the same description queued before. When stderr \
      is not a terminal, a progress line is printed there every 10s (DOK_PROGRESS_EVERY changes it).

      With --profile a,b,c (or all), the call goes to each server in turn (--parallel N: up to N at once), \
      each result under a heading naming the server, then a table of exit codes; the worst code is dok's.

      On a terminal (stdin and stdout), a procedure that removes, deletes, kills, cleans or stops asks \
      first, naming what it affects: "remove project 'shop' (2 environments, 3 services)? [y/N]". Only y or \
      yes sends it; anything else (or Ctrl-C) sends nothing and exits 1 ("cancelled"). --yes skips the \
      question; piped or redirected runs never ask.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Option(name: .shortAndLong, help: "pretty (default; coloured on a terminal), json, raw, yaml or table.")
  var output: OutputFormat = .pretty

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With --output table: these columns, in this order (a single object: these keys); a path such as "
        + "environments[0].name reaches into a row; a column no row has is a warning.", valueName: "a,b,c"))
  var columns: String?

  @Flag(name: .long, help: "Print the equivalent curl command (reading the key from $DOKPLOY_API_KEY) instead of calling.")
  var curl = false

  @Flag(name: .long, help: "Do not ask before a destructive call (remove, delete, kill, clean, stop…).")
  var yes = false

  @Flag(name: .long, help: "Follow the deploy the call queues to its end (exit 0 done, 5 timed out, 7 failed).")
  var wait = false

  @Option(name: .long, help: "With --wait: give up after this long (default 15m).")
  var waitTimeout: String?

  @Option(name: .long, help: "With --wait: seconds between status requests (default 2s).")
  var waitEvery: String?

  @Option(name: .long, help: ArgumentHelp("With --profile a,b,c: call up to N servers at once (default 1).", valueName: "N"))
  var parallel = 1

  @Argument(help: "The procedure, as router.procedure.", completion: .custom(ShellCompletion.call))
  var procedure: String

  @Argument(help: "Arguments: name=value, name:=json, name=@file.", completion: .custom(ShellCompletion.call))
  var arguments: [String] = []

  func run() async throws {
    if let fleet = try Fleet.requested(connection, sandbox: server.sandbox) {
      guard parallel >= 1 else { throw DokExit.usage("--parallel takes a number of servers ≥ 1") }
      let outcomes = await FleetRun(fleet: fleet, parallel: parallel, arguments: try await fleetArguments(fleet)).run()
      Terminal.standardError.write(FleetRun.summary(outcomes))
      let code = outcomes.map(\.code).reduce(0, ExitStatus.worse)
      if code != ExitStatus.success.code { throw DokExit(code: code) }
      return
    }
    let args = try Self.parseArguments(arguments)
    if wait {
      if curl { throw DokExit.usage("--wait and --curl do not go together (--curl sends nothing)") }
      return try await runWaiting(args)
    }
    if waitTimeout != nil || waitEvery != nil { throw DokExit.usage("--wait-timeout and --wait-every need --wait") }
    let target = try connection.resolve()  // once: it reads and parses the profile file
    guard !server.sandbox, case .remote(let conn) = target else {
      return try await callSandbox(args, target: target)
    }
    let session = connection.makeSession(conn)
    let confirmation = confirmation
    let sending = Box<InterruptedCall?>(nil)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<JSON?, CallFailures> in
      do throws(CallError) {
        let provider = SpecProvider(
          cacheDirectory: specOptions.noCache ? nil : XDGPaths.fromEnvironment().cache,
          checkInterval: SpecProvider.checkInterval(for: conn))
        let (catalog, note) = try await provider.catalog(for: session, specFile: specOptions.spec, preferCache: curl)
        if let note { Terminal.standardError.write(note + "\n") }
        session.catalog = catalog
        if specOptions.spec == nil { session.refresher = StaleDocumentRefresher(provider: provider) }
        let problems = Self.argumentProblems(session, procedure, args)
        if !problems.isEmpty { return .failure(CallFailures(problems)) }
        return .success(
          try await Self.callOrCurl(
            session, procedure, args, curl: curl, insecure: conn.insecure, sending: sending, confirm: confirmation))
      } catch {
        return .failure(CallFailures([error]))
      }
    }
    await session.shutdown()
    try finish(result, interrupted: interrupted, sending: sending.value)
  }

  /// With no server configured (or `--sandbox`): the same call against the built-in sandbox.
  private func callSandbox(_ args: [CallArgument], target: ServerTarget) async throws {
    let context = try await server.open(connection, spec: specOptions, target: target, refuseAutomaticSandboxInCI: true)
    let session = context.session
    let procedure = self.procedure
    let curl = self.curl
    let confirm = confirmation
    let sending = Box<InterruptedCall?>(nil)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<JSON?, CallFailures> in
      let problems = Self.argumentProblems(session, procedure, args)
      if !problems.isEmpty { return .failure(CallFailures(problems)) }
      do throws(CallError) {
        return .success(
          try await Self.callOrCurl(session, procedure, args, curl: curl, insecure: false, sending: sending, confirm: confirm))
      } catch {
        return .failure(CallFailures([error]))
      }
    }
    await context.close()
    try finish(result, interrupted: interrupted, sending: sending.value)
  }

  /// `--wait`: the call through the deployment tracker; the final row on stdout.
  private func runWaiting(_ args: [CallArgument]) async throws {
    let waiter = CallWait(
      every: try waitEvery.map { try CallWait.seconds($0, option: "--wait-every") } ?? 2,
      timeout: try waitTimeout.map { try CallWait.seconds($0, option: "--wait-timeout") } ?? 900)
    let context = try await server.open(connection, spec: specOptions, refuseAutomaticSandboxInCI: true)
    let session = context.session
    let procedure = self.procedure
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<JSON, CallWait.Failure> in
      let problems = Self.argumentProblems(session, procedure, args)
      if !problems.isEmpty { return .failure(.arguments(problems)) }
      do throws(CallError) {
        let resolved = try await session.resolvingPaths(procedure: procedure, arguments: args)
        return await waiter.run(session: session, procedure: procedure, arguments: resolved)
      } catch {
        return .failure(.call(error))
      }
    }
    await context.close()
    switch result {
    case .success(let row):
      write(row)
    case .failure(let f):
      if interrupted {
        // Cut short while the call itself was being sent: a deploy may or may not have been queued.
        if case .deploy(.call(let e)) = f {
          if e.procedure == procedure {
            throw DokExit(.interrupted, [InterruptedCall(procedure: procedure, changesState: true).diagnostic()])
          }
          throw DokExit.interrupted
        }
        throw DokExit(.interrupted, "interrupted: the deploy goes on on the server")
      }
      throw CallWait.exit(for: f)
    }
  }

  /// A `<kind>=PATH` is resolved to its id first (a `project.all` read, even with `--curl`).
  /// With `--curl`, prints the request as a curl command and sends nothing; else calls, noting
  /// in `sending` the call about to be sent (what Ctrl-C then cuts short).
  private static func callOrCurl(
    _ session: DokSession, _ procedure: String, _ args: [CallArgument], curl: Bool, insecure: Bool,
    sending: Box<InterruptedCall?>, confirm: DestructiveConfirmation?
  ) async throws(CallError) -> JSON? {
    let resolved = try await session.resolvingPaths(procedure: procedure, arguments: args)
    if curl {
      let request = try session.prepare(procedure: procedure, arguments: resolved)
      Terminal.standardOutput.write(request.curlCommand(insecure: insecure) + "\n")
      return nil
    }
    try await approve(confirm, session: session, procedure: procedure, arguments: resolved)
    let changesState = session.catalog?.procedure(named: procedure).map { !$0.isQuery } ?? true
    sending.value = InterruptedCall(procedure: procedure, changesState: changesState)
    return try await session.call(procedure: procedure, arguments: resolved)
  }

  /// The result on stdout, or the failure as the exit. Interrupted while the call was being
  /// sent: a query was cancelled; a mutation may have reached the server (its effect is unknown).
  private func finish(_ result: Result<JSON?, CallFailures>, interrupted: Bool, sending: InterruptedCall?) throws {
    switch result {
    case .success(let value?):
      write(value)
    case .success(nil):
      break
    case .failure(let e):
      if let first = e.errors.first, first.code == DestructiveConfirmation.declined(procedure).code {
        throw Self.declinedExit(first)
      }
      if interrupted { throw sending.map { DokExit(.interrupted, [$0.diagnostic()]) } ?? DokExit.interrupted }
      throw DokExit(e.errors[0].status, e.errors.map { $0.diagnostic() })
    }
  }

  /// Every problem with the arguments that can be known before anything is sent (unknown and
  /// missing parameters, values that cannot fit), all at once as `dok check` reports them; none
  /// for a procedure the document does not name (the call says so) or with `--no-validate`.
  static func argumentProblems(_ session: DokSession, _ procedure: String, _ args: [CallArgument]) -> [CallError] {
    guard let proc = session.catalog?.procedure(named: procedure) else { return [] }
    return ArgumentBinder(validate: session.validate).check(args, against: proc)
  }

  /// The result on stdout in `--output`'s format (with `--columns`); a warning on stderr for a
  /// column no row has, or `--columns` without `--output table`.
  private func write(_ value: JSON) {
    let chosen = columns.map { $0.split(separator: ",").map { String($0).trimming() }.filter { !$0.isEmpty } }
    if let chosen, !chosen.isEmpty {
      if output != .table {
        DokMain.reporter.report([
          Diagnostic(.warning, "--columns applies to --output table; ignored with --output \(output.rawValue)")
        ])
      } else {
        let unknown = OutputFormatter.unknownColumns(value, chosen)
        if !unknown.isEmpty {
          DokMain.reporter.report([
            Diagnostic(
              .warning,
              "--columns: no \(unknown.count == 1 ? "column" : "columns") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the reply (shown empty)",
              notes: Self.columnHint(value).map { [$0] } ?? [])
          ])
        }
      }
    }
    Terminal.standardOutput.write(
      OutputFormatter.render(value, as: output, color: Terminal.standardOutput.useColor, columns: chosen))
  }

  /// `keys: a, b, c` of the reply's rows (the first row, or the object), for a warning.
  private static func columnHint(_ value: JSON) -> String? {
    let rows = OutputFormatter.pageItems(value) ?? value
    let first: JSON? = if case .array(let a) = rows { a.first } else { rows }
    guard case .object(let o)? = first, !o.isEmpty else { return nil }
    return "keys: \(o.keys.joined(separator: ", ")) (a nested value: key.sub or key[0].sub)"
  }

  /// `name=value`, `name:=json`, `name=@file`, `name=` as call arguments (a usage error otherwise).
  static func parseArguments(_ words: [String]) throws -> [CallArgument] {
    try words.map { word in
      guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
        throw DokExit.usage("argument '\(word)' is not name=value (or name:=json, name=@file)")
      }
      var name = String(word[..<eq])
      let value = String(word[word.index(after: eq)...])
      if name.hasSuffix(":") {
        name.removeLast()
        guard !name.isEmpty else { throw DokExit.usage("argument '\(word)' has no name") }
        return CallArgument(name: name, value: .json(value))
      }
      if value.isEmpty { return CallArgument(name: name, value: .value(.string(""))) }
      if value.hasPrefix("@") { return CallArgument(name: name, value: .file(String(value.dropFirst()))) }
      return CallArgument(name: name, value: .bare(value))
    }
  }
}
