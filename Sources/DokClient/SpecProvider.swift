import DokCore
import DokSpec

/// Gets the API document for a server: `--spec FILE` when given, else the server's own
/// (`settings.getOpenApiDocument`), cached per server under
/// `$XDG_CACHE_HOME/dok/servers/<hash of base URL>/` as `openapi.json` plus `meta.json`
/// (`{"url","version","checkedAt"}`; never the key). A cached document is trusted without any
/// request for ``checkInterval`` seconds after its version was last checked; after that one
/// `settings.getDokployVersion` decides whether to fetch it again. An unreachable server falls back
/// to the cache with a note. A reply that suggests the document is stale triggers a check at once
/// (``StaleDocumentRefresher``).
public struct SpecProvider: Sendable {
  /// `$XDG_CACHE_HOME/dok`, or nil for no caching at all.
  public var cacheDirectory: String?
  /// The compiled-catalog cache.
  public var catalogCache: CatalogCache
  /// Seconds a cached document is trusted after its version was checked (0: check every time).
  public var checkInterval: Double
  /// The clock (seconds since 1970), replaceable in tests.
  public var now: @Sendable () -> Double

  /// The default trust interval: 10 minutes.
  public static let defaultCheckInterval = 600.0

  public init(
    cacheDirectory: String?, checkInterval: Double = SpecProvider.defaultCheckInterval,
    now: @escaping @Sendable () -> Double = FileIO.unixTime
  ) {
    self.cacheDirectory = cacheDirectory
    self.catalogCache = CatalogCache(directory: cacheDirectory)
    self.checkInterval = checkInterval
    self.now = now
  }

  /// The interval for `connection`: `DOK_SPEC_CHECK_INTERVAL` (seconds, or a duration such as
  /// `10m`), else the profile's `spec_check_interval`, else 10 minutes.
  public static func checkInterval(for connection: Connection, environment: (String) -> String? = FileIO.environment) -> Double {
    if let text = environment("DOK_SPEC_CHECK_INTERVAL"), let seconds = DurationText.seconds(text) { return seconds }
    return connection.specCheckInterval ?? defaultCheckInterval
  }

  /// The directory holding one server's cached document.
  public func serverDirectory(for connection: Connection) -> String? {
    cacheDirectory.map { "\($0)/servers/\(DocumentHash.hex(Array(connection.baseURL.utf8)))" }
  }

  /// The catalog of the document cached for `connection`, without contacting the server (shell
  /// completion); nil when there is none.
  public func cachedCatalog(for connection: Connection) -> Catalog? {
    guard let dir = serverDirectory(for: connection), FileIO.exists("\(dir)/openapi.json") else { return nil }
    return try? compileCached(in: dir)
  }

  /// The Dokploy version the cached document for `connection` was fetched for (`dok doctor`).
  public func cachedVersion(for connection: Connection) -> String? {
    cachedEntry(in: serverDirectory(for: connection)).version
  }

  /// What is cached for one server (the document itself is read only when needed).
  struct CachedEntry {
    var hasDocument = false
    var version: String?
    var checkedAt: Double?
  }

  func cachedEntry(in dir: String?) -> CachedEntry {
    guard let dir else { return CachedEntry() }
    let meta = try? JSONParser.parse(FileIO.read("\(dir)/meta.json"))
    return CachedEntry(
      hasDocument: FileIO.exists("\(dir)/openapi.json"), version: meta?["version"]?.stringValue,
      checkedAt: meta?["checkedAt"]?.numberValue)
  }

  /// True when a cached entry was checked less than ``checkInterval`` seconds ago.
  func isFresh(_ entry: CachedEntry) -> Bool {
    guard entry.hasDocument, let at = entry.checkedAt, checkInterval > 0 else { return false }
    let age = now() - at
    return age >= 0 && age < checkInterval
  }

  /// The catalog for a session's server (or `specFile`), and a one-line note for stderr when
  /// the cached document was used because the server was unreachable. A cached document whose
  /// version was checked within ``checkInterval`` is used without any request. `forceRefresh`
  /// fetches the document even when the version is unchanged (`dok spec refresh`);
  /// `preferCache` uses a cached document without contacting the server (`--curl`, and the
  /// REPL, which checks in the background with ``checkIfDue(for:)``).
  public func catalog(
    for session: DokSession, specFile: String? = nil, forceRefresh: Bool = false, preferCache: Bool = false
  ) async throws(CallError) -> (Catalog, note: String?) {
    if let specFile { return (try loadFile(specFile), nil) }
    let dir = serverDirectory(for: session.connection)
    let entry = cachedEntry(in: dir)
    let cached = entry.hasDocument ? dir : nil
    let cachedVersion = entry.version
    if !forceRefresh, let cached, preferCache || isFresh(entry) {
      return (try compileCached(in: cached), nil)
    }

    var version: String?
    do {
      version = try await Self.serverVersion(session)
    } catch let error where error.kind == .transport && cached != nil {
      let note =
        "note: \(session.connection.serverURL) is unreachable; using the cached API document"
        + (cachedVersion.map { " (Dokploy \($0))" } ?? "")
      return (try compileCached(in: cached!), note)
    } catch let error where error.kind == .api && error.httpStatus != 401 {
      // A key that may not read the version (403, 404 on an older server): keep any cached
      // document; `dok spec refresh` replaces it.
      version = cachedVersion
    }
    if !forceRefresh, let cached, cachedVersion == version {
      writeMeta(dir, session: session, version: version)
      return (try compileCached(in: cached), nil)
    }
    let bytes = try await fetchDocument(session)
    let catalog = try compile(bytes, source: "\(session.connection.serverURL) API document")
    if let dir { try? FileIO.writeAtomically("\(dir)/openapi.json", bytes, mode: 0o600) }
    writeMeta(dir, session: session, version: version)
    return (catalog, nil)
  }

  /// Records the version and when it was checked (the key is never written).
  func writeMeta(_ dir: String?, session: DokSession, version: String?) {
    guard let dir else { return }
    var meta = JSONObject()
    meta["url"] = .string(session.connection.serverURL)
    meta["version"] = version.map(JSON.string) ?? .null
    meta["checkedAt"] = .number(now())
    try? FileIO.writeAtomically("\(dir)/meta.json", Array(JSONWriter.pretty(.object(meta)).utf8), mode: 0o600)
  }

  /// A newer document found by ``checkIfDue(for:force:)``.
  public struct Update: Sendable {
    public var catalog: Catalog
    public var oldVersion: String?
    public var newVersion: String?

    /// One line for the user: what changed and that dok reloaded it.
    public var note: String {
      let versions = oldVersion != newVersion ? " (Dokploy \(oldVersion ?? "?") → \(newVersion ?? "?"))" : ""
      return "the server's API document changed\(versions): dok reloaded it (\(catalog.procedures.count) procedures)"
    }
  }

  /// Checks the server's version when the cached document is due for a check (the REPL calls
  /// this in the background after starting from the cache; a stale-looking reply calls it with
  /// `force`). When the version changed, fetches the document and returns it, for the caller to
  /// install; nil when nothing changed, the check was not due, or the server could not be asked.
  public func checkIfDue(for session: DokSession, force: Bool = false) async -> Update? {
    let dir = serverDirectory(for: session.connection)
    let entry = cachedEntry(in: dir)
    if !force, isFresh(entry) { return nil }
    let version: String?
    do {
      version = try await Self.serverVersion(session)
    } catch {
      return nil
    }
    if entry.hasDocument, version == entry.version {
      writeMeta(dir, session: session, version: version)
      return nil
    }
    guard let bytes = try? await fetchDocument(session),
      let catalog = try? compile(bytes, source: "\(session.connection.serverURL) API document")
    else { return nil }
    if let dir { try? FileIO.writeAtomically("\(dir)/openapi.json", bytes, mode: 0o600) }
    writeMeta(dir, session: session, version: version)
    return Update(catalog: catalog, oldVersion: entry.version, newVersion: version)
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

  /// The catalog of the document cached in `dir`: without reading the document when its
  /// identity is the one recorded with its hash, else read, hashed (and its identity recorded).
  private func compileCached(in dir: String) throws(CallError) -> Catalog {
    let path = "\(dir)/openapi.json"
    if let catalog = catalogCache.catalog(forDocumentAt: path) { return catalog }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw CallError(kind: .transport, message: "cannot read the cached API document: \(error)")
    }
    do {
      return try catalogCache.catalog(for: bytes, source: "cached API document", documentAt: path)
    } catch {
      throw CallError(kind: .transport, message: "unusable API document: \(error)")
    }
  }

  private func compile(_ bytes: [UInt8], source: String) throws(CallError) -> Catalog {
    do {
      return try catalogCache.catalog(for: bytes, source: source).0
    } catch {
      throw CallError(kind: .transport, message: "unusable API document: \(error)")
    }
  }
}
