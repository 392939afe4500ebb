/// A failure to parse JSON text: what was wrong and where (byte offset, 1-based line and column).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was expected or found.
  public var message: String
  /// Byte offset into the input.
  public var offset: Int
  /// 1-based line.
  public var line: Int
  /// 1-based column (in bytes).
  public var column: Int

  public var description: String { "\(message) at line \(line), column \(column)" }
}

/// A fast recursive-descent JSON parser over UTF-8 bytes.
///
/// `skipKeys` lets a caller drop subtrees it never reads (they are validated and replaced by
/// `null`), which is how the OpenAPI loader avoids materialising response schemas.
public struct JSONParser {
  /// Maximum nesting depth before the input is rejected (protects the stack).
  public static let maxDepth = 512

  /// Parses a complete JSON text. With `exactNumbers`, a number a double cannot hold as written
  /// is an error (see ``ExactNumbers``): the language's rule for JSON a user writes.
  public static func parse(_ text: String, exactNumbers: Bool = false) throws(JSONParseError) -> JSON {
    var t = text
    let r: Result<JSON, JSONParseError> = t.withUTF8 { buf in
      Result { () throws(JSONParseError) in try parse(buf, exactNumbers: exactNumbers) }
    }
    return try r.get()
  }

  /// Decides which object members to build. `path` holds the keys leading from the root to the
  /// object that has member `key` (array elements add none). Returning false omits the member:
  /// its text is still validated, but no value is built for it.
  public typealias MemberFilter = (_ path: [String], _ key: String) -> Bool

  /// Parses a complete JSON document from bytes.
  public static func parse(
    _ bytes: [UInt8], skipKeys: Set<String> = [], members: MemberFilter? = nil
  ) throws(JSONParseError) -> JSON {
    let r: Result<JSON, JSONParseError> = bytes.withUnsafeBufferPointer { buf in
      Result { () throws(JSONParseError) in try parse(buf, skipKeys: skipKeys, members: members) }
    }
    return try r.get()
  }

  /// Parses a complete JSON document from a byte buffer.
  public static func parse(
    _ buf: UnsafeBufferPointer<UInt8>, skipKeys: Set<String> = [], members: MemberFilter? = nil, exactNumbers: Bool = false
  ) throws(JSONParseError) -> JSON {
    var p = JSONParser(buf: buf, skipKeys: skipKeys)
    p.members = members
    p.exactNumbers = exactNumbers
    p.skipWhitespace()
    let v = try p.parseValue(depth: 0)
    p.skipWhitespace()
    if p.pos != buf.count { throw p.error("unexpected text after the JSON value") }
    return v
  }

  let buf: UnsafeBufferPointer<UInt8>
  var pos = 0
  /// Numbers a double cannot hold as written are errors.
  var exactNumbers = false
  private let skipKeys: Set<String>
  private var members: MemberFilter?
  /// The keys from the root to the object being parsed; kept only when `members` is set.
  private var keyPath: [String] = []

  private init(buf: UnsafeBufferPointer<UInt8>, skipKeys: Set<String>) {
    self.buf = buf
    self.skipKeys = skipKeys
  }

  func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
    let off = min(offset ?? pos, buf.count)
    var line = 1
    var col = 1
    var i = 0
    while i < off {
      if buf[i] == UInt8(ascii: "\n") {
        line += 1
        col = 1
      } else if buf[i] & 0xC0 != 0x80 {
        col += 1
      }
      i += 1
    }
    return JSONParseError(message: message, offset: off, line: line, column: col)
  }

  func describeByte() -> String {
    guard pos < buf.count else { return "end of input" }
    let c = buf[pos]
    if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
    return "byte 0x\(String(c, radix: 16))"
  }

  mutating func parseValue(depth: Int) throws(JSONParseError) -> JSON {
    guard pos < buf.count else { throw error("expected a value but found end of input") }
    if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    switch buf[pos] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw error("expected a value but found \(describeByte())")
    }
  }

  private mutating func expectLiteral(_ word: String) throws(JSONParseError) {
    let start = pos
    for c in word.utf8 {
      guard pos < buf.count, buf[pos] == c else { throw error("invalid literal (expected '\(word)')", at: start) }
      pos += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSON {
    pos += 1
    var obj = JSONObject()
    skipWhitespace()
    if pos < buf.count, buf[pos] == UInt8(ascii: "}") {
      pos += 1
      return .object(obj)
    }
    while true {
      skipWhitespace()
      guard pos < buf.count, buf[pos] == UInt8(ascii: "\"") else {
        throw error("expected a quoted key but found \(describeByte())")
      }
      let key = try parseString()
      skipWhitespace()
      guard pos < buf.count, buf[pos] == UInt8(ascii: ":") else {
        throw error("expected ':' after key \"\(key)\" but found \(describeByte())")
      }
      pos += 1
      skipWhitespace()
      if let members, !members(keyPath, key) {
        try skipValue(depth: depth + 1)
      } else if !skipKeys.isEmpty, skipKeys.contains(key) {
        try skipValue(depth: depth + 1)
        obj[key] = .null
      } else if members != nil {
        keyPath.append(key)
        obj[key] = try parseValue(depth: depth + 1)
        keyPath.removeLast()
      } else {
        obj[key] = try parseValue(depth: depth + 1)
      }
      skipWhitespace()
      guard pos < buf.count else { throw error("unterminated object: expected ',' or '}'") }
      if buf[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if buf[pos] == UInt8(ascii: "}") {
        pos += 1
        return .object(obj)
      }
      throw error("expected ',' or '}' in object but found \(describeByte())")
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSON {
    pos += 1
    var arr: [JSON] = []
    skipWhitespace()
    if pos < buf.count, buf[pos] == UInt8(ascii: "]") {
      pos += 1
      return .array(arr)
    }
    while true {
      skipWhitespace()
      arr.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard pos < buf.count else { throw error("unterminated array: expected ',' or ']'") }
      if buf[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if buf[pos] == UInt8(ascii: "]") {
        pos += 1
        return .array(arr)
      }
      throw error("expected ',' or ']' in array but found \(describeByte())")
    }
  }

  mutating func parseString() throws(JSONParseError) -> String {
    let start = pos
    pos += 1
    let contentStart = pos
    // Fast path: no escapes.
    while pos < buf.count {
      let c = buf[pos]
      if c == UInt8(ascii: "\"") {
        let s = String(decoding: UnsafeBufferPointer(rebasing: buf[contentStart..<pos]), as: UTF8.self)
        pos += 1
        return s
      }
      if c == UInt8(ascii: "\\") { break }
      if c < 0x20 { throw error("control character in string") }
      pos += 1
    }
    guard pos < buf.count else { throw error("unterminated string", at: start) }
    var bytes: [UInt8] = Array(buf[contentStart..<pos])
    while pos < buf.count {
      let c = buf[pos]
      if c == UInt8(ascii: "\"") {
        pos += 1
        return String(decoding: bytes, as: UTF8.self)
      }
      if c < 0x20 { throw error("control character in string") }
      if c != UInt8(ascii: "\\") {
        bytes.append(c)
        pos += 1
        continue
      }
      pos += 1
      guard pos < buf.count else { break }
      let e = buf[pos]
      pos += 1
      switch e {
      case UInt8(ascii: "\""): bytes.append(0x22)
      case UInt8(ascii: "\\"): bytes.append(0x5C)
      case UInt8(ascii: "/"): bytes.append(0x2F)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try parseHex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
          // Surrogate pair.
          if pos + 1 < buf.count, buf[pos] == UInt8(ascii: "\\"), buf[pos + 1] == UInt8(ascii: "u") {
            pos += 2
            let low = try parseHex4()
            if low >= 0xDC00 && low < 0xE000 {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              scalar = 0xFFFD
            }
          } else {
            scalar = 0xFFFD
          }
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
          scalar = 0xFFFD
        }
        let us = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        bytes.append(contentsOf: String(Character(us)).utf8)
      default:
        throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in string", at: pos - 2)
      }
    }
    throw error("unterminated string", at: start)
  }

  mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard pos + 4 <= buf.count else { throw error("truncated \\u escape") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let c = buf[pos]
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
      default: throw error("invalid \\u escape")
      }
      v = v << 4 | d
      pos += 1
    }
    return v
  }

  private mutating func parseNumber() throws(JSONParseError) -> Double {
    let start = pos
    var isInteger = true
    if buf[pos] == UInt8(ascii: "-") { pos += 1 }
    guard pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 else { throw error("invalid number", at: start) }
    if buf[pos] == 48 {
      pos += 1
      if pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 { throw error("leading zero in number", at: start) }
    } else {
      while pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 { pos += 1 }
    }
    if pos < buf.count, buf[pos] == UInt8(ascii: ".") {
      isInteger = false
      pos += 1
      guard pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 else {
        throw error("invalid number: digit expected after '.'", at: start)
      }
      while pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 { pos += 1 }
    }
    if pos < buf.count, buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E") {
      isInteger = false
      pos += 1
      if pos < buf.count, buf[pos] == UInt8(ascii: "+") || buf[pos] == UInt8(ascii: "-") { pos += 1 }
      guard pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 else {
        throw error("invalid number: digit expected in exponent", at: start)
      }
      while pos < buf.count, buf[pos] >= 48, buf[pos] <= 57 { pos += 1 }
    }
    let text = UnsafeBufferPointer(rebasing: buf[start..<pos])
    if isInteger, pos - start <= 15 {
      var v: Int64 = 0
      var neg = false
      for c in text {
        if c == UInt8(ascii: "-") { neg = true; continue }
        v = v * 10 + Int64(c - 48)
      }
      return Double(neg ? -v : v)
    }
    let written = String(decoding: text, as: UTF8.self)
    guard let d = Double(written) else { throw error("invalid number", at: start) }
    if exactNumbers, let problem = ExactNumbers.problem(Substring(written), d) { throw error(problem, at: start) }
    return d
  }
}
