import Foundation

/// Dedicated threads the sandbox's tasks prefer to run on.
///
/// An in-process sandbox shares the process with its client. If that client blocks Swift's
/// cooperative thread pool (a synchronous HTTP call, `Process.waitUntilExit`), a server
/// running on the same pool could never answer. Running the server under this executor
/// preference keeps it responsive whatever the rest of the process does.
final class SandboxExecutor: TaskExecutor, @unchecked Sendable {
  /// The process-wide executor (threads are started once and live for the process).
  static let shared = SandboxExecutor(threads: 2)

  private let condition = NSCondition()
  private var queue: [UnownedJob] = []
  private var head = 0

  private init(threads: Int) {
    for i in 0..<threads {
      let t = Thread { [unowned self] in self.work() }
      t.name = "dok-sandbox-\(i)"
      t.start()
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    condition.lock()
    queue.append(unowned)
    condition.signal()
    condition.unlock()
  }

  private func work() {
    while true {
      condition.lock()
      while head == queue.count { condition.wait() }
      let job = queue[head]
      head += 1
      if head > 1024, head * 2 > queue.count {
        queue.removeFirst(head)
        head = 0
      }
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}
