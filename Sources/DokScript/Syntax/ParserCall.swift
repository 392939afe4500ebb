import DokCore

extension Parser {
  static func isArgNameChar(_ c: UInt8) -> Bool { Lexer.isIdentChar(c) || c == 0x2D || c == 0x2E }
  /// A bare word ends at whitespace, `;`, `}` or `)`.
  static func endsBare(_ c: UInt8) -> Bool { Lexer.isSpace(c) || c == 0x0A || c == 0x3B || c == 0x7D || c == 0x29 }

  func byte(_ i: Int) -> UInt8 { lexer.byte(i) }

  /// `router.procedure name=value …` after the procedure token. Reads the argument list at
  /// byte level: bare words are not tokens.
  mutating func parseCall(_ name: Token) throws(ParseError) -> CallExpr {
    var p = name.end
    var args: [ArgNode] = []
    var firstStart: Int?
    var lastArgEnd = name.end
    while true {
      var q = p
      while q < lexer.end {
        if Lexer.isSpace(bytes[q]) || (nlSkipDepth > 0 && bytes[q] == 0x0A) {
          q += 1
        } else if bytes[q] == 0x5C && byte(q + 1) == 0x0A {  // backslash-newline continues the list
          q += 2
        } else {
          break
        }
      }
      let nameStart = q
      guard q < lexer.end, Lexer.isIdentStart(bytes[q]) else { break }
      while q < lexer.end && Parser.isArgNameChar(bytes[q]) { q += 1 }
      let argName = text(nameStart, q)
      let isJSON: Bool
      if byte(q) == 0x3D && byte(q + 1) == 0x3D {
        throw ParseError(
          message: "'\(argName)==' in a call: an argument takes one '='", offset: q, length: 2,
          notes: ["hint: write \(argName)=value (compare with == inside an expression)"])
      }
      if byte(q) == 0x3D {
        isJSON = false
        q += 1
      } else if byte(q) == 0x3A && byte(q + 1) == 0x3D {
        isJSON = true
        q += 2
      } else {
        break
      }
      if firstStart == nil { firstStart = nameStart }
      let argPos = pos(nameStart, q)
      let v = q
      let c = byte(v)
      if isJSON, c == 0x40 {
        // `key:=@file.json`: the file's text sent as JSON (httpie's form); the binder reads it.
        let (path, end) = try filePath(after: v, name: argName)
        args.append(ArgNode(name: argName, kind: .json("@" + path), pos: argPos))
        p = end
      } else if isJSON {
        let end = try scanJSON(from: v, name: argName)
        let raw = text(v, end)
        do { _ = try JSONParser.parse(raw) } catch {
          throw ParseError(message: "invalid JSON for \(argName): \(error.message)", offset: v, length: max(1, end - v))
        }
        args.append(ArgNode(name: argName, kind: .json(raw), pos: argPos))
        p = end
      } else if v >= lexer.end || Parser.endsBare(c) {
        // `name=` alone: the empty word (text for a string field, an error for a number).
        args.append(ArgNode(name: argName, kind: .bare(""), pos: argPos))
        p = v
      } else if c == 0x22 || c == 0x27 || c == 0x24 || c == 0x28 || c == 0x5B || c == 0x7B {
        reset(to: v)
        let e = try parsePostfix()
        args.append(ArgNode(name: argName, kind: .expr(e), pos: argPos))
        p = lastEnd
      } else if c == 0x40 {
        let (path, e) = try filePath(after: v, name: argName)
        args.append(ArgNode(name: argName, kind: .file(path), pos: argPos))
        p = e
      } else {
        // `#` and `,` inside a bare word are ordinary characters (a comment needs a space).
        var e = v
        while e < lexer.end && !Parser.endsBare(bytes[e]) { e += 1 }
        let word = text(v, e)
        if let dollar = word.range(of: "${") {
          let close = bareWordEnd(from: v)
          let offset = v + word.utf8.distance(from: word.startIndex, to: dollar.lowerBound)
          throw ParseError(
            message: "'${' in a bare word: interpolation needs quotes", offset: offset, length: max(2, close - offset),
            notes: ["hint: write \(argName)=\"\(text(v, close))\""])
        }
        args.append(ArgNode(name: argName, kind: .bare(word), pos: argPos))
        p = e
      }
      lastArgEnd = p
    }
    reset(to: p)
    lastEnd = max(lastEnd, p)
    return CallExpr(
      procedure: name.text, args: args, argsText: firstStart.map { text($0, lastArgEnd) } ?? "",
      pos: pos(name.start, name.end))
  }

  /// Where a bare word that holds `${…}` would end if it were quoted: past every `${…}` and the
  /// text after them (`a${$x}b` is one word), at a space or the end of the line.
  private func bareWordEnd(from start: Int) -> Int {
    var i = start
    var open = 0
    while i < lexer.end, bytes[i] != 0x0A {
      if bytes[i] == 0x24 && byte(i + 1) == 0x7B {
        open += 1
        i += 2
        continue
      }
      if bytes[i] == 0x7D && open > 0 {
        open -= 1
      } else if open == 0 && Parser.endsBare(bytes[i]) {
        break
      }
      i += 1
    }
    return i
  }

  /// The end of a raw JSON value starting at `from` (balanced brackets, strings skipped).
  func scanJSON(from: Int, name: String) throws(ParseError) -> Int {
    var i = from
    /// From an opening quote to its closing quote (or the end), stepping over escapes.
    func skipString(_ i: inout Int) {
      i += 1
      while i < lexer.end && bytes[i] != 0x22 {
        if bytes[i] == 0x5C { i += 1 }
        i += 1
      }
    }
    let first = byte(i)
    if first == 0x5B || first == 0x7B {
      var depth = 0
      while i < lexer.end {
        let c = bytes[i]
        if c == 0x22 {
          skipString(&i)
        } else if c == 0x5B || c == 0x7B {
          depth += 1
        } else if c == 0x5D || c == 0x7D {
          depth -= 1
          if depth == 0 { return i + 1 }
        }
        i += 1
      }
      throw ParseError(message: "unterminated JSON value for \(name)", offset: from, length: max(1, i - from))
    }
    if first == 0x22 {
      skipString(&i)
      guard i < lexer.end else { throw ParseError(message: "unterminated JSON string for \(name)", offset: from) }
      return i + 1
    }
    while i < lexer.end && !Parser.endsBare(bytes[i]) { i += 1 }
    if i == from { throw ParseError(message: "expected JSON after \(name):=", offset: from) }
    return i
  }

  /// The path after `@` at `v`: a bare word, or a quoted string (`@"my file.txt"`, spaces allowed).
  func filePath(after v: Int, name argName: String) throws(ParseError) -> (String, Int) {
    var e = v + 1
    if e < lexer.end, bytes[e] == 0x22 || bytes[e] == 0x27 {
      let quote = bytes[e]
      e += 1
      while e < lexer.end, bytes[e] != quote, bytes[e] != 0x0A { e += 1 }
      guard e < lexer.end, bytes[e] == quote else {
        throw ParseError(message: "unterminated quoted path after '@' for \(argName)", offset: v)
      }
      if e == v + 2 { throw ParseError(message: "expected a file path after '@' for \(argName)", offset: v) }
      return (text(v + 2, e), e + 1)
    }
    while e < lexer.end && !Parser.endsBare(bytes[e]) { e += 1 }
    if e == v + 1 { throw ParseError(message: "expected a file path after '@' for \(argName)", offset: v) }
    return (text(v + 1, e), e)
  }
}
