/// What each Tab does at the prompt, given the line up to the cursor and its candidates:
///
/// - one candidate: insert it (and a space after a whole word);
/// - several sharing a longer prefix than the word: insert the prefix;
/// - otherwise the first Tab inserts the preferred candidate when there is one (after a
///   procedure, its first missing required parameter; after `applicationId=$a.`, the member
///   named like the parameter), else rings the bell;
/// - a second Tab lists the candidates with their hints — right after the preferred one was
///   inserted, the candidates it was chosen from (the parameters with their types).
///
/// The line editor keeps one of these per prompt; tests drive it directly.
public struct CompletionTabs: Sendable {
  /// What a Tab does.
  public enum Action: Sendable, Equatable {
    /// Replace the word being completed (as typed, ending at the cursor) with `text`.
    case insert(replacing: String, with: String)
    /// Show this listing under the line; the line stays as it is.
    case list(String)
    /// Nothing to add: ring the bell.
    case beep
  }

  private var lastTabLine: String?
  /// After a Tab inserted the preferred candidate: the line it left, and what it chose from.
  private var afterPreferred: (line: String, candidates: [Completion])?

  public init() {}

  /// A new prompt: the next Tab is a first Tab.
  public mutating func reset() {
    lastTabLine = nil
    afterPreferred = nil
  }

  /// The action for a Tab on `line` (the text up to the cursor) with `result` its candidates.
  public mutating func tab(line: String, result: CompletionResult) -> Action {
    if let after = afterPreferred, after.line == line {
      afterPreferred = nil
      lastTabLine = line
      return .list(Self.listing(after.candidates))
    }
    afterPreferred = nil
    let word = result.word
    guard !result.candidates.isEmpty else { return .beep }
    if result.candidates.count == 1 {
      let c = result.candidates[0]
      lastTabLine = nil
      return .insert(replacing: word, with: c.text + (c.appendSpace ? " " : ""))
    }
    let common = Self.commonPrefix(result.candidates.map(\.text))
    if common.count > word.count {
      lastTabLine = nil
      return .insert(replacing: word, with: common)
    }
    if lastTabLine != line, let p = result.preferred {
      let text = p.text + (p.appendSpace ? " " : "")
      afterPreferred = (String(line.dropLast(word.count)) + text, result.candidates)
      lastTabLine = nil
      return .insert(replacing: word, with: text)
    }
    if lastTabLine == line { return .list(Self.listing(result.candidates)) }
    lastTabLine = line
    return .beep
  }

  static func commonPrefix(_ items: [String]) -> String {
    guard var prefix = items.first.map(Array.init) else { return "" }
    for item in items.dropFirst() {
      let a = Array(item)
      var n = 0
      while n < prefix.count, n < a.count, prefix[n] == a[n] { n += 1 }
      prefix = Array(prefix[..<n])
    }
    return String(prefix)
  }

  /// Candidates (their ``Completion/display`` when set) in columns; with hints, one per line as
  /// `text  hint` (the hint dim).
  public static func listing(_ candidates: [Completion]) -> String {
    let shown = candidates.map { $0.display ?? $0.text }
    let width = (shown.map(\.count).max() ?? 0) + 2
    if candidates.contains(where: { $0.hint != nil }) {
      return zip(shown, candidates).map { text, c in
        let hint = c.hint.map { "\u{1B}[2m\($0)\u{1B}[0m" } ?? ""
        return (text + String(repeating: " ", count: max(2, width - text.count)) + hint).trimmingTrailingSpaces()
      }.joined(separator: "\n")
    }
    let columns = max(1, 80 / width)
    var lines: [String] = []
    var row = ""
    for (i, text) in shown.enumerated() {
      row += text + String(repeating: " ", count: width - text.count)
      if (i + 1) % columns == 0 {
        lines.append(row)
        row = ""
      }
    }
    if !row.isEmpty { lines.append(row) }
    return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
