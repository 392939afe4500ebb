import Synchronization

/// Connects an interrupt to a task that may not exist yet: install ``fire()`` as the handler
/// first, start the task, then ``attach(_:)`` its cancellation. A Ctrl-C that lands in between
/// cancels the task as soon as it is attached, and a handler the task itself installs later is
/// never overwritten by this one.
public final class CancelSwitch: Sendable {
  private let state = Mutex<(fired: Bool, cancel: (@Sendable () -> Void)?)>((false, nil))

  public init() {}

  /// The interrupt: cancels the attached task, or the one attached next.
  public func fire() {
    let cancel = state.withLock { s in
      s.fired = true
      return s.cancel
    }
    cancel?()
  }

  /// True once ``fire()`` was called.
  public var hasFired: Bool { state.withLock { $0.fired } }

  /// Sets what ``fire()`` cancels; runs it at once if the interrupt already came.
  public func attach(_ cancel: @escaping @Sendable () -> Void) {
    let fired = state.withLock { s in
      s.cancel = cancel
      return s.fired
    }
    if fired { cancel() }
  }
}
