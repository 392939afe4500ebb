import ArgumentParser
import DokClient
import DokCore
import DokRuntime
import Foundation

/// Options that choose and open the server for commands that need one (`run`, `check`, the REPL).
/// With no server configured at all, the built-in sandbox is started in-process (``SandboxServer``).
struct ServerOptions: ParsableArguments {
  @Flag(name: .long, help: "Use the built-in sandbox (a simulated Dokploy) even if a server is configured.")
  var sandbox = false

  @Option(name: .long, help: ArgumentHelp("Sandbox: seconds a deploy stays running.", valueName: "N"))
  var deploySeconds: Double = 3

  @Option(name: .long, help: ArgumentHelp("Sandbox: seconds a queued deploy waits for the worker.", valueName: "N"))
  var queueDelay: Double = 1

  /// Opens the server: prints the sandbox banner and notes on stderr, maps failures to exit codes.
  /// `target` is the connection already resolved, if the caller has it. With
  /// `refuseAutomaticSandboxInCI` (`dok run`, `dok call`), an unconfigured server under `CI` is
  /// a usage error instead of a silent rehearsal (``AutomaticSandboxPolicy``). `deferSpecCheck`
  /// opens from a cached document at once (the REPL checks it in the background).
  func open(
    _ connection: ConnectionOptions, spec: SpecOptions, target: ServerTarget? = nil, refuseAutomaticSandboxInCI: Bool = false,
    deferSpecCheck: Bool = false
  ) async throws -> ServerContext {
    var r = ServerContext.Request(target: try target ?? connection.resolve())
    r.deferSpecCheck = deferSpecCheck
    if refuseAutomaticSandboxInCI,
      let refusal = AutomaticSandboxPolicy.refusal(
        configured: r.target.isConfigured, forced: sandbox, environment: ProcessInfo.processInfo.environment)
    {
      throw DokExit.usage(refusal)
    }
    r.forceSandbox = sandbox
    r.specFile = spec.spec
    r.validate = !connection.noValidate
    r.observer = connection.verbose ? VerboseLog.print : nil
    r.cacheDirectory = spec.noCache ? nil : XDGPaths.fromEnvironment().cache
    r.sandboxDeploySeconds = deploySeconds
    r.sandboxQueueDelay = queueDelay
    do {
      let context = try await r.wantsSandbox ? SandboxServer.open(r) : ServerContext.open(r)
      for note in context.notes { Terminal.standardError.write(note + "\n") }
      return context
    } catch {
      throw DokExit(error)
    }
  }
}
