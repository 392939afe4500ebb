import DokCore

/// `source "other.dok"`: runs another file in the same variables.
final class SourceStmt: Stmt {
  let path: Expr
  init(path: Expr, pos: Pos, text: String) {
    self.path = path
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [path] }
  override var tracesAfter: Bool { false }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    let v = try path.eval(s)
    guard case .string(let p) = v else { throw s.fail("source needs a file name string, not \(Values.describeType(v))", pos) }
    try s.enterSource(path: p, self, m)
    return .entered
  }
}
