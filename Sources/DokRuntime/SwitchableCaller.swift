import DokClient
import DokCore
import Synchronization

/// A caller whose session can be replaced while a REPL runs (`:set transport trpc`): the new
/// session has the same server, key and catalog, and its own connection pool.
public final class SwitchableCaller: ProcedureCaller, Sendable {
  private let current: Mutex<DokSession>

  public init(_ session: DokSession) { current = Mutex(session) }

  /// The session in use.
  public var session: DokSession { current.withLock { $0 } }

  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await session.call(procedure: procedure, arguments: arguments)
  }

  /// Switches the wire form; the old session's pool is closed in the background.
  public func setTransport(_ form: WireForm) {
    let old = session
    var connection = old.connection
    connection.transport = form
    let fresh = DokSession(connection: connection, catalog: old.catalog, validate: old.validate)
    current.withLock { $0 = fresh }
    Task { await old.shutdown() }
  }
}
