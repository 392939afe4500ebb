/// Whether a string is a URL as Zod 4's `.url()` sees it: Zod trims the text and calls the
/// WHATWG `new URL(text)` (zod v4.3.6 `core/schemas.ts:474-525`); a throw is the issue
/// `{code: "invalid_format", format: "url", message: "Invalid URL"}` (`locales/en.ts`).
///
/// This is the part of the WHATWG URL parser that decides whether parsing fails, without a base
/// URL: a scheme is required; the special schemes (`http`, `https`, `ws`, `wss`, `ftp`) need a
/// host free of forbidden code points, a numeric last label makes the host an IPv4 address that
/// must parse, a bracketed host must be IPv6, and a port is at most five digits up to 65535.
enum URLFormat {
  /// True when `new URL(text.trim())` would not throw.
  static func isValid(_ text: String) -> Bool {
    // JavaScript's trim, then the parser's own strip of C0 controls and spaces, and its removal
    // of every tab and newline.
    let scalars = Array(text.unicodeScalars)
    var start = 0
    var end = scalars.count
    while start < end, isTrimmed(scalars[start]) { start += 1 }
    while end > start, isTrimmed(scalars[end - 1]) { end -= 1 }
    let input = scalars[start..<end].filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    guard let colon = input.firstIndex(of: ":"), colon > 0, isAlpha(input[0]) else { return false }
    guard input[1..<colon].allSatisfy({ isAlpha($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
    else { return false }
    let scheme = String(String.UnicodeScalarView(input[0..<colon])).lowercased()
    let rest = Array(input[(colon + 1)...])
    if scheme == "file" { return true }
    if ["http", "https", "ws", "wss", "ftp"].contains(scheme) {
      // Special schemes: any run of slashes or backslashes, then the authority.
      let afterSlashes = rest.drop { $0 == "/" || $0 == "\\" }
      return authorityIsValid(Array(afterSlashes.prefix { !"/\\?#".unicodeScalars.contains($0) }), special: true)
    }
    // Other schemes: an authority only after "//".
    guard rest.count >= 2, rest[0] == "/", rest[1] == "/" else { return true }
    return authorityIsValid(Array(rest.dropFirst(2).prefix { !"/?#".unicodeScalars.contains($0) }), special: false)
  }

  private static func authorityIsValid(_ authority: [Unicode.Scalar], special: Bool) -> Bool {
    let hostAndPort = authority.lastIndex(of: "@").map { Array(authority[($0 + 1)...]) } ?? authority
    var host = hostAndPort
    var port: [Unicode.Scalar] = []
    if hostAndPort.first == "[" {
      guard let close = hostAndPort.firstIndex(of: "]") else { return false }
      host = Array(hostAndPort[...close])
      let after = hostAndPort[(close + 1)...]
      if let first = after.first {
        guard first == ":" else { return false }
        port = Array(after.dropFirst())
      }
      let inner = host.dropFirst().dropLast()
      guard inner.contains(":"), inner.allSatisfy({ isHex($0) || $0 == ":" || $0 == "." }) else { return false }
    } else {
      if let c = hostAndPort.firstIndex(of: ":") {
        host = Array(hostAndPort[..<c])
        port = Array(hostAndPort[(c + 1)...])
      }
      if special {
        guard !host.isEmpty, domainIsValid(host) else { return false }
      } else if host.contains(where: { forbiddenHost($0) }) {
        return false
      }
    }
    guard port.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
    let digits = port.drop { $0 == "0" }
    return digits.count <= 5 && (Int(String(String.UnicodeScalarView(digits))) ?? 0) <= 65535
  }

  /// A special URL's host: percent-decoded, free of forbidden domain code points, and when its
  /// last label is numeric, a valid IPv4 address.
  private static func domainIsValid(_ host: [Unicode.Scalar]) -> Bool {
    var decoded: [Unicode.Scalar] = []
    var i = 0
    while i < host.count {
      if host[i] == "%", i + 2 < host.count, isHex(host[i + 1]), isHex(host[i + 2]) {
        let value = UInt8(String(String.UnicodeScalarView(host[(i + 1)...(i + 2)])), radix: 16) ?? 0
        decoded.append(Unicode.Scalar(value))
        i += 3
      } else {
        decoded.append(host[i])
        i += 1
      }
    }
    let lowered = String(String.UnicodeScalarView(decoded)).lowercased()
    guard !lowered.isEmpty, !lowered.unicodeScalars.contains(where: { forbiddenHost($0) || $0 == "%" || $0.value == 0x7F })
    else { return false }
    var labels = lowered.split(separator: ".", omittingEmptySubsequences: false)
    if labels.last == "", labels.count > 1 { labels.removeLast() }
    guard let last = labels.last, ipv4Number(last) != nil || last.allSatisfy(\.isASCII) && last.allSatisfy(\.isNumber)
    else { return true }
    // Ends in a number: the whole host must be an IPv4 address.
    guard labels.count <= 4 else { return false }
    let numbers = labels.map(ipv4Number)
    guard numbers.allSatisfy({ $0 != nil }) else { return false }
    let values = numbers.map { $0! }
    guard values.dropLast().allSatisfy({ $0 <= 255 }) else { return false }
    return values.last! < (1 << (8 * (5 - values.count)))
  }

  /// An IPv4 part: decimal, `0x` hexadecimal or leading-zero octal; nil when it is not a number.
  private static func ipv4Number(_ part: Substring) -> UInt64? {
    if part.isEmpty { return nil }
    var text = part
    var radix = 10
    if text.count >= 2, text.hasPrefix("0x") || text.hasPrefix("0X") {
      text = text.dropFirst(2)
      radix = 16
    } else if text.count >= 2, text.hasPrefix("0") {
      text = text.dropFirst()
      radix = 8
    }
    if text.isEmpty { return 0 }
    guard text.count <= 20 else { return UInt64.max }
    return UInt64(text, radix: radix)
  }

  private static func forbiddenHost(_ c: Unicode.Scalar) -> Bool {
    c.value < 0x20 || " #/:<>?@[\\]^|".unicodeScalars.contains(c)
  }

  private static func isTrimmed(_ c: Unicode.Scalar) -> Bool {
    c.value <= 0x20 || c.properties.isWhitespace || c == "\u{FEFF}"
  }

  private static func isAlpha(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

  private static func isHex(_ c: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
  }
}
