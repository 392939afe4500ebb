import DokCore
import DokSpec
import Synchronization

/// Looks at a failed call and, when the reply suggests the loaded API document no longer matches
/// the server, reloads it into the session. Returns a one-line note when it did.
public protocol DocumentRefresher: Sendable {
  /// Called by ``DokSession/call(procedure:arguments:)`` after a failure.
  func refresh(_ session: DokSession, after error: CallError) async -> String?
}

/// The production refresher: a documented procedure that the server does not route ("Not
/// found"), or arguments the document allowed that the server's validation rejects, make it
/// check the server's version at once (at most one check per ``minimumSpacing`` seconds) and,
/// when the version changed, fetch and install the new document.
public final class StaleDocumentRefresher: DocumentRefresher {
  let provider: SpecProvider
  /// Seconds between two checks, so a loop of failing calls does not re-check on every one.
  public let minimumSpacing: Double
  private let lastCheck = Mutex<Double?>(nil)

  public init(provider: SpecProvider, minimumSpacing: Double = 30) {
    self.provider = provider
    self.minimumSpacing = minimumSpacing
  }

  /// True for the replies a stale document causes: the REST adapter's or tRPC's "no such route"
  /// (404, distinct from a `*.one` "Application not found"), or a validation failure of
  /// arguments that passed the document's schema.
  public static func suggestsStaleDocument(_ e: CallError) -> Bool {
    guard e.kind == .api else { return false }
    switch e.httpStatus {
    case 404: return e.message == "Not found" || e.message.hasPrefix("No \"")
    case 400: return e.code == "BAD_REQUEST" && (e.message == "Input validation failed" || !e.issues.isEmpty)
    default: return false
    }
  }

  public func refresh(_ session: DokSession, after error: CallError) async -> String? {
    guard Self.suggestsStaleDocument(error) else { return nil }
    let now = provider.now()
    let due = lastCheck.withLock { last -> Bool in
      if let l = last, now - l < minimumSpacing, now >= l { return false }
      last = now
      return true
    }
    guard due, let update = await provider.checkIfDue(for: session, force: true) else { return nil }
    session.catalog = update.catalog
    return update.note
  }
}
