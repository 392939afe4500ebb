/// The one text table layout (`describe`'s parameters, `:vars`, `--output table`): left-aligned
/// columns separated by two spaces, trailing spaces trimmed.
public enum TextTable {
  /// One line per row (no terminators); the first row sets the number of columns.
  public static func lines(_ rows: [[String]]) -> [String] {
    guard let first = rows.first else { return [] }
    var widths = [Int](repeating: 0, count: first.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    return rows.map { r in
      var line = ""
      for (i, c) in r.enumerated() {
        line += c
        if i < r.count - 1, i < widths.count { line += String(repeating: " ", count: widths[i] - c.count + 2) }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
