import ArgumentParser
import DokClient
import DokCore
import DokLive
import DokRuntime
import DokSpec

/// `dok export PATH`: a runbook on stdout that recreates a project, an environment or a service
/// on another server (``RunbookExporter``; read calls only, through ``ReadOnlyCaller``).
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write a runbook that recreates a project, environment or service elsewhere.",
    discussion: """
      PATH is a project (shop), an environment (shop/staging) or a service (shop/staging/web, or \
      shop/web in the default environment). The runbook goes to stdout: environments; applications \
      and compose services with their source, build type, environment variables, domains, ports, \
      mounts and redirects; databases with their settings. It names everything by path; secrets \
      (passwords, tokens, secret-looking variables) are read with env("…") and listed in its \
      header; it stops before any change when what it creates already exists on the target. \
      Only read calls are sent. Exit codes: 0 ok, 2 usage error, 3 API error reply (NOT_FOUND \
      for an unknown path), 4 transport error.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Argument(help: "What to export: PROJECT, PROJECT/ENVIRONMENT or a service's path.")
  var path: String

  func run() async throws {
    let parsed: ResourcePath
    switch ResourcePath.parse(path) {
    case .failure(let e): throw DokExit.usage(e.message)
    case .success(let p): parsed = p
    }
    guard (1...3).contains(parsed.segments.count) else {
      throw DokExit.usage("'\(path)' is not PROJECT, PROJECT/ENVIRONMENT or PROJECT/ENVIRONMENT/SERVICE")
    }
    let context = try await server.open(connection, spec: specOptions)
    let reader = ReadOnlyCaller(base: context.session, catalog: context.catalog)
    let policy = SecretPolicy.fromEnvironment(apiKey: context.session.connection.apiKey)
    let exporter = RunbookExporter(caller: reader, catalog: context.catalog, policy: policy)
    let source = Self.describe(context)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<String, CallError> in
      do throws(CallError) {
        let scope = try await exporter.scope(of: parsed)
        return .success(try await exporter.runbook(scope, source: source))
      } catch {
        return .failure(error)
      }
    }
    await context.close()
    if interrupted { throw DokExit.interrupted }
    switch result {
    case .success(let text): Output.stdout(text)
    case .failure(let e): throw DokExit(e)
    }
  }

  /// Where it was read, for the runbook's header: the profile and URL (never the key).
  static func describe(_ context: ServerContext) -> String {
    if context.isSandbox { return "the dok sandbox" }
    let c = context.session.connection
    return c.profile.map { "profile '\($0)' (\(c.serverURL))" } ?? c.serverURL
  }
}
