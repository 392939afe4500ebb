import DokCore

/// The deploy queue: jobs waiting for the worker, oldest first. While ``recording`` (a state
/// file is kept), each change is also noted for the journal — a job queued, jobs taken from the
/// front, jobs dropped by `cleanQueues` — so a journal entry holds what changed since the last
/// one, never the whole queue, and the journal grows with the changes, not with the queue.
struct DeployQueue: Sendable, RandomAccessCollection {
  private var jobs: [DeployJob]
  /// True when changes are noted for the journal.
  var recording = false
  private var changes: [JSON] = []

  init(_ jobs: [DeployJob] = []) { self.jobs = jobs }

  var startIndex: Int { jobs.startIndex }
  var endIndex: Int { jobs.endIndex }
  subscript(position: Int) -> DeployJob { jobs[position] }

  /// Queues a job at the end.
  mutating func append(_ job: DeployJob) {
    jobs.append(job)
    if recording { changes.append(["queued": job.json]) }
  }

  /// The worker takes the oldest job.
  @discardableResult
  mutating func removeFirst() -> DeployJob {
    let job = jobs.removeFirst()
    if recording {
      // Consecutive takes are one change: `{"taken": n}`.
      if let n = changes.last?["taken"]?.numberValue {
        changes[changes.count - 1] = ["taken": .number(n + 1)]
      } else {
        changes.append(["taken": 1])
      }
    }
    return job
  }

  /// Drops the jobs `shouldRemove` picks (noted by their places in the queue).
  mutating func removeAll(where shouldRemove: (DeployJob) -> Bool) {
    var kept: [DeployJob] = []
    var dropped: [JSON] = []
    for (i, job) in jobs.enumerated() {
      if shouldRemove(job) { dropped.append(.number(Double(i))) } else { kept.append(job) }
    }
    guard !dropped.isEmpty else { return }
    jobs = kept
    if recording { changes.append(["dropped": .array(dropped)]) }
  }

  /// The changes noted since the last call, oldest first (a journal entry's `queueChanges`).
  mutating func drainChanges() -> [JSON] {
    defer { changes = [] }
    return changes
  }

  /// Replays changes written by ``drainChanges()`` (loading the journal); unreadable ones are skipped.
  mutating func apply(changes list: [JSON]) {
    for change in list {
      if let job = change["queued"].flatMap(DeployJob.init(json:)) {
        jobs.append(job)
      } else if let n = change["taken"]?.numberValue.flatMap(Support.int) {
        jobs.removeFirst(Swift.min(Swift.max(n, 0), jobs.count))
      } else if let places = change["dropped"]?.arrayValue {
        let drop = Set(places.compactMap { $0.numberValue.flatMap(Support.int) })
        jobs = jobs.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
      }
    }
  }
}
