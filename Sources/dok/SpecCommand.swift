import ArgumentParser
import DokClient
import DokCore

/// `dok spec refresh`: fetch the server's API document again.
struct SpecCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spec", abstract: "Manage the API document fetched from the server.",
    subcommands: [Refresh.self])

  /// `dok spec refresh`.
  struct Refresh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "refresh",
      abstract: "Fetch the server's API document (settings.getOpenApiDocument) into the cache, even if the version is unchanged.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
      let conn = try connection.requireConnection()
      let session = connection.makeSession(conn)
      let provider = SpecProvider(cacheDirectory: XDGPaths.fromEnvironment().cache)
      let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<String, CallError> in
        do throws(CallError) {
          let (catalog, note) = try await provider.catalog(for: session, forceRefresh: true)
          if let note { throw CallError(kind: .transport, message: note) }
          return .success("\(conn.serverURL): \(catalog.procedures.count) procedures (\(catalog.title) \(catalog.version))")
        } catch {
          return .failure(error)
        }
      }
      await session.shutdown()
      switch result {
      case .success(let line): Terminal.standardOutput.write(line + "\n")
      case .failure(let e):
        if interrupted { throw DokExit.interrupted }
        throw DokExit(e)
      }
    }
  }
}
