/// Renders ``Diagnostic`` values for people: the single place where problems become text.
public struct DiagnosticRenderer: Sendable {
  /// Whether to use ANSI colour (only on a terminal, never with `NO_COLOR`).
  public var color: Bool
  /// Looks up a source's text by file name, for the quoted line and caret.
  public var sources: @Sendable (String) -> String?

  public init(color: Bool = false, sources: @escaping @Sendable (String) -> String? = { _ in nil }) {
    self.color = color
    self.sources = sources
  }

  /// `file:line:col: error: message`, then the source line and a caret when the text is known.
  public func render(_ d: Diagnostic) -> String {
    let bold = color ? "\u{1B}[1m" : ""
    let red = color ? "\u{1B}[31m" : ""
    let yellow = color ? "\u{1B}[33m" : ""
    let cyan = color ? "\u{1B}[36m" : ""
    let green = color ? "\u{1B}[32m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    let sev: String
    switch d.severity {
    case .error: sev = "\(red)error\(reset)"
    case .warning: sev = "\(yellow)warning\(reset)"
    case .note: sev = "\(cyan)note\(reset)"
    }
    var out = ""
    // A failed assert names its own kind: `f.dok:3:8: assertion failed: …` (the contract's form).
    let label = d.severity == .error && d.message.hasPrefix("assertion failed") ? "" : "\(sev): "
    if let loc = d.location {
      out += "\(bold)\(loc):\(reset) \(label)\(bold)\(d.message)\(reset)"
      if let text = sources(loc.file), let line = Self.line(loc.line, of: text) {
        out += "\n" + line + "\n"
        let prefix = line.prefix(max(0, loc.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let width = max(1, min(loc.length, max(1, line.count - loc.column + 1)))
        out += prefix + green + "^" + String(repeating: "~", count: width - 1) + reset
      }
    } else {
      out += "\(label)\(bold)\(d.message)\(reset)"
    }
    for note in d.notes { out += "\n  " + note }
    return out
  }

  /// Renders several, separated by newlines.
  public func render(_ ds: [Diagnostic]) -> String { ds.map(render).joined(separator: "\n") }

  /// The 1-based `n`th line of `text`, without its terminator.
  public static func line(_ n: Int, of text: String) -> String? {
    guard n >= 1 else { return nil }
    var current = 1
    var start = text.startIndex
    var i = text.startIndex
    while i < text.endIndex {
      if text[i] == "\n" {
        if current == n { return String(text[start..<i]) }
        current += 1
        start = text.index(after: i)
      }
      i = text.index(after: i)
    }
    return current == n ? String(text[start...]) : nil
  }
}
