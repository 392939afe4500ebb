import DokClient
import DokCore
import DokRuntime
import DokSandbox
import DokSpec

/// The sandbox fallback: with no server configured (or `--sandbox`) commands talk to the
/// built-in sandbox, started in-process on a free port, with its own document's catalog loaded
/// directly (no request), through the compiled-catalog cache. It lives in the executable so that the runtime and the REPL never
/// link the simulated server.
enum SandboxServer {
  /// Starts the sandbox and opens a context on it.
  static func open(_ r: ServerContext.Request) async throws(CallError) -> ServerContext {
    let sandbox: Sandbox
    do {
      sandbox = try await Sandbox.start(SandboxOptions(deploySeconds: r.sandboxDeploySeconds, queueDelay: r.sandboxQueueDelay))
    } catch {
      throw CallError(kind: .transport, message: "cannot start the built-in sandbox: \(error)")
    }
    let transport = r.target.connection?.transport ?? .openapi
    let connection = Connection(baseURL: sandbox.url + "/api", source: .flag, transport: transport)
    let catalog: Catalog
    do {
      if let specFile = r.specFile {
        catalog = try SpecLoader.load(FileIO.read(specFile), source: specFile)
      } else {
        catalog = try bundledCatalog(cacheDirectory: r.cacheDirectory)
      }
    } catch {
      await sandbox.stop()
      throw CallError(kind: .argument, message: "\(error)")
    }
    let session = DokSession(connection: connection, catalog: catalog, validate: r.validate, observer: r.observer)
    let why = r.forceSandbox ? "--sandbox" : "no server configured"
    let banner = "dok: \(why): using the built-in sandbox at \(sandbox.url) (a simulated Dokploy; nothing real is touched)"
    return ServerContext(
      session: session, promptName: "sandbox", serverDescription: "the dok sandbox (\(sandbox.url))", notes: [banner],
      isSandbox: true,
      refresh: { _ in
        do {
          return .success(try bundledCatalog(cacheDirectory: r.cacheDirectory))
        } catch {
          return .failure(CallError(kind: .argument, message: "\(error)"))
        }
      },
      stop: { await sandbox.stop() })
  }

  /// The catalog of the document the sandbox serves (the bundled one; its `servers` URL plays
  /// no part in the catalog), through the compiled-catalog cache: the 1.8 MB document is parsed
  /// on the first start only, and later starts decode the cached catalog (the entry `describe`
  /// and `procedures` use for the same document).
  static func bundledCatalog(cacheDirectory: String?) throws(SpecError) -> Catalog {
    let bytes = Array(OpenAPIDocument.text(serverURL: "http://127.0.0.1/api").utf8)
    return try CatalogCache(directory: cacheDirectory).catalog(for: bytes, source: "the Dokploy document bundled with dok").0
  }
}
