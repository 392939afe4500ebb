import ArgumentParser
import DokClient
import DokCore
import DokLive
import DokRuntime

/// `dok logs SERVICE-KIND ID [--tail N] [--since 10m] [--follow]`: a service's container logs.
struct LogsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logs", abstract: "Print a service's container logs (--follow keeps printing until Ctrl-C).",
    discussion: """
      SERVICE-KIND is application, compose, postgres, mysql, mariadb, mongo, redis or libsql. The logs come from \
      <kind>.readLogs, or with --follow (and on servers without it) from Dokploy's /docker-container-logs \
      WebSocket. Log lines go to stdout; notes to stderr. Exit codes: 0 ok (and after Ctrl-C ends a \
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

  @Argument(help: "application, compose, postgres, mysql, mariadb, mongo, redis or libsql.")
  var kind: String

  @Argument(help: "The service's id (applicationId, composeId, postgresId, …).")
  var id: String

  func run() async throws {
    let request = ServiceLogs.Request(kind: kind, id: id, tail: tail, since: since, follow: follow)
    if let problem = ServiceLogs.problem(with: request) { throw DokExit.usage(problem) }
    let context = try await server.open(connection, spec: specOptions)
    let logs = ServiceLogs(caller: context.session, catalog: context.catalog, logStreams: context.session.logStreams)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> CallError? in
      do throws(CallError) {
        try await logs.run(request, emit: { Output.stdout($0 + "\n") }, note: { Output.stderr("dok: " + $0 + "\n") })
        return nil
      } catch {
        return error
      }
    }
    await context.close()
    if let e = result, !interrupted { throw DokExit(e) }
  }
}
