import DokCore
import DokSpec
import Synchronization

/// A caller that sends only queries (`isQuery` in the catalog) and refuses anything else before
/// it is sent: what `dok export` and a rehearsal read production through, so that they cannot
/// change it whatever they are asked. It counts what it sent.
public final class ReadOnlyCaller: ProcedureCaller, Sendable {
  public let base: any ProcedureCaller
  private let catalog: Catalog
  private let sent = Mutex<[String]>([])

  public init(base: any ProcedureCaller, catalog: Catalog) {
    self.base = base
    self.catalog = catalog
  }

  /// The procedures sent so far, in order.
  public var procedures: [String] { sent.withLock { $0 } }

  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    guard let proc = catalog.procedure(named: procedure), proc.isQuery else {
      throw CallError(
        kind: .argument, procedure: procedure,
        message: "\(procedure) would change the server: only read calls are sent here (export, rehearsal)")
    }
    sent.withLock { $0.append(procedure) }
    return try await base.call(procedure: procedure, arguments: arguments)
  }
}
