/// Cuts text chunks into whole lines (a chunk may end inside a line). A line longer than
/// ``maxLine`` bytes (a progress bar that never ends its line) is handed on in pieces, so the
/// pending text stays bounded.
struct LineSplitter {
  private var pending = ""
  static let maxLine = 64 << 10

  /// The complete lines in `chunk` (and what was pending before it).
  mutating func feed(_ chunk: String) -> [String] {
    pending += chunk
    // "\r\n" is one Character in Swift: both end a line.
    guard pending.contains(where: Self.isNewline) else {
      guard pending.utf8.count > Self.maxLine else { return [] }
      let piece = pending
      pending = ""
      return [piece]
    }
    var parts = pending.split(omittingEmptySubsequences: false, whereSeparator: Self.isNewline).map { String($0) }
    pending = parts.removeLast()
    return parts.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
  }

  static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

  /// Lines of a whole log text (as `deployment.readLogs` returns it).
  static func lines(of text: String) -> [String] {
    var parts = text.split(omittingEmptySubsequences: false, whereSeparator: isNewline).map { String($0) }
    if parts.last == "" { parts.removeLast() }
    return parts.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
  }
}

/// ``LineSplitter`` for tests.
public struct LineSplitterForTests {
  private var splitter = LineSplitter()
  public init() {}
  public mutating func feed(_ chunk: String) -> [String] { splitter.feed(chunk) }
}
