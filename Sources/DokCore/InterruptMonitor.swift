#if canImport(Glibc)
  import Glibc
#endif
import Synchronization

/// Catches SIGINT (and SIGTERM) without SA_RESTART and turns them into calls on a watcher
/// thread, through a self-pipe: at a prompt a Ctrl-C just interrupts the read (the line editor
/// sees EINTR); while something runs it invokes the current cancellation handler (which cancels
/// the running Task). A SIGTERM runs the termination handler (restore the terminal, save
/// history) and exits 143.
public final class InterruptMonitor: @unchecked Sendable {
  /// The process-wide monitor (signals are process-wide).
  public static let shared = InterruptMonitor()

  private let state = Mutex<State>(State())
  private struct State {
    var onInterrupt: (@Sendable () -> Void)?
    var onTerminate: (@Sendable () -> Void)?
    var count = 0
    var atPrompt = false
    var installed = false
  }

  /// Number of SIGINTs seen so far.
  public var count: Int { state.withLock { $0.count } }

  /// True while a line editor waits at its prompt (a Ctrl-C then only clears the line).
  public var atPrompt: Bool {
    get { state.withLock { $0.atPrompt } }
    set { state.withLock { $0.atPrompt = newValue } }
  }

  /// Installs the handlers (once).
  public func install() {
    let already = state.withLock { s -> Bool in
      defer { s.installed = true }
      return s.installed
    }
    if already { return }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return }
    signalPipeWrite = fds[1]
    let readEnd = fds[0]
    for sig in [SIGINT, SIGTERM] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in
        var b = UInt8(truncatingIfNeeded: sig)
        _ = Glibc.write(signalPipeWrite, &b, 1)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
      sigaction(sig, &action, nil)
    }
    DetachedThread.start { [self] in
      var b: UInt8 = 0
      while true {
        let n = Glibc.read(readEnd, &b, 1)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return }
        if Int32(b) == SIGTERM {
          let handler = state.withLock { $0.onTerminate }
          handler?()
          exit(143)
        }
        let handler = state.withLock { s -> (@Sendable () -> Void)? in
          s.count += 1
          return s.atPrompt ? nil : s.onInterrupt
        }
        handler?()
      }
    }
  }

  /// Sets what a Ctrl-C does while not at a prompt (nil: nothing beyond counting).
  public func setInterruptHandler(_ handler: (@Sendable () -> Void)?) {
    state.withLock { $0.onInterrupt = handler }
  }

  /// Sets the interrupt handler and returns the previous one (to restore it afterwards).
  public func swapInterruptHandler(_ handler: (@Sendable () -> Void)?) -> (@Sendable () -> Void)? {
    state.withLock { s in
      let old = s.onInterrupt
      s.onInterrupt = handler
      return old
    }
  }

  /// Sets what runs before exiting on SIGTERM.
  public func setTerminationHandler(_ handler: (@Sendable () -> Void)?) {
    state.withLock { $0.onTerminate = handler }
  }
}

nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

/// Starts detached POSIX threads: for loops that block (terminal reads, signal pipes), which
/// must not sit in Swift's task pool.
public enum DetachedThread {
  /// Runs `body` on a new detached thread.
  public static func start(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable {
      let body: @Sendable () -> Void
      init(_ b: @escaping @Sendable () -> Void) { body = b }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var tid = pthread_t()
    pthread_create(
      &tid, nil,
      { arg in
        let b = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
        b.body()
        return nil
      }, box)
    pthread_detach(tid)
  }
}
