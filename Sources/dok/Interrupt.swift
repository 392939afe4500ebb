import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C cancels the running operation (its Task) instead of killing the process, so the
/// in-flight request is cancelled and connections are closed.
enum Interrupt {
  nonisolated(unsafe) private static var flag = false

  /// True once SIGINT arrived during ``cancellingOnSIGINT(_:)``.
  static var happened: Bool { flag }

  /// Runs `body` in a task that SIGINT cancels.
  static func cancellingOnSIGINT<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
    let task = Task { await body() }
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      flag = true
      task.cancel()
    }
    source.resume()
    let value = await task.value
    source.cancel()
    signal(SIGINT, SIG_DFL)
    return value
  }
}
