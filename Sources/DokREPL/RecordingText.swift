/// Small text scans the recorder needs on an entry as typed: variable references outside string
/// literals, and `name=value` arguments.
enum RecordingText {
  /// A `$name` or `$N` reference outside strings: its range (including `$`) and the name.
  struct Reference {
    var range: Range<String.Index>
    var name: String
  }

  /// References outside string literals, in order.
  static func references(in text: String) -> [Reference] {
    var out: [Reference] = []
    var i = text.startIndex
    var quote: Character? = nil
    while i < text.endIndex {
      let c = text[i]
      if let q = quote {
        if c == "\\" {
          i = text.index(after: i)
          if i < text.endIndex { i = text.index(after: i) }
          continue
        }
        if c == q { quote = nil }
        i = text.index(after: i)
        continue
      }
      if c == "\"" || c == "'" {
        quote = c
      } else if c == "#" {
        // A comment runs to the end of the line.
        while i < text.endIndex, text[i] != "\n" { i = text.index(after: i) }
        continue
      } else if c == "$" {
        var j = text.index(after: i)
        while j < text.endIndex, text[j].isLetter || text[j].isNumber || text[j] == "_" { j = text.index(after: j) }
        let name = String(text[text.index(after: i)..<j])
        if !name.isEmpty { out.append(Reference(range: i..<j, name: name)) }
        i = j
        continue
      }
      i = text.index(after: i)
    }
    return out
  }

  /// Names the entry assigns (`$x = …`, `for $x in`, `for $k, $v in`).
  static func assignedNames(in text: String) -> Set<String> {
    var names: Set<String> = []
    let refs = references(in: text)
    for r in refs {
      var j = r.range.upperBound
      while j < text.endIndex, text[j] == " " || text[j] == "\t" { j = text.index(after: j) }
      if j < text.endIndex, text[j] == "=" {
        let k = text.index(after: j)
        if k == text.endIndex || text[k] != "=" { names.insert(r.name) }
      }
      let before = text[..<r.range.lowerBound].trimmingTrailingSpaces()
      if before.hasSuffix("for") || before.hasSuffix(",") && before.contains("for") { names.insert(r.name) }
    }
    return names
  }

  /// The range of the value in the first `name=VALUE` (or `name:=VALUE`) argument, outside strings.
  static func argumentValue(_ name: String, in text: String) -> Range<String.Index>? {
    var search = text.startIndex
    while let r = text.range(of: name + "=", range: search..<text.endIndex) {
      let atWordStart = r.lowerBound == text.startIndex || text[text.index(before: r.lowerBound)] == " "
      if atWordStart {
        var end = r.upperBound
        if end < text.endIndex, text[end] == "\"" {
          end = text.index(after: end)
          while end < text.endIndex, text[end] != "\"" {
            if text[end] == "\\" { end = text.index(after: end) }
            if end < text.endIndex { end = text.index(after: end) }
          }
          if end < text.endIndex { end = text.index(after: end) }
        } else {
          while end < text.endIndex, text[end] != " ", text[end] != "\n", text[end] != "\t" { end = text.index(after: end) }
        }
        return r.upperBound..<end
      }
      search = r.upperBound
    }
    return nil
  }

  /// True when the entry is one call statement (`router.proc …`), which can take `$name = `.
  static func isBareCall(_ text: String) -> Bool {
    guard !text.contains("\n"), !text.contains(";"), let dot = text.firstIndex(of: "."), let first = text.first, first.isLetter
    else {
      return false
    }
    let head = text[..<dot]
    return head.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
  }
}

extension Substring {
  fileprivate func trimmingTrailingSpaces() -> Substring {
    var s = self
    while s.last == " " || s.last == "\t" { s = s.dropLast() }
    return s
  }
}
