import ArgumentParser
import DokCore
import DokLive
import DokPresentation
import DokRuntime
import DokScript
import DokSpec

/// `dok ls [PATH]`: the server's projects → environments → services as a person reads them.
struct LsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls", abstract: "List projects, environments and services (with status, last deployment, domains).",
    discussion: """
      PATH narrows the listing: a project (shop), an environment (shop/staging), or a service \
      (shop/staging/web, or shop/web in the default environment). A '/' inside a name is written '\\/'. \
      One project.all gives the tree; one deployment.allCentralized the last deployments; databases' \
      names (environment.one) and domains (domain.byApplicationId, domain.byComposeId) take a call each and \
      are read for at most \(TreeListing.detailBound) environments and services: past that, or when the \
      server does not say, the value shows as "—" and a note on stderr says why. Exit codes: \
      \(ExitStatus.summaryLine(of: [.success, .usage, .apiError, .transport])) (an unknown name is \
      NOT_FOUND, with "did you mean").
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Option(name: .shortAndLong, help: "table (default; statuses coloured on a terminal), json, pretty, yaml or raw.")
  var output: OutputFormat = .table

  @Argument(help: "A project, environment or service path (shop, shop/staging, shop/staging/web).")
  var path: String?

  func run() async throws {
    let path = try path.map { text -> ResourcePath in
      switch ResourcePath.parse(text) {
      case .failure(let e): throw DokExit.usage(e.message)
      case .success(let p):
        guard p.segments.count <= 3 else {
          throw DokExit.usage("'\(text)' is not a path: PROJECT, PROJECT/ENVIRONMENT or PROJECT/ENVIRONMENT/NAME")
        }
        return p
      }
    }
    let context = try await server.open(connection, spec: specOptions)
    let session = context.session
    let catalog = context.catalog
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<TreeListing, CallError> in
      do throws(CallError) {
        return .success(try await TreeListing.read(caller: session, catalog: catalog, path: path))
      } catch {
        return .failure(error)
      }
    }
    await context.close()
    switch result {
    case .failure(let e):
      if interrupted { throw DokExit.interrupted }
      throw DokExit(e)
    case .success(let listing):
      for note in listing.notes { Terminal.standardError.write("dok: " + note + "\n") }
      Terminal.standardOutput.write(
        Self.render(listing, as: output, color: Terminal.standardOutput.useColor, now: SystemClock().now()))
    }
  }

  /// The listing in `format`: the tree table, or its JSON in the other formats.
  static func render(_ listing: TreeListing, as format: OutputFormat, color: Bool, now: Double) -> String {
    format == .table
      ? TreeTable.render(listing.json(), now: now, color: color)
      : OutputFormatter.render(listing.json(), as: format, color: color)
  }
}
