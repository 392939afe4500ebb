import Dispatch
import DokCore
import Synchronization

/// Makes Ctrl-C interrupt a terminal read blocked in `el_gets`.
///
/// The REPL's thread is started from a task-pool thread and inherits its signal mask, which
/// blocks SIGINT; and even unblocked, the kernel hands a process-wide SIGINT to the main thread.
/// So the reading thread unblocks SIGINT and ``signal`` (SIGUSR2, caught by a handler that does
/// nothing, without SA_RESTART), and while it reads, a Ctrl-C seen by ``InterruptMonitor``
/// sends it ``signal``: its `read` fails with EINTR and `el_gets` returns NULL.
enum PromptWake {
  /// The signal sent to the reading thread.
  static let signal = Platform.wakeSignal

  private static let installed = Mutex(false)

  /// Installs the do-nothing handler for ``signal`` (once).
  static func install() {
    let first = installed.withLock { done -> Bool in
      defer { done = true }
      return !done
    }
    guard first else { return }
    Platform.installNoOpHandler(for: signal)
  }

  /// Unblocks SIGINT and ``signal`` on the calling thread (the one that reads the terminal).
  static func prepareCurrentThread() {
    Platform.unblockSignalsOnCurrentThread([Platform.interruptSignal, signal])
  }

  /// True when the calling thread blocks `sig`.
  static func currentThreadBlocks(_ sig: Int32) -> Bool { Platform.currentThreadBlocks(sig) }

  /// While one read is in progress: the thread to wake, and whether it still reads.
  final class Reading: Sendable {
    private let thread: Platform.ThreadID
    private let active = Mutex(true)
    private let finished = DispatchSemaphore(value: 0)
    /// How long ``wake()`` keeps signalling a read that has not returned yet.
    static let wakeRetries = 100
    static let wakeInterval = DispatchTimeInterval.milliseconds(10)

    /// Starts a read on the calling thread.
    init() { thread = Platform.currentThread() }

    /// Wakes the reading thread if it still reads (called on the interrupt watcher thread).
    /// A signal that arrives while the thread is between reads (printing the prompt, setting up
    /// the terminal) interrupts nothing, so it is sent again until the read returns (bounded:
    /// about a second).
    func wake() {
      for _ in 0..<Self.wakeRetries {
        let reading = active.withLock { reading in
          if reading { Platform.send(PromptWake.signal, to: thread) }
          return reading
        }
        guard reading else { return }
        if finished.wait(timeout: .now() + Self.wakeInterval) == .success {
          finished.signal()  // for a later wake
          return
        }
      }
    }

    /// The read returned: no more wake-ups for it.
    func finish() {
      active.withLock { $0 = false }
      finished.signal()
    }
  }
}
