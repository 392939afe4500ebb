/// Reads one line of the TOML subset used by ``ProfileConfig``.
struct TOMLScanner {
  enum Value: Equatable {
    case string(String)
    case bool(Bool)
    case number(Double)
  }

  let line: [UInt8]
  let number: Int
  var i = 0

  init(line: [UInt8], number: Int) {
    var l = line
    if l.last == UInt8(ascii: "\r") { l.removeLast() }
    self.line = l
    self.number = number
  }

  var peek: UInt8? { i < line.count ? line[i] : nil }
  var atEndOrComment: Bool { peek == nil || peek == UInt8(ascii: "#") }
  mutating func advance() { i += 1 }

  mutating func skipSpaces() {
    while let c = peek, c == 32 || c == 9 { i += 1 }
  }

  mutating func consume(_ c: UInt8) -> Bool {
    skipSpaces()
    guard peek == c else { return false }
    i += 1
    return true
  }

  func error(_ message: String) -> ProfileConfig.ParseError {
    ProfileConfig.ParseError(line: number, message: message)
  }

  static func isBareKeyByte(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == 0x2d || c == 0x5f
  }

  /// `a.b."c d"`.
  mutating func dottedKey() throws(ProfileConfig.ParseError) -> [String] {
    var keys: [String] = []
    repeat {
      skipSpaces()
      if peek == UInt8(ascii: "\"") {
        keys.append(try basicString())
      } else if peek == UInt8(ascii: "'") {
        keys.append(try literalString())
      } else {
        let start = i
        while let c = peek, Self.isBareKeyByte(c) { i += 1 }
        guard i > start else { throw error("expected a key") }
        keys.append(String(decoding: line[start..<i], as: UTF8.self))
      }
      skipSpaces()
    } while consume(UInt8(ascii: "."))
    return keys
  }

  mutating func value() throws(ProfileConfig.ParseError) -> Value {
    guard let c = peek else { throw error("expected a value") }
    if c == UInt8(ascii: "\"") { return .string(try basicString()) }
    if c == UInt8(ascii: "'") { return .string(try literalString()) }
    let start = i
    while let c = peek, c != 32, c != 9, c != UInt8(ascii: "#") { i += 1 }
    let word = String(decoding: line[start..<i], as: UTF8.self)
    if word == "true" { return .bool(true) }
    if word == "false" { return .bool(false) }
    if let d = Double(word.replacingUnderscores()) { return .number(d) }
    throw error("unsupported value '\(word)' (strings must be quoted)")
  }

  mutating func literalString() throws(ProfileConfig.ParseError) -> String {
    i += 1
    let start = i
    while let c = peek, c != UInt8(ascii: "'") { i += 1 }
    guard peek != nil else { throw error("unterminated string") }
    let s = String(decoding: line[start..<i], as: UTF8.self)
    i += 1
    return s
  }

  mutating func basicString() throws(ProfileConfig.ParseError) -> String {
    i += 1
    var bytes: [UInt8] = []
    while true {
      guard let c = peek else { throw error("unterminated string") }
      i += 1
      if c == UInt8(ascii: "\"") { break }
      if c != UInt8(ascii: "\\") {
        bytes.append(c)
        continue
      }
      guard let e = peek else { throw error("unterminated string") }
      i += 1
      switch e {
      case UInt8(ascii: "\""): bytes.append(e)
      case UInt8(ascii: "\\"): bytes.append(e)
      case UInt8(ascii: "n"): bytes.append(10)
      case UInt8(ascii: "t"): bytes.append(9)
      case UInt8(ascii: "r"): bytes.append(13)
      case UInt8(ascii: "b"): bytes.append(8)
      case UInt8(ascii: "f"): bytes.append(12)
      case UInt8(ascii: "u"), UInt8(ascii: "U"):
        let n = e == UInt8(ascii: "u") ? 4 : 8
        guard i + n <= line.count, let v = UInt32(String(decoding: line[i..<i + n], as: UTF8.self), radix: 16),
          let scalar = Unicode.Scalar(v)
        else { throw error("bad unicode escape") }
        i += n
        bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
      default: throw error("unsupported escape '\\\(Character(Unicode.Scalar(e)))'")
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
