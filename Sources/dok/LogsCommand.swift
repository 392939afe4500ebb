import ArgumentParser
import DokClient
import DokCore
import DokLive
import DokRuntime
import DokSpec

/// `dok logs SERVICE-KIND ID|PATH`, or `dok logs PATH` (the kind found by name), with `[--tail N]
/// [--since 10m] [--follow]`: a service's container logs.
struct LogsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logs", abstract: "Print a service's container logs (--follow keeps printing until Ctrl-C).",
    discussion: """
      SERVICE-KIND is application, compose, postgres, mysql, mariadb, mongo, redis or libsql; a path \
      (project/environment/name, or project/name in the default environment) may stand for the id, or for \
      both: `dok logs shop/web` finds the service's kind by its name. The logs come from \
      <kind>.readLogs, or with --follow (and on servers without it) from Dokploy's /docker-container-logs \
      WebSocket; when --follow finds no container (or the stream cannot be opened), it polls \
      <kind>.readLogs every 2s instead, until Ctrl-C. Log lines go to stdout; notes to stderr. Exit codes: 0 ok (and after Ctrl-C ends a \
      follow), 2 usage error, 3 API error reply, 4 transport error.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Option(name: .long, help: "Lines from the end (1-10000).")
  var tail = 100

  @Option(name: .long, help: "Only lines newer than this: all, or 30s, 10m, 2h, 1d.")
  var since = "all"

  @Flag(name: .shortAndLong, help: "Keep printing new lines until Ctrl-C.")
  var follow = false

  @Argument(help: "application, compose, postgres, mysql, mariadb, mongo, redis or libsql; or the service's path.")
  var kind: String

  @Argument(help: "The service's id (applicationId, composeId, postgresId, …) or path (shop/staging/web).")
  var id: String?

  func run() async throws {
    // `dok logs PATH`: the kind is found by name; `dok logs KIND PATH`: ids never hold a '/'.
    let path: ResourcePath? = try Self.path(id == nil ? kind : id!.contains("/") ? id! : nil)
    let request = ServiceLogs.Request(
      kind: id == nil ? "application" : kind, id: id ?? "", tail: tail, since: since, follow: follow)
    if let problem = ServiceLogs.problem(with: request) { throw DokExit.usage(problem) }
    let context = try await server.open(connection, spec: specOptions)
    let logs = ServiceLogs(caller: context.session, catalog: context.catalog, logStreams: context.session.logStreams)
    let resolver = PathResolver(caller: context.session, catalog: context.catalog)
    let named = id == nil ? nil : PathParameter.Kind(rawValue: kind)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> CallError? in
      do throws(CallError) {
        var request = request
        if let path {
          if let named {
            request.id = try await resolver.id(of: named, at: path)
          } else {
            let found = try await resolver.service(at: path)
            request.kind = found.kind.rawValue
            request.id = found.id
          }
        }
        try await logs.run(request, emit: { Output.stdout($0 + "\n") }, note: { Output.stderr("dok: " + $0 + "\n") })
        return nil
      } catch {
        return error
      }
    }
    await context.close()
    if let e = result, !interrupted { throw DokExit(e) }
  }

  /// The service path in `text` (nil for none), or a usage error.
  private static func path(_ text: String?) throws -> ResourcePath? {
    guard let text else { return nil }
    switch ResourcePath.parse(text) {
    case .failure(let e): throw DokExit.usage(e.message)
    case .success(let p):
      guard PathParameter.Kind.application.segmentCounts.contains(p.segments.count) else {
        throw DokExit.usage("'\(text)' is not a service's path: \(PathParameter.Kind.application.pathForm)")
      }
      return p
    }
  }
}
