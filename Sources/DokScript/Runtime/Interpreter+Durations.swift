import DokCore

extension Interpreter {
  /// The seconds an `every`/`timeout` clause gives (`d` when it is absent); anything but a
  /// non-negative number is a runtime error naming the clause (`wait` and `deploy` share it).
  func durationSeconds(_ e: Expr?, default d: Double, _ what: String) async throws(Failure) -> Double {
    guard let e else { return d }
    let v = try await e.value(self)
    guard case .number(let n) = v, n >= 0 else {
      throw fail("\(what) needs a duration (like 2s), not \(Values.describeType(v))", e.pos)
    }
    return n
  }
}
