import ArgumentParser
import DokClient
import DokCore

/// `dok doctor [--profile P | --url U] [--output json]`: checks the connection to a server, in
/// order, without changing anything (``ConnectionDoctor``).
struct DoctorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor", abstract: "Check the connection to a server step by step (changes nothing).",
    discussion: """
      In order: the URL; DNS; TCP (refused, timed out); TLS (verification, a self-signed \
      certificate, expiry within 14 days); whether a Dokploy answers (settings.health's JSON, not \
      an HTML page or a 404 on every route); its version and whether the cached API document \
      matches it; the key (user.get; the causes of a 401) and the organization it acts in; what it \
      may do (reads; whether a deploy would be permitted); the live-log WebSocket \
      (/listen-deployment) through any proxy; clock skew (the Date header); latency (median of 5 \
      health calls). Each line is ok, WARN or FAIL with the fix under it. With no server \
      configured (or --sandbox) it checks the built-in sandbox. Exit codes: 0 all passed (warnings \
      alone too), 1 something failed, 2 usage error.
      """)

  /// How the report is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions

  @Option(name: .long, help: "text (default) or json (for scripts).")
  var output: Format = .text

  func run() async throws {
    let target = try connection.resolve()
    var sandboxContext: ServerContext? = nil
    let conn: Connection
    if server.sandbox || !target.isConfigured {
      var r = ServerContext.Request(target: target)
      r.forceSandbox = server.sandbox
      do {
        let context = try await SandboxServer.open(r)
        sandboxContext = context
        conn = context.session.connection
      } catch {
        throw DokExit(error)
      }
    } else {
      conn = target.connection!
    }
    let cacheDirectory = XDGPaths.fromEnvironment().cache
    let doctor = ConnectionDoctor(connection: conn, cacheDirectory: cacheDirectory)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { await doctor.run() }
    await sandboxContext?.close()
    if interrupted { throw DokExit.interrupted }
    let report = result
    switch output {
    case .text: Output.stdout(report.text)
    case .json: Output.stdout(JSONWriter.pretty(report.json) + "\n")
    }
    if !report.passed { throw DokExit(code: ExitStatus.assertionFailed.code) }
  }
}
