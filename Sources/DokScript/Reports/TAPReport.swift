/// Renders recorded ``TestCase``s as TAP version 13.
public enum TAPReport {
  /// `TAP version 13`, the plan, then `ok N - file:line: source` / `not ok …` with a YAML block.
  public static func render(_ cases: [TestCase]) -> String {
    var out = "TAP version 13\n1..\(cases.count)\n"
    for (i, c) in cases.enumerated() {
      let desc = "\(c.name): \(c.source)".replacing("#", with: "\\#")
      out += "\(c.passed ? "ok" : "not ok") \(i + 1) - \(desc)\n"
      if !c.passed {
        out += "  ---\n"
        out += "  kind: \(c.kind.rawValue)\n"
        out += "  message: |\n"
        for line in c.message.split(separator: "\n", omittingEmptySubsequences: false) { out += "    \(line)\n" }
        out += "  at: \(c.name)\n"
        out += "  ...\n"
      }
    }
    return out
  }
}
