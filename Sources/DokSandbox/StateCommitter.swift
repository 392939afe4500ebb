import DokCore
import Synchronization

/// Writes the sandbox state file by group commit: one writer at a time appends the changes made
/// since its last write to the journal (one synced line) and releases every call waiting for a
/// revision up to the one written. Each line holds only the rows that changed, so a write costs
/// what changed, not the whole state; every ``compactEvery`` lines the whole state is written as
/// the snapshot (atomically) and the journal emptied. No reply is sent before its change is on disk.
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
  /// Journal lines between compactions.
  static let compactEvery = 2000
  /// Lines written since the last compaction (guarded by `writeLock`).
  private let linesSinceCompaction = Mutex(0)
  /// Serializes synchronous commits with the asynchronous writer.
  private let writeLock = Mutex(())

  /// `committed` is the revision already on disk (the loaded state's).
  init(file: StateFile, engine: SandboxEngine, committed: Int) {
    self.file = file
    self.engine = engine
    progress.withLock { $0.committed = committed }
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
    if let failure = progress.withLock({ $0.failure }) {
      throw SandboxError(.INTERNAL_SERVER_ERROR, "Could not save the sandbox state: \(failure)")
    }
  }

  /// Writes the whole state as the snapshot and empties the journal (when the sandbox stops,
  /// so the next start reads one small file and replays nothing).
  func compactNow() throws(SandboxError) {
    let failure = writeLock.withLock { _ in
      linesSinceCompaction.withLock { $0 = 0 }
      return writeOnce()
    }
    if let failure { throw SandboxError(.INTERNAL_SERVER_ERROR, "Could not save the sandbox state: \(failure)") }
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
    let lines = linesSinceCompaction.withLock { $0 }
    let (entry, whole, revision) = engine.drainForCommit(full: lines >= Self.compactEvery || lines == 0)
    var failure: String?
    do throws(StateFile.Failure) {
      if let whole {
        try file.save(whole.json)
        try file.truncateJournal()
        linesSinceCompaction.withLock { $0 = 1 }
      } else if let entry {
        try file.appendJournal(entry)
        linesSinceCompaction.withLock { $0 += 1 }
      }
    } catch {
      failure = error.description
      // The drained changes did not reach the disk: the next write is a whole snapshot.
      linesSinceCompaction.withLock { $0 = 0 }
    }
    let ready = progress.withLock { p -> [CheckedContinuation<Void, Never>] in
      p.failure = failure
      if failure == nil { p.committed = max(p.committed, revision) }
      // On failure every waiter is released (and reports it); otherwise those covered.
      let covered = p.waiters.filter { failure != nil || $0.revision <= revision }
      p.waiters.removeAll { failure != nil || $0.revision <= revision }
      return covered.map(\.continuation)
    }
    for c in ready { c.resume() }
    return failure
  }
}
