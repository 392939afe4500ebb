/// Byte offsets of an expression's whole text (for messages that name the expression).
struct Span {
  var start: Int32
  var end: Int32
  init(_ start: Int, _ end: Int) {
    self.start = Int32(clamping: start)
    self.end = Int32(clamping: max(start, end))
  }
}
