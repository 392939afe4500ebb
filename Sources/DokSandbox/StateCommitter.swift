import DokCore
import Synchronization

/// Writes the sandbox state file by group commit: one writer at a time saves the newest state;
/// every call waiting for a revision up to the one saved is released together. Under many
/// concurrent writers each save covers many changes, so `--state` keeps most of the throughput
/// while no reply is sent before its change is on disk.
final class StateCommitter: Sendable {
  private struct Progress {
    var committed = 0
    var writing = false
    var failure: String?
    var waiters: [(revision: Int, continuation: CheckedContinuation<Void, Never>)] = []
  }

  private let file: StateFile
  private unowned(unsafe) let engine: SandboxEngine
  private let progress = Mutex(Progress())
  /// Serializes synchronous commits with the asynchronous writer.
  private let writeLock = Mutex(())

  init(file: StateFile, engine: SandboxEngine) {
    self.file = file
    self.engine = engine
  }

  /// Saves synchronously unless a save already covered `revision` (in-process callers).
  func commitNow(upTo revision: Int) throws(SandboxError) {
    if progress.withLock({ $0.committed >= revision }) { return }
    let failure = writeLock.withLock { _ in writeOnce() }
    if let failure { throw SandboxError(.INTERNAL_SERVER_ERROR, "Could not save the sandbox state: \(failure)") }
  }

  /// Suspends until a save covers `revision`.
  func waitDurable(_ revision: Int) async throws(SandboxError) {
    await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
      let startWriter = progress.withLock { p -> Bool? in
        if p.committed >= revision { return nil }
        p.waiters.append((revision, c))
        if p.writing { return false }
        p.writing = true
        return true
      }
      switch startWriter {
      case nil: c.resume()
      case true?: Task(executorPreference: SandboxExecutor.shared) { self.writeLoop() }
      case false?: break
      }
    }
    if let failure = progress.withLock({ $0.failure }) { throw SandboxError(.INTERNAL_SERVER_ERROR, "Could not save the sandbox state: \(failure)") }
  }

  private func writeLoop() {
    while true {
      _ = writeLock.withLock { _ in writeOnce() }
      let more = progress.withLock { p -> Bool in
        if p.waiters.isEmpty { p.writing = false }
        return p.writing
      }
      if !more { return }
    }
  }

  /// Saves the newest state and releases the waiters it covers; returns the failure, if any.
  private func writeOnce() -> String? {
    let snapshot = engine.snapshot()
    var failure: String?
    do throws(StateFile.Failure) {
      try file.save(snapshot.json)
    } catch {
      failure = error.description
    }
    let ready = progress.withLock { p -> [CheckedContinuation<Void, Never>] in
      p.failure = failure
      if failure == nil { p.committed = max(p.committed, snapshot.revision) }
      // On failure every waiter is released (and reports it); otherwise those covered.
      let covered = p.waiters.filter { failure != nil || $0.revision <= snapshot.revision }
      p.waiters.removeAll { failure != nil || $0.revision <= snapshot.revision }
      return covered.map(\.continuation)
    }
    for c in ready { c.resume() }
    return failure
  }
}
