import Dispatch
import Synchronization

/// The one interrupt component: every command's Ctrl-C and SIGTERM go through it. It catches
/// SIGINT and SIGTERM without SA_RESTART and turns them into calls on a watcher thread through
/// a self-pipe. What happens, decided here once:
/// - Ctrl-C at a line editor's prompt interrupts the read (the editor sees EINTR) and clears
///   the line; while something runs under ``runCancellable(on:_:)`` it cancels that task (the
///   command then reports "interrupted", exit 130); with neither, the process exits 130.
/// - SIGTERM runs the cleanup handlers (restore the terminal, save history), then the process
///   exits 143 — except while ``waitForStop()`` waits (`dok sandbox`), which it then ends.
/// The library never ends the process itself: ``install(exitProcess:)`` is given the function
/// that does, by the executable.
public final class InterruptMonitor: @unchecked Sendable {
  /// The process-wide monitor (signals are process-wide).
  public static let shared = InterruptMonitor()

  private let state = Mutex<State>(State())
  private struct State {
    var onInterrupt: (@Sendable () -> Void)?
    var cleanups: [Int: @Sendable () -> Void] = [:]
    var nextCleanup = 0
    var stopWaiter: (@Sendable (Int32) -> Void)?
    var exitProcess: (@Sendable (ExitStatus) -> Void)?
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

  /// Installs the handlers (once). `exitProcess` ends the process with a status (the
  /// executable passes `exit`); without it (tests, a library host) the monitor only reports.
  public func install(exitProcess: (@Sendable (ExitStatus) -> Void)? = nil) {
    let already = state.withLock { s -> Bool in
      if let exitProcess { s.exitProcess = exitProcess }
      defer { s.installed = true }
      return s.installed
    }
    if already { return }
    guard let readEnd = Platform.forwardSignalsToPipe([Platform.interruptSignal, Platform.terminateSignal]) else { return }
    Platform.startThread(acceptsSignals: false) { [self] in
      var b: UInt8 = 0
      while true {
        let n = Platform.read(readEnd, into: &b, count: 1)
        if n < 0, Platform.lastErrorWasInterrupt { continue }
        if n <= 0 { return }
        handle(Int32(b))
      }
    }
  }

  private func handle(_ sig: Int32) {
    enum Action {
      case call(@Sendable () -> Void)
      case stop(@Sendable (Int32) -> Void)
      case exit([@Sendable () -> Void], ExitStatus, (@Sendable (ExitStatus) -> Void)?)
      case nothing
    }
    let action = state.withLock { s -> Action in
      if let waiter = s.stopWaiter {
        s.stopWaiter = nil
        return .stop(waiter)
      }
      if sig == Platform.terminateSignal {
        return .exit(s.cleanups.sorted { $0.key > $1.key }.map(\.value), .terminated, s.exitProcess)
      }
      s.count += 1
      if s.atPrompt { return .nothing }
      if let h = s.onInterrupt { return .call(h) }
      return .exit(s.cleanups.sorted { $0.key > $1.key }.map(\.value), .interrupted, s.exitProcess)
    }
    switch action {
    case .call(let h): h()
    case .stop(let waiter): waiter(sig)
    case .exit(let cleanups, let status, let exitProcess):
      for c in cleanups { c() }
      exitProcess?(status)
    case .nothing: break
    }
  }

  /// Sets what a Ctrl-C does while not at a prompt (nil: end the process, exit 130).
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

  /// Adds work to do before the process ends on a signal (restore the terminal, save history);
  /// the newest runs first. Returns a token for ``removeCleanup(_:)``.
  @discardableResult
  public func addCleanup(_ cleanup: @escaping @Sendable () -> Void) -> Int {
    state.withLock { s in
      s.nextCleanup += 1
      s.cleanups[s.nextCleanup] = cleanup
      return s.nextCleanup
    }
  }

  /// Removes a cleanup added with ``addCleanup(_:)``.
  public func removeCleanup(_ token: Int) {
    _ = state.withLock { $0.cleanups.removeValue(forKey: token) }
  }

  /// Sets what runs before exiting on SIGTERM (replacing what this call set before).
  public func setTerminationHandler(_ handler: (@Sendable () -> Void)?) {
    state.withLock { s in
      s.cleanups[0] = handler
    }
  }

  /// Suspends until SIGINT or SIGTERM arrives (`dok sandbox` stops cleanly on either); returns
  /// the signal's number.
  public func waitForStop() async -> Int32 {
    install()
    return await withCheckedContinuation { continuation in
      state.withLock { $0.stopWaiter = { continuation.resume(returning: $0) } }
    }
  }

  /// Runs `body` in a task that Ctrl-C cancels (on `executor` when one is given) and waits for
  /// it; `interrupted` tells whether a Ctrl-C came meanwhile. The handler is in place before the
  /// task starts, so one the task installs later (a `--debug` REPL entry swaps in its own and
  /// restores this one) is never overwritten; the previous handler is restored afterwards.
  public func runCancellable<T: Sendable>(
    on executor: (any TaskExecutor)? = nil, _ body: @escaping @Sendable () async -> T
  ) async -> (value: T, interrupted: Bool) {
    install()
    let cancel = CancelSwitch()
    let previous = swapInterruptHandler { cancel.fire() }
    defer { _ = swapInterruptHandler(previous) }
    let task = Task(executorPreference: executor) { await body() }
    cancel.attach { task.cancel() }
    let value = await task.value
    return (value, cancel.hasFired)
  }

  /// ``runCancellable(on:_:)`` for a plain thread that is not in a task (the REPL's, the debug
  /// pause's): blocks the thread until the work is done.
  public func runCancellableBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> (value: T, interrupted: Bool) {
    let done = DispatchSemaphore(value: 0)
    let result = Box<(value: T, interrupted: Bool)?>(nil)
    Task {
      result.value = await runCancellable(body)
      done.signal()
    }
    done.wait()
    return result.value!  // set before `done` is signalled
  }
}
