import ArgumentParser
import DokClient
import DokCore
import DokSpec

/// `--spec FILE`: where the API document comes from.
struct SpecOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Load the API document from FILE (JSON or YAML, OpenAPI 3.0/3.1).", valueName: "FILE"))
  var spec: String?

  @Flag(name: .long, help: "Do not read or write the compiled catalog cache.")
  var noCache = false

  /// Loads the catalog, through the cache. Errors are usage `DokExit`s.
  func catalog() throws -> Catalog {
    let (spec, bytes) = try document()
    do {
      return try cache.catalog(for: bytes, source: spec).0
    } catch {
      throw DokExit.usage("\(error)")
    }
  }

  /// Finds one procedure: in the cached catalog when there is one, else by reading only that
  /// procedure from the document (the cache is left to commands that load everything).
  func lookup(_ name: String) throws -> ProcedureLookup {
    if let spec, let hit = cache.lookup(name, inDocumentAt: spec) { return hit }
    let (spec, bytes) = try document()
    if let hit = cache.lookup(name, for: bytes, documentAt: spec) { return hit }
    do {
      return try ProcedureLookup.find(name, in: bytes, source: spec)
    } catch {
      throw DokExit.usage("\(error)")
    }
  }

  /// The catalog for commands that need no server (`procedures`, `describe`, `complete`), in
  /// order: `--spec FILE`; the configured server's document (`DOKPLOY_URL` or the default
  /// profile: cached, fetched when missing); the document bundled with dok.
  func resolvedCatalog(quiet: Bool = false) async throws -> Catalog {
    if spec != nil { return try catalog() }
    let paths = XDGPaths.fromEnvironment()
    // The URL decides which cached document; the key (which may run api_key_cmd) is read only
    // when the document has to be fetched.
    var resolver = (try? ConnectionOptions.store.load()).map { ConnectionResolver(config: $0) }
    resolver?.readsKeys = false
    if case .remote(var connection)? = try? resolver?.resolve(ConnectionSettings()) {
      let provider = SpecProvider(cacheDirectory: noCache ? nil : paths.cache)
      if let cached = provider.cachedCatalog(for: connection) { return cached }
      resolver?.readsKeys = true
      if let withKey = (try? resolver?.resolve(ConnectionSettings()))?.connection { connection = withKey }
      let session = DokSession(connection: connection)
      defer { Task { await session.shutdown() } }
      do {
        return try await provider.catalog(for: session, preferCache: true).0
      } catch {
        if !quiet {
          Terminal.standardError.write(
            "note: cannot get the API document of \(connection.serverURL) (\(error.message)); using the one bundled with dok\n")
        }
      }
    }
    return try Self.bundledCatalog(cacheDirectory: noCache ? nil : paths.cache)
  }

  /// The real Dokploy document bundled with dok (the one the built-in sandbox serves), compiled
  /// through the catalog cache like any other document.
  static func bundledCatalog(cacheDirectory: String? = XDGPaths.fromEnvironment().cache) throws -> Catalog {
    do {
      return try SandboxServer.bundledCatalog(cacheDirectory: cacheDirectory)
    } catch {
      throw DokExit.usage("the bundled API document does not load: \(error)")
    }
  }

  private var cache: CatalogCache { CatalogCache(directory: noCache ? nil : XDGPaths.fromEnvironment().cache) }

  private func document() throws -> (path: String, bytes: [UInt8]) {
    guard let spec else {
      throw DokExit.usage("no API document: pass --spec FILE (a Dokploy openapi.json)")
    }
    do {
      return (spec, try FileIO.read(spec))
    } catch {
      throw DokExit.usage("cannot read the API document: \(error)")
    }
  }
}

/// `--output text|json` for listing commands.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
