import DokClient
import DokCore
import DokSandbox
import DokSpec

extension DokSession: ProcedureCaller {}

/// The server a command talks to, ready to use: a session, the catalog, and what to call it.
/// With no server configured (or `--sandbox`) it is the built-in sandbox, started in-process on
/// a free port, with its own document loaded directly (no request, no cache).
public final class ServerContext: Sendable {
  public let session: DokSession
  /// The catalog calls are bound against (the session's: a refresh replaces it there).
  public var catalog: Catalog { session.catalog! }
  /// `sandbox`, the profile's name, or the host: shown in the REPL prompt.
  public let promptName: String
  /// The server's URL (for recordings and messages; never the key).
  public let serverDescription: String
  /// The sandbox, when one was started.
  public let sandbox: Sandbox?
  /// One-line notes for stderr (the sandbox banner, "using the cached document").
  public let notes: [String]
  /// Where documents are cached (nil with `--no-cache`), for a refresh.
  let cacheDirectory: String?

  init(session: DokSession, promptName: String, serverDescription: String, sandbox: Sandbox?, notes: [String], cacheDirectory: String?) {
    self.session = session
    self.cacheDirectory = cacheDirectory
    self.promptName = promptName
    self.serverDescription = serverDescription
    self.sandbox = sandbox
    self.notes = notes
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

    public init(target: ServerTarget) { self.target = target }
  }

  /// Connects (or starts the sandbox) and loads the catalog.
  public static func open(_ r: Request) async throws(CallError) -> ServerContext {
    if r.forceSandbox || !r.target.isConfigured {
      let sandbox: Sandbox
      do {
        sandbox = try await Sandbox.start(
          SandboxOptions(deploySeconds: r.sandboxDeploySeconds, queueDelay: r.sandboxQueueDelay))
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
          catalog = try SpecLoader.catalog(from: sandbox.engine.openAPIDocument)
        }
      } catch {
        await sandbox.stop()
        throw CallError(kind: .argument, message: "\(error)")
      }
      let session = DokSession(connection: connection, catalog: catalog, validate: r.validate, observer: r.observer)
      let why = r.forceSandbox ? "--sandbox" : "no server configured"
      let banner = "dok: \(why): using the built-in sandbox at \(sandbox.url) (a simulated Dokploy; nothing real is touched)"
      return ServerContext(
        session: session, promptName: "sandbox", serverDescription: "the dok sandbox (\(sandbox.url))",
        sandbox: sandbox, notes: [banner], cacheDirectory: r.cacheDirectory)
    }
    let connection = r.target.connection!
    let session = DokSession(connection: connection, validate: r.validate, observer: r.observer)
    let provider = SpecProvider(cacheDirectory: r.cacheDirectory)
    do {
      let (catalog, note) = try await provider.catalog(for: session, specFile: r.specFile)
      session.catalog = catalog
      return ServerContext(
        session: session, promptName: connection.profile ?? connection.authority, serverDescription: connection.serverURL,
        sandbox: nil, notes: note.map { [$0] } ?? [], cacheDirectory: r.cacheDirectory)
    } catch {
      await session.shutdown()
      throw error
    }
  }

  /// Re-fetches the server's document (`:spec refresh`) into the session, through the cache
  /// directory the context was opened with.
  public func refreshCatalog() async -> Result<Catalog, CallError>? {
    if let sandbox {
      do {
        let c = try SpecLoader.catalog(from: sandbox.engine.openAPIDocument)
        session.catalog = c
        return .success(c)
      } catch {
        return .failure(CallError(kind: .argument, message: "\(error)"))
      }
    }
    do {
      let (c, _) = try await SpecProvider(cacheDirectory: cacheDirectory).catalog(for: session, forceRefresh: true)
      session.catalog = c
      return .success(c)
    } catch {
      return .failure(error)
    }
  }

  /// Closes the connection pool and stops the sandbox.
  public func close() async {
    await session.shutdown()
    await sandbox?.stop()
  }
}
