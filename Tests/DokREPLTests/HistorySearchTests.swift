import Testing

@testable import DokREPL

/// Ctrl-R's search (issue 20, item 8): a search that finds nothing never hands back a line.
@Suite struct HistorySearchTests {
  static let entries = [#"print "one""#, #"print "two""#, "application.one applicationId=a1"]

  @Test func typingNarrowsFromTheNewestEntry() {
    var s = HistorySearch(entries: Self.entries, original: "")
    s.type("o")
    #expect(s.line == "application.one applicationId=a1")
    s.type("n")
    #expect(s.line == "application.one applicationId=a1")
    s.older()
    #expect(s.line == #"print "one""#)
    #expect(s.accepted == #"print "one""#)
    #expect(s.prompt == "(search)`on': ")
  }

  @Test func aSearchThatFindsNothingAcceptsNothingAndKeepsTheOriginalLine() {
    var s = HistorySearch(entries: Self.entries, original: "typed")
    for c in "zzz" { s.type(c) }
    #expect(s.failed)
    #expect(s.accepted == nil)
    #expect(s.kept == "typed")
    #expect(s.prompt == "(failed search)`zzz': ")
  }

  @Test func failingPastAMatchAcceptsNothingEither() {
    var s = HistorySearch(entries: Self.entries, original: "")
    for c in "two" { s.type(c) }
    #expect(s.accepted == #"print "two""#)
    for c in "zzz" { s.type(c) }
    #expect(s.line == #"print "two""#, "the last match stays on screen")
    #expect(s.accepted == nil)
    #expect(s.kept == "")
    for _ in 0..<3 { s.backspace() }
    #expect(s.accepted == #"print "two""#)
  }

  @Test func olderPastTheOldestMatchFailsButKeepsThatMatch() {
    var s = HistorySearch(entries: Self.entries, original: "")
    s.type("t")
    s.older()
    s.older()
    s.older()
    #expect(s.failed)
    #expect(s.accepted == #"print "one""#, "it holds the pattern")
  }

  @Test func nothingTypedAcceptsTheOriginalLine() {
    let s = HistorySearch(entries: Self.entries, original: "as typed")
    #expect(s.accepted == "as typed")
  }
}
