/// Ctrl-R's incremental search through the history, as a value the line editor drives key by
/// key: each typed character narrows the search, Ctrl-R again goes to an older match.
///
/// Unlike libedit's own search, a search that finds nothing never hands back a line: Enter then
/// puts back what was typed before the search instead of running the last partial match (which
/// does not contain what was typed, so it is not what was asked for).
struct HistorySearch {
  /// History entries, oldest first.
  let entries: [String]
  /// The line as it was when the search started.
  let original: String
  /// What has been typed since Ctrl-R.
  private(set) var pattern = ""
  /// The entry shown (an index into ``entries``), if any matched.
  private(set) var match: Int?
  /// True when no entry holds ``pattern`` (from the current match back).
  private(set) var failed = false

  init(entries: [String], original: String) {
    self.entries = entries
    self.original = original
  }

  /// One more character of the pattern: the newest entry from the current match back that
  /// holds it.
  mutating func type(_ c: Character) {
    pattern.append(c)
    find(from: match ?? entries.count - 1, skippingText: nil)
  }

  /// The pattern one character shorter: searched again from the newest entry.
  mutating func backspace() {
    guard !pattern.isEmpty else { return }
    pattern.removeLast()
    match = nil
    failed = false
    if !pattern.isEmpty { find(from: entries.count - 1, skippingText: nil) }
  }

  /// Ctrl-R again: the next older entry that holds the pattern (a different text).
  mutating func older() {
    guard !pattern.isEmpty else { return }
    guard let m = match else {
      find(from: entries.count - 1, skippingText: nil)
      return
    }
    find(from: m - 1, skippingText: entries[m])
  }

  private mutating func find(from start: Int, skippingText skipped: String?) {
    var i = min(start, entries.count - 1)
    while i >= 0 {
      if entries[i].contains(pattern), entries[i] != skipped {
        match = i
        failed = false
        return
      }
      i -= 1
    }
    failed = true
  }

  /// What the line shows while searching: the match, or the original line before any.
  var line: String { match.map { entries[$0] } ?? original }

  /// The prompt while searching.
  var prompt: String { (failed ? "(failed search)`" : "(search)`") + pattern + "': " }

  /// The line Enter runs: the match — a line holding the whole pattern (after a Ctrl-R found
  /// nothing older, the match shown still does) —, the original line while nothing is typed, or
  /// nil when nothing holds the pattern (the original line is put back, nothing runs).
  var accepted: String? {
    if let m = match, entries[m].contains(pattern) { return entries[m] }
    return pattern.isEmpty ? original : nil
  }

  /// The line to keep editing when the search ends on another key: the match, or the original
  /// line when nothing holds the pattern.
  var kept: String { accepted ?? original }
}
