import Dispatch
import DokCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C cancels the running operation (its Task) instead of killing the process, so the
/// in-flight request is cancelled and connections are closed.
enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// True once SIGINT arrived during ``cancellingOnSIGINT(_:)``.
  static var happened: Bool { flag.load(ordering: .relaxed) }

  /// Runs `body` in a task that SIGINT cancels.
  static func cancellingOnSIGINT<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
    let cancel = CancelSwitch()
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      flag.store(true, ordering: .relaxed)
      cancel.fire()
    }
    source.resume()
    let task = Task { await body() }
    cancel.attach { task.cancel() }
    let value = await task.value
    source.cancel()
    signal(SIGINT, SIG_DFL)
    return value
  }
}
