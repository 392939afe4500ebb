import DokCore
import DokSpec

/// Gets the API document for a server: `--spec FILE` when given, else the server's own
/// (`settings.getOpenApiDocument`), cached per server under
/// `$XDG_CACHE_HOME/dok/servers/<hash of base URL>/` as `openapi.json` plus `meta.json`
/// (`{"url","version"}`; never the key). The cache is refreshed when
/// `settings.getDokployVersion` changes; an unreachable server falls back to the cache with a note.
public struct SpecProvider: Sendable {
  /// `$XDG_CACHE_HOME/dok`, or nil for no caching at all.
  public var cacheDirectory: String?
  /// The compiled-catalog cache.
  public var catalogCache: CatalogCache

  public init(cacheDirectory: String?) {
    self.cacheDirectory = cacheDirectory
    self.catalogCache = CatalogCache(directory: cacheDirectory)
  }

  /// The directory holding one server's cached document.
  public func serverDirectory(for connection: Connection) -> String? {
    cacheDirectory.map { "\($0)/servers/\(DocumentHash.hex(Array(connection.baseURL.utf8)))" }
  }

  /// The catalog of the document cached for `connection`, without contacting the server (shell
  /// completion); nil when there is none.
  public func cachedCatalog(for connection: Connection) -> Catalog? {
    guard let dir = serverDirectory(for: connection), let bytes = try? FileIO.read("\(dir)/openapi.json") else { return nil }
    return try? compile(bytes, source: "cached API document")
  }

  /// The catalog for a session's server (or `specFile`), and a one-line note for stderr when
  /// the cached document was used because the server was unreachable. `forceRefresh` fetches
  /// the document even when the version is unchanged (`dok spec refresh`); `preferCache` uses a
  /// cached document without contacting the server (`--curl`).
  public func catalog(
    for session: DokSession, specFile: String? = nil, forceRefresh: Bool = false, preferCache: Bool = false
  ) async throws(CallError) -> (Catalog, note: String?) {
    if let specFile { return (try loadFile(specFile), nil) }
    let dir = serverDirectory(for: session.connection)
    let cached = dir.flatMap { try? FileIO.read("\($0)/openapi.json") }
    let cachedVersion = dir.flatMap { try? JSONParser.parse(FileIO.read("\($0)/meta.json")) }?["version"]?.stringValue
    if preferCache, !forceRefresh, let cached { return (try compile(cached, source: "cached API document"), nil) }

    var version: String?
    do {
      version = try await Self.serverVersion(session)
    } catch let error where error.kind == .transport && cached != nil {
      let note =
        "note: \(session.connection.serverURL) is unreachable; using the cached API document"
        + (cachedVersion.map { " (Dokploy \($0))" } ?? "")
      return (try compile(cached!, source: "cached API document"), note)
    } catch let error where error.kind == .api && error.httpStatus != 401 {
      // A key that may not read the version (403, 404 on an older server): keep any cached
      // document; `dok spec refresh` replaces it.
      version = cachedVersion
    }
    if !forceRefresh, let cached, cachedVersion == version {
      return (try compile(cached, source: "cached API document"), nil)
    }
    let bytes = try await fetchDocument(session)
    let catalog = try compile(bytes, source: "\(session.connection.serverURL) API document")
    if let dir {
      var meta = JSONObject()
      meta["url"] = .string(session.connection.serverURL)
      meta["version"] = version.map(JSON.string) ?? .null
      try? FileIO.writeAtomically("\(dir)/openapi.json", bytes, mode: 0o600)
      try? FileIO.writeAtomically("\(dir)/meta.json", Array(JSONWriter.pretty(.object(meta)).utf8), mode: 0o600)
    }
    return (catalog, nil)
  }

  /// Dokploy's version string (`settings.getDokployVersion`), or nil when the reply is not a
  /// string. Not retried: an unreachable server falls back to the cache at once.
  public static func serverVersion(_ session: DokSession) async throws(CallError) -> String? {
    let v = try await session.callRaw(name: "settings.getDokployVersion", method: "GET", retry: RetryPolicy.none)
    return v.stringValue ?? (v.isNull ? nil : v.compactText)
  }

  /// The server's OpenAPI document as JSON bytes.
  public func fetchDocument(_ session: DokSession) async throws(CallError) -> [UInt8] {
    let doc = try await session.callRaw(name: "settings.getOpenApiDocument", method: "GET")
    guard case .object = doc else {
      throw CallError(
        kind: .transport, procedure: "settings.getOpenApiDocument",
        message: "the server's API document is not a JSON object (got \(doc.typeName))")
    }
    return Array(JSONWriter.compact(doc).utf8)
  }

  /// Loads `--spec FILE` through the catalog cache.
  public func loadFile(_ path: String) throws(CallError) -> Catalog {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw CallError(kind: .argument, message: "cannot read the API document: \(error)")
    }
    return try compile(bytes, source: path)
  }

  private func compile(_ bytes: [UInt8], source: String) throws(CallError) -> Catalog {
    do {
      return try catalogCache.catalog(for: bytes, source: source).0
    } catch {
      throw CallError(kind: .transport, message: "unusable API document: \(error)")
    }
  }
}
