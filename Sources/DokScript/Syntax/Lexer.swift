import DokCore

/// Turns `.dok` source bytes into tokens on demand. The parser may move `position` back
/// (to re-read argument values as bare words), so the lexer keeps no other state.
struct Lexer {
  let bytes: [UInt8]
  var position: Int
  let end: Int

  init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
    self.bytes = bytes
    self.position = start
    self.end = end ?? bytes.count
  }

  static func isIdentStart(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
  }
  static func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
  static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
  /// Space, tab or carriage return (a newline is a token of its own).
  static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

  func byte(_ i: Int) -> UInt8 { i < end ? bytes[i] : 0 }

  func text(_ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<min(to, end)], as: UTF8.self)
  }

  /// Skips spaces, tabs, carriage returns and comments (not newlines). True if anything was skipped.
  mutating func skipSpace() -> Bool {
    let begin = position
    while position < end {
      let c = bytes[position]
      if Lexer.isSpace(c) {
        position += 1
      } else if c == 0x23 {  // '#'
        while position < end && bytes[position] != 0x0A { position += 1 }
      } else if c == 0x5C && byte(position + 1) == 0x0A {  // backslash-newline continues the line
        position += 2
      } else {
        break
      }
    }
    return position > begin
  }

  mutating func next() -> Token {
    let space = skipSpace() || position == 0
    let start = position
    guard position < end else { return Token(kind: .eof, start: end, end: end, spaceBefore: space) }
    let c = bytes[position]
    func tok(_ k: Token.Kind, _ n: Int) -> Token {
      position += n
      return Token(kind: k, start: start, end: position, spaceBefore: space)
    }
    switch c {
    case 0x0A: return tok(.newline, 1)
    case 0x3B: return tok(.semicolon, 1)
    case 0x7B: return tok(.lbrace, 1)
    case 0x7D: return tok(.rbrace, 1)
    case 0x28: return tok(.lparen, 1)
    case 0x29: return tok(.rparen, 1)
    case 0x5B: return tok(.lbracket, 1)
    case 0x5D: return tok(.rbracket, 1)
    case 0x2C: return tok(.comma, 1)
    case 0x40: return tok(.at, 1)
    case 0x2B: return tok(.plus, 1)
    case 0x2D: return tok(.minus, 1)
    case 0x2A: return tok(.star, 1)
    case 0x2F: return tok(.slash, 1)
    case 0x25: return tok(.percent, 1)
    case 0x3A: return byte(position + 1) == 0x3D ? tok(.colonAssign, 2) : tok(.colon, 1)
    case 0x3D: return byte(position + 1) == 0x3D ? tok(.eq, 2) : tok(.assign, 1)
    case 0x21: return byte(position + 1) == 0x3D ? tok(.ne, 2) : tok(.not, 1)
    case 0x3C: return byte(position + 1) == 0x3D ? tok(.le, 2) : tok(.lt, 1)
    case 0x3E: return byte(position + 1) == 0x3D ? tok(.ge, 2) : tok(.gt, 1)
    case 0x26:
      if byte(position + 1) == 0x26 { return tok(.and, 2) }
      return error(start, space, "unexpected '&' (did you mean '&&'?)", 1)
    case 0x7C:
      if byte(position + 1) == 0x7C { return tok(.or, 2) }
      return error(start, space, "unexpected '|' (did you mean '||'?)", 1)
    case 0x2E:  // '.'
      if byte(position + 1) == 0x2E { return tok(.dotdot, 2) }
      if Lexer.isIdentStart(byte(position + 1)) {
        position += 1
        let s = position
        while position < end && Lexer.isIdentChar(bytes[position]) { position += 1 }
        var t = Token(kind: .member, start: start, end: position, spaceBefore: space)
        t.text = text(s, position)
        return t
      }
      return tok(.dot, 1)
    case 0x24:  // '$'
      position += 1
      let s = position
      while position < end && Lexer.isIdentChar(bytes[position]) { position += 1 }
      if position == s { return error(start, space, "expected a variable name after '$'", 1) }
      var t = Token(kind: .variable, start: start, end: position, spaceBefore: space)
      t.text = text(s, position)
      return t
    case 0x22: return lexString(start, space)
    case 0x27:
      position += 1
      let s = position
      while position < end && bytes[position] != 0x27 { position += 1 }
      if position >= end { return error(start, space, "unterminated string", end - start) }
      var t = Token(kind: .rawString, start: start, end: position + 1, spaceBefore: space)
      t.text = text(s, position)
      position += 1
      return t
    default:
      if Lexer.isDigit(c) { return lexNumber(start, space) }
      if Lexer.isIdentStart(c) {
        while position < end {
          let d = bytes[position]
          if Lexer.isIdentChar(d) {
            position += 1
          } else if d == 0x2E && Lexer.isIdentStart(byte(position + 1)) {
            position += 1
          } else {
            break
          }
        }
        var t = Token(kind: .ident, start: start, end: position, spaceBefore: space)
        t.text = text(start, position)
        return t
      }
      // Consume one whole UTF-8 scalar.
      var n = 1
      while position + n < end && bytes[position + n] & 0xC0 == 0x80 { n += 1 }
      return error(start, space, "unexpected character '\(text(start, start + n))'", n)
    }
  }

  private mutating func error(_ start: Int, _ space: Bool, _ message: String, _ length: Int) -> Token {
    position = max(position, start + length)
    var t = Token(kind: .error, start: start, end: start + length, spaceBefore: space)
    t.text = message
    return t
  }

  private mutating func lexNumber(_ start: Int, _ space: Bool) -> Token {
    while position < end && Lexer.isDigit(bytes[position]) { position += 1 }
    if byte(position) == 0x2E && Lexer.isDigit(byte(position + 1)) {
      position += 1
      while position < end && Lexer.isDigit(bytes[position]) { position += 1 }
    }
    if byte(position) == 0x65 || byte(position) == 0x45 {  // exponent
      var p = position + 1
      if byte(p) == 0x2B || byte(p) == 0x2D { p += 1 }
      if Lexer.isDigit(byte(p)) {
        position = p
        while position < end && Lexer.isDigit(bytes[position]) { position += 1 }
      }
    }
    let value = Double(text(start, position)) ?? 0
    if let problem = ExactNumbers.problem(Substring(text(start, position)), value) {
      return error(start, space, problem, position - start)
    }
    var t = Token(kind: .number, start: start, end: position, spaceBefore: space)
    // Duration suffix.
    let unitStart = position
    var u = position
    while u < end && Lexer.isIdentChar(bytes[u]) { u += 1 }
    if u > unitStart {
      let unit = text(unitStart, u)
      let scale: Double?
      switch unit {
      case "ms": scale = 0.001
      case "s": scale = 1
      case "m": scale = 60
      case "h": scale = 3600
      default: scale = nil
      }
      guard let scale else {
        return error(start, space, "unknown number suffix '\(unit)' (durations use ms, s, m, h)", u - start)
      }
      position = u
      t.end = u
      t.number = value * scale
      t.isDuration = true
      return t
    }
    t.number = value
    return t
  }

  private mutating func lexString(_ start: Int, _ space: Bool) -> Token {
    position += 1
    var parts: [StringPart] = []
    var buf: [UInt8] = []
    while true {
      guard position < end else { return error(start, space, "unterminated string", end - start) }
      let c = bytes[position]
      if c == 0x22 {
        position += 1
        break
      }
      if c == 0x5C {
        let e = byte(position + 1)
        switch e {
        case 0x6E: buf.append(0x0A)
        case 0x74: buf.append(0x09)
        case 0x72: buf.append(0x0D)
        case 0x22, 0x5C, 0x24: buf.append(e)
        default:
          if position + 1 >= end { return error(start, space, "unterminated string", end - start) }
          let p = position
          position += 2
          var t = Token(kind: .error, start: p, end: p + 2, spaceBefore: space)
          t.text = "unknown escape '\\\(text(p + 1, p + 2))' (use \\n \\t \\\" \\\\ \\$)"
          skipToStringEnd()
          return t
        }
        position += 2
        continue
      }
      if c == 0x24 && byte(position + 1) == 0x7B {  // ${
        if !buf.isEmpty { parts.append(.text(String(decoding: buf, as: UTF8.self))) }
        buf.removeAll()
        let exprStart = position + 2
        guard let close = Lexer.matchBrace(bytes, from: exprStart, end: end) else {
          return error(start, space, "unterminated string", end - start)
        }
        parts.append(.interpolation(start: exprStart, end: close))
        position = close + 1
        continue
      }
      buf.append(c)
      position += 1
    }
    if !buf.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: buf, as: UTF8.self))) }
    var t = Token(kind: .string, start: start, end: position, spaceBefore: space)
    t.parts = parts
    return t
  }

  private mutating func skipToStringEnd() {
    while position < end && bytes[position] != 0x22 && bytes[position] != 0x0A {
      if bytes[position] == 0x5C { position += 1 }
      position += 1
    }
    if position < end && bytes[position] == 0x22 { position += 1 }
  }

  /// The offset of the `}` closing a `${` whose content starts at `from`, skipping strings.
  static func matchBrace(_ bytes: [UInt8], from: Int, end: Int) -> Int? {
    var depth = 0
    var i = from
    while i < end {
      let c = bytes[i]
      switch c {
      case 0x7B: depth += 1
      case 0x7D:
        if depth == 0 { return i }
        depth -= 1
      case 0x22:
        i += 1
        while i < end && bytes[i] != 0x22 {
          if bytes[i] == 0x5C {
            i += 1
          } else if bytes[i] == 0x24 && i + 1 < end && bytes[i + 1] == 0x7B {
            guard let close = matchBrace(bytes, from: i + 2, end: end) else { return nil }
            i = close
          }
          i += 1
        }
        if i >= end { return nil }
      case 0x27:
        i += 1
        while i < end && bytes[i] != 0x27 { i += 1 }
        if i >= end { return nil }
      default: break
      }
      i += 1
    }
    return nil
  }
}
