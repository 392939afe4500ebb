import DokCore
import DokSpec
import Synchronization

/// Asks before a destructive call (``DestructiveProcedures``) is sent, at the prompt and for
/// `dok call` on a terminal. Shared by whoever sends (a ``ConfirmingCaller``, `dok call`) and
/// whoever switches it (`:set confirm on|off`). Without an ``ask`` (piped input, no terminal,
/// `dok run`) nothing is ever asked.
public final class DestructiveConfirmation: Sendable {
  /// Shows the question (with ` [y/N] `) and returns the answer; nil when the reading was
  /// interrupted (Ctrl-C) or the input ended.
  public typealias Ask = @Sendable (String) async -> String?

  private let state: Mutex<(enabled: Bool, ask: Ask?)>

  public init(enabled: Bool = true, ask: Ask? = nil) {
    state = Mutex((enabled, ask))
  }

  /// `:set confirm on|off`.
  public var enabled: Bool {
    get { state.withLock { $0.enabled } }
    set { state.withLock { $0.enabled = newValue } }
  }

  /// How the question is asked (nil: never asked).
  public func setAsk(_ ask: Ask?) { state.withLock { $0.ask = ask } }

  /// The answer that proceeds: `y` or `yes` (any case, spaces around allowed); anything else,
  /// an empty line, Ctrl-C and the end of input decline.
  public static func accepts(_ answer: String?) -> Bool {
    guard let a = answer?.trimming(" \t\r\n").lowercased() else { return false }
    return a == "y" || a == "yes"
  }

  /// The error a declined call fails with: nothing was sent.
  public static func declined(_ procedure: String) -> CallError {
    CallError(kind: .argument, procedure: procedure, message: "cancelled: \(procedure) was not sent", code: "CANCELLED")
  }

  /// Returns when `procedure` may be sent: it is not destructive, confirmation is off or cannot
  /// be asked, or the answer was yes. Throws ``declined(_:)`` otherwise. `reader` sends the one
  /// read that names the target.
  public func approve(
    procedure: String, arguments: [CallArgument], catalog: Catalog?, reader: any ProcedureCaller
  ) async throws(CallError) {
    let (enabled, ask) = state.withLock { ($0.enabled, $0.ask) }
    guard enabled, let ask else { return }
    let isQuery = catalog?.procedure(named: procedure)?.isQuery ?? false
    guard DestructiveProcedures.isDestructive(procedure, isQuery: isQuery) else { return }
    let question = await DestructiveQuestion.text(procedure: procedure, arguments: arguments, catalog: catalog, reader: reader)
    if Task.isCancelled { throw Self.declined(procedure) }
    guard Self.accepts(await ask(question + " [y/N] ")) else { throw Self.declined(procedure) }
  }
}

/// A caller that asks its ``DestructiveConfirmation`` before a destructive call and sends
/// nothing when the answer is no. Behind a ``PathResolvingCaller``, it sees resolved ids.
public struct ConfirmingCaller: ProcedureCaller {
  public let base: any ProcedureCaller
  public let confirmation: DestructiveConfirmation
  private let catalog: Catalog

  public init(base: any ProcedureCaller, catalog: Catalog, confirmation: DestructiveConfirmation) {
    self.base = base
    self.catalog = catalog
    self.confirmation = confirmation
  }

  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await confirmation.approve(procedure: procedure, arguments: arguments, catalog: catalog, reader: base)
    return try await base.call(procedure: procedure, arguments: arguments)
  }

  /// A `wait`'s attempt: a condition's call asks like any other.
  public func poll(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await confirmation.approve(procedure: procedure, arguments: arguments, catalog: catalog, reader: base)
    return try await base.poll(procedure: procedure, arguments: arguments)
  }

  public var logStreams: (any LogStreamSource)? { base.logStreams }
}
