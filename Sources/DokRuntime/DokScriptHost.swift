import DokCore
import DokScript
import DokSpec
import Synchronization

/// The language's window on the world: calls go to a ``ProcedureCaller`` (the client), the
/// static check uses the catalog and ``ArgumentBinder``, files are read relative to the
/// including script, and the debug hook is pluggable.
public final class DokScriptHost: ScriptHost, @unchecked Sendable {
  public let catalog: Catalog
  /// The caller given, behind a ``PathResolvingCaller``: `<kind>=PATH` works in every call,
  /// `deploy` and `:logs`.
  public let caller: any ProcedureCaller
  private let binder: ArgumentBinder
  public let clock: any ScriptClock
  private let failureHandler: Mutex<(@Sendable (ScriptFailure) -> FailureDecision)?>
  /// When set, every reply teaches it the values of secret-looking fields, so traces and
  /// reports mask them wherever a script copies them.
  public let secrets: SecretPolicy?

  public init(
    catalog: Catalog, caller: any ProcedureCaller, validate: Bool = true, clock: any ScriptClock = SystemClock(),
    secrets: SecretPolicy? = nil, onFailure: (@Sendable (ScriptFailure) -> FailureDecision)? = nil
  ) {
    self.catalog = catalog
    self.caller = PathResolvingCaller(base: caller, catalog: catalog)
    self.binder = ArgumentBinder(validate: validate)
    self.clock = clock
    self.secrets = secrets
    self.failureHandler = Mutex(onFailure)
  }

  /// Replaces the debug hook (`dok run --debug`).
  public func setFailureHandler(_ handler: (@Sendable (ScriptFailure) -> FailureDecision)?) {
    failureHandler.withLock { $0 = handler }
  }

  /// A `source`d file, read like `dok run` reads one (BOM dropped, the same error wording).
  public func readSource(path: String) throws -> String {
    do {
      return try SourceFile.read(path)
    } catch {
      throw SourceFile.Unreadable(reason: error.reason)
    }
  }

  public func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
    try await reply(location) { () async throws(CallError) in try await caller.call(procedure: procedure, arguments: arguments) }
  }

  public func poll(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
    try await reply(location) { () async throws(CallError) in try await caller.poll(procedure: procedure, arguments: arguments) }
  }

  /// A call's reply (its secrets learnt), or its error located at the call.
  private func reply(_ location: SourceLocation, _ send: () async throws(CallError) -> JSON) async throws(CallError) -> JSON {
    do {
      let reply = try await send()
      secrets?.learn(from: reply)
      return reply
    } catch {
      var e = error
      if e.location == nil { e.location = location }
      throw e
    }
  }

  public func prepare(procedure: String, arguments: [CallArgument]) async throws(CallError) -> [CallArgument] {
    guard let resolving = caller as? PathResolvingCaller else { return arguments }
    return try await resolving.resolver.resolve(procedure: procedure, arguments: arguments)
  }

  public func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic] {
    guard let proc = catalog.procedure(named: procedure) else {
      let close = catalog.suggestions(for: procedure)
      return [
        Diagnostic(
          .error, "unknown procedure '\(procedure)'",
          at: SourceLocation(file: location.file, line: location.line, column: location.column, length: procedure.count),
          notes: Suggest.didYouMean(close).map { [$0] } ?? [])
      ]
    }
    return binder.check(arguments, against: proc).map { e in
      Diagnostic(.error, e.message, at: e.location ?? location, notes: e.hints.map { "hint: \($0)" })
    }
  }

  /// A query (GET) changes nothing; a mutation, or a procedure the document does not name, may.
  public func changesState(procedure: String) -> Bool {
    catalog.procedure(named: procedure).map { !$0.isQuery } ?? true
  }

  /// Text a built-in made from a learned secret is masked like it.
  public func derived(_ output: JSON, from inputs: [JSON]) {
    secrets?.learn(derived: output, from: inputs)
  }

  public func onFailure(_ failure: ScriptFailure) -> FailureDecision {
    failureHandler.withLock { $0 }?(failure) ?? .abort
  }
}
