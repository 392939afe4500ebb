#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// SIGUSR2: sent to a thread blocked in a terminal read to make the read return EINTR (the
  /// REPL's `PromptWake`).
  public static let wakeSignal = SIGUSR2

  /// Catches `sig` with a handler that does nothing, without SA_RESTART: a blocked read on the
  /// thread that receives it fails with EINTR instead of going on.
  public static func installNoOpHandler(for sig: Int32) {
    var action = sigaction()
    #if canImport(Darwin)
      action.__sigaction_u.__sa_handler = { _ in }
    #else
      action.__sigaction_handler.sa_handler = { _ in }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: the blocked read returns EINTR
    sigaction(sig, &action, nil)
  }

  /// Unblocks `signals` on the calling thread (`pthread_sigmask(SIG_UNBLOCK)`).
  public static func unblockSignalsOnCurrentThread(_ signals: [Int32]) { changeMask(SIG_UNBLOCK, signals) }

  /// Blocks `signals` on the calling thread (`pthread_sigmask(SIG_BLOCK)`).
  public static func blockSignalsOnCurrentThread(_ signals: [Int32]) { changeMask(SIG_BLOCK, signals) }

  private static func changeMask(_ how: Int32, _ signals: [Int32]) {
    var set = sigset_t()
    sigemptyset(&set)
    for sig in signals { sigaddset(&set, sig) }
    pthread_sigmask(how, &set, nil)
  }

  /// True when the calling thread blocks `sig`.
  public static func currentThreadBlocks(_ sig: Int32) -> Bool {
    var set = sigset_t()
    pthread_sigmask(SIG_BLOCK, nil, &set)
    return sigismember(&set, sig) == 1
  }

  /// A POSIX thread, to send a signal to later (``send(_:to:)``).
  public struct ThreadID: @unchecked Sendable {
    fileprivate let raw: pthread_t
  }

  /// The calling thread.
  public static func currentThread() -> ThreadID { ThreadID(raw: pthread_self()) }

  /// Sends `sig` to `thread` (`pthread_kill`).
  public static func send(_ sig: Int32, to thread: ThreadID) { _ = pthread_kill(thread.raw, sig) }
}
