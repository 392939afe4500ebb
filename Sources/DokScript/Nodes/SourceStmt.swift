import DokCore

/// `source "other.dok"`: runs another file in the same variables.
final class SourceStmt: Stmt {
  let path: Expr
  init(path: Expr, pos: Pos, text: String) {
    self.path = path
    super.init(pos: pos, text: text, isSync: false)
  }
  override var expressions: [Expr] { [path] }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    let v = try await path.value(s)
    guard case .string(let p) = v else { throw s.fail("source needs a file name string, not \(Values.describeType(v))", pos) }
    try await s.runSourced(path: p, pos: pos)
    return .normal
  }
}
