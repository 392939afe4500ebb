/// A mutable cell a closure or another thread can share: a value handed back from a task to a
/// waiting thread, an object filled in after the closure that reads it was made. The one box
/// class; it does no locking, so writes must happen-before reads (a semaphore, a join).
public final class Box<Value>: @unchecked Sendable {
  public var value: Value

  public init(_ value: Value) { self.value = value }
}
