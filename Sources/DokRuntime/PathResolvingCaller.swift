import DokCore
import DokSpec

/// A caller that resolves `<kind>=PATH` arguments to ids (through its ``PathResolver``) before
/// handing the call to the caller it wraps, and forgets the resolver's listing after a call that
/// may change the server (a mutation). Scripts, the REPL, `deploy`, `dok call` and `dok logs`
/// all call through one, so a path works wherever an id does.
public struct PathResolvingCaller: ProcedureCaller {
  public let base: any ProcedureCaller
  public let resolver: PathResolver
  private let catalog: Catalog

  public init(base: any ProcedureCaller, catalog: Catalog) {
    // Never two layers: wrapping a resolving caller wraps what it wraps.
    let inner = (base as? PathResolvingCaller)?.base ?? base
    self.base = inner
    self.catalog = catalog
    self.resolver = (base as? PathResolvingCaller)?.resolver ?? PathResolver(caller: inner, catalog: catalog)
  }

  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await send(procedure, arguments, polling: false)
  }

  /// A `wait`'s attempt: resolved like a call, then the wrapped caller's own `poll` (no retries).
  public func poll(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await send(procedure, arguments, polling: true)
  }

  private func send(_ procedure: String, _ arguments: [CallArgument], polling: Bool) async throws(CallError) -> JSON {
    let resolved = try await resolver.resolve(procedure: procedure, arguments: arguments)
    let changes = catalog.procedure(named: procedure).map { !$0.isQuery } ?? true
    do {
      let reply =
        polling
        ? try await base.poll(procedure: procedure, arguments: resolved)
        : try await base.call(procedure: procedure, arguments: resolved)
      if changes { resolver.invalidate() }
      return reply
    } catch {
      if changes { resolver.invalidate() }
      throw error
    }
  }

  public var logStreams: (any LogStreamSource)? { base.logStreams }
}
