import NIOCore
import NIOPosix

/// Runs a task's jobs on a NIO event loop, so a script's calls are sent and their replies
/// resumed on the loop that does the I/O: no thread switch per call.
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
  let loop: any EventLoop

  public init(_ loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()) {
    self.loop = loop
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    loop.execute { unowned.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
