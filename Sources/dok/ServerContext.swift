import DokClient
import DokCore
import DokRuntime
import DokSpec

/// The server a command talks to, ready to use: a session, the catalog, and what to call it.
/// ``open(_:)`` connects to a configured server; ``SandboxServer`` builds one over the built-in
/// sandbox with ``init(session:promptName:serverDescription:notes:isSandbox:refresh:stop:check:)``. It lives in
/// the executable, the one target that links both the client and the sandbox: the runtime and
/// the REPL link neither.
public final class ServerContext: Sendable {
  public let session: DokSession
  /// The catalog calls are bound against (the session's: a refresh replaces it there).
  public var catalog: Catalog { session.catalog! }
  /// `sandbox`, or the profile's name (or the host) with the server's Dokploy version when
  /// known (`prod v0.30.2`): shown in the REPL prompt.
  public let promptName: String
  /// The server's URL (for recordings and messages; never the key).
  public let serverDescription: String
  /// One-line notes for stderr (the sandbox banner, "using the cached document").
  public let notes: [String]
  /// True over the built-in sandbox (nothing real is touched).
  public let isSandbox: Bool
  private let refresh: @Sendable (DokSession) async -> Result<Catalog, CallError>
  private let stop: @Sendable () async -> Void
  private let check: @Sendable (DokSession) async -> SpecProvider.Update?

  /// A context over `session`. `refresh` fetches the document again (`:spec refresh`); `stop`
  /// runs after the session is shut down (stopping an in-process server).
  public init(
    session: DokSession, promptName: String, serverDescription: String, notes: [String], isSandbox: Bool = false,
    refresh: @escaping @Sendable (DokSession) async -> Result<Catalog, CallError>,
    stop: @escaping @Sendable () async -> Void = {},
    check: @escaping @Sendable (DokSession) async -> SpecProvider.Update? = { _ in nil }
  ) {
    self.check = check
    self.session = session
    self.promptName = promptName
    self.serverDescription = serverDescription
    self.notes = notes
    self.isSandbox = isSandbox
    self.refresh = refresh
    self.stop = stop
  }

  /// How to open a server.
  public struct Request: Sendable {
    public var target: ServerTarget
    /// `--sandbox`: use the built-in sandbox even when a server is configured.
    public var forceSandbox = false
    /// `--spec FILE`.
    public var specFile: String?
    public var validate = true
    public var cacheDirectory: String?
    public var observer: (@Sendable (SessionEvent) -> Void)?
    /// Sandbox deploy duration (seconds).
    public var sandboxDeploySeconds = 3.0
    /// Sandbox queue delay (seconds) before the worker takes a deploy.
    public var sandboxQueueDelay = 1.0
    /// Start from a cached document at once even when its version check is due (the REPL);
    /// ``checkDocumentIfDue()`` then checks in the background.
    public var deferSpecCheck = false

    public init(target: ServerTarget) { self.target = target }

    /// True when the built-in sandbox is to be used: asked for, or no server is configured.
    public var wantsSandbox: Bool { forceSandbox || !target.isConfigured }
  }

  /// Connects to the configured server and loads the catalog (through the cache).
  public static func open(_ r: Request) async throws(CallError) -> ServerContext {
    guard let connection = r.target.connection else {
      throw CallError(kind: .argument, message: "no server is configured")
    }
    let session = DokSession(connection: connection, validate: r.validate, observer: r.observer)
    let provider = SpecProvider(cacheDirectory: r.cacheDirectory, checkInterval: SpecProvider.checkInterval(for: connection))
    do {
      let (catalog, note) = try await provider.catalog(for: session, specFile: r.specFile, preferCache: r.deferSpecCheck)
      session.catalog = catalog
      let cacheDirectory = r.cacheDirectory
      // A reply that suggests the document is stale makes the session check and reload it.
      if r.specFile == nil { session.refresher = StaleDocumentRefresher(provider: provider) }
      return ServerContext(
        session: session, promptName: ServerIdentity.promptName(connection, version: provider.cachedVersion(for: connection)),
        serverDescription: connection.serverURL,
        notes: note.map { [$0] } ?? [],
        refresh: { session async -> Result<Catalog, CallError> in
          do throws(CallError) {
            return .success(try await SpecProvider(cacheDirectory: cacheDirectory).catalog(for: session, forceRefresh: true).0)
          } catch {
            return .failure(error)
          }
        },
        check: { session in r.specFile == nil ? await provider.checkIfDue(for: session) : nil })
    } catch {
      await session.shutdown()
      throw error
    }
  }

  /// Re-fetches the server's document (`:spec refresh`) into the session.
  public func refreshCatalog() async -> Result<Catalog, CallError>? {
    let result = await refresh(session)
    if case .success(let c) = result { session.catalog = c }
    return result
  }

  /// Checks the server's version if the cached document is due for it and, when the document
  /// changed, installs the new one in the session and returns it (with a note). Nil for the
  /// sandbox and `--spec FILE`, or when nothing changed.
  public func checkDocumentIfDue() async -> SpecProvider.Update? {
    guard let update = await check(session) else { return nil }
    session.catalog = update.catalog
    return update
  }

  /// Closes the connection pool and stops an in-process server.
  public func close() async {
    await session.shutdown()
    await stop()
  }
}
