import Dispatch
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
    let task = Task { await body() }
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      flag.store(true, ordering: .relaxed)
      task.cancel()
    }
    source.resume()
    let value = await task.value
    source.cancel()
    signal(SIGINT, SIG_DFL)
    return value
  }
}
