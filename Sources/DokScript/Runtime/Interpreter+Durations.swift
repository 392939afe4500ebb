import DokCore

extension Interpreter {
  /// The seconds an `every`/`timeout` clause gives (`d` when it is absent); anything but a
  /// non-negative number is a runtime error naming the clause (`wait` and `deploy` share it).
  func durationSeconds(_ e: Expr?, default d: Double, _ what: String) async throws(Failure) -> Double {
    guard let e else { return d }
    let v = try await settle { () throws(Failure) in try e.eval(self) }
    return try durationSeconds(of: v, what, at: e.pos)
  }

  /// `v` as a duration for `what` (`sleep`, `every`, `timeout`): a negative number says so
  /// (`sleep needs a duration ≥ 0, got -1s`), anything else that is not a number names its type.
  func durationSeconds(of v: JSON, _ what: String, at pos: Pos) throws(Failure) -> Double {
    guard case .number(let n) = v else {
      throw fail("\(what) needs a duration (like 2s), not \(Values.describeType(v))", pos)
    }
    guard n >= 0 else {
      let shown = n.isFinite ? "-" + Durations.format(-n) : Values.show(v)
      throw fail("\(what) needs a duration ≥ 0, got \(shown)", pos)
    }
    return n
  }
}
