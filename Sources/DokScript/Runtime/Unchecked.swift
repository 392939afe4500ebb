/// Hands a value the caller keeps to itself to one child task (the interpreter is used by one
/// task at a time: the wait is suspended while its attempt runs).
struct Unchecked<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
