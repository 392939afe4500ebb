import DokCore
import Foundation
import Testing

/// The one interrupt component: a SIGINT while work runs under `runCancellable` cancels that
/// work and says so, and the handler that was in place before is back afterwards.
@Suite(.serialized) struct InterruptMonitorTests {
  @Test(.timeLimit(.minutes(1))) func aSignalCancelsTheRunningWork() async {
    let monitor = InterruptMonitor.shared
    monitor.install()
    let (cancelled, interrupted) = await monitor.runCancellable { () async -> Bool in
      kill(getpid(), SIGINT)
      try? await Task.sleep(for: .seconds(10))
      return Task.isCancelled
    }
    #expect(cancelled, "the task was not cancelled")
    #expect(interrupted)
  }

  @Test(.timeLimit(.minutes(1))) func workWithoutASignalIsNotInterrupted() async {
    let (value, interrupted) = await InterruptMonitor.shared.runCancellable { 42 }
    #expect(value == 42 && !interrupted)
  }

  @Test(.timeLimit(.minutes(1))) func thePreviousHandlerIsRestored() async {
    let monitor = InterruptMonitor.shared
    monitor.install()
    let outer = CancelSwitch()
    let previous = monitor.swapInterruptHandler { outer.fire() }
    defer { _ = monitor.swapInterruptHandler(previous) }
    _ = await monitor.runCancellable { 1 }
    // The outer handler is in place again: a signal now reaches it.
    kill(getpid(), SIGINT)
    for _ in 0..<500 where !outer.hasFired { try? await Task.sleep(for: .milliseconds(10)) }
    #expect(outer.hasFired)
  }
}
