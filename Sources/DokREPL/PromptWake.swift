import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Makes Ctrl-C interrupt a terminal read blocked in `el_gets`.
///
/// The REPL's thread is started from a task-pool thread and inherits its signal mask, which
/// blocks SIGINT; and even unblocked, the kernel hands a process-wide SIGINT to the main thread.
/// So the reading thread unblocks SIGINT and ``signal`` (SIGUSR2, caught by a handler that does
/// nothing, without SA_RESTART), and while it reads, a Ctrl-C seen by ``InterruptMonitor``
/// sends it ``signal``: its `read` fails with EINTR and `el_gets` returns NULL.
enum PromptWake {
  /// The signal sent to the reading thread.
  static let signal = SIGUSR2

  private static let installed = Mutex(false)

  /// Installs the do-nothing handler for ``signal`` (once).
  static func install() {
    let first = installed.withLock { done -> Bool in
      defer { done = true }
      return !done
    }
    guard first else { return }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: the blocked read returns EINTR
    sigaction(signal, &action, nil)
  }

  /// Unblocks SIGINT and ``signal`` on the calling thread (the one that reads the terminal).
  static func prepareCurrentThread() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// True when the calling thread blocks `sig`.
  static func currentThreadBlocks(_ sig: Int32) -> Bool {
    var set = sigset_t()
    pthread_sigmask(SIG_BLOCK, nil, &set)
    return sigismember(&set, sig) == 1
  }

  /// While one read is in progress: the thread to wake, and whether it still reads.
  final class Reading: Sendable {
    private let thread: pthread_t
    private let active = Mutex(true)

    /// Starts a read on the calling thread.
    init() { thread = pthread_self() }

    /// Wakes the reading thread if it still reads (called on the interrupt watcher thread).
    func wake() {
      active.withLock { reading in
        if reading { _ = pthread_kill(thread, PromptWake.signal) }
      }
    }

    /// The read returned: no more wake-ups for it.
    func finish() { active.withLock { $0 = false } }
  }
}
