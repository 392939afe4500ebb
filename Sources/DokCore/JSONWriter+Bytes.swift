/// Compact JSON straight into UTF-8 bytes: the one compact serializer (``JSONWriter/compact(_:)``
/// decodes its output), used as is where bytes are wanted (the sandbox's replies and state).
extension JSONWriter {
  /// The compact UTF-8 text of `value`.
  public static func compactBytes(_ value: JSON) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    writeCompact(value, into: &out)
    return out
  }

  static func writeCompact(_ value: JSON, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .number(let n):
      if n == n.rounded(.towardZero), abs(n) < 1e15 {
        appendInteger(Int64(n), into: &out)
      } else {
        out.append(contentsOf: formatNumber(n).utf8)
      }
    case .string(let s): quote(s, into: &out)
    case .array(let a):
      out.append(UInt8(ascii: "["))
      var first = true
      for v in a {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        writeCompact(v, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let o):
      out.append(UInt8(ascii: "{"))
      var first = true
      for (k, v) in o.pairs {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        quote(k, into: &out)
        out.append(UInt8(ascii: ":"))
        writeCompact(v, into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private static func appendInteger(_ v: Int64, into out: inout [UInt8]) {
    if v == 0 {
      out.append(UInt8(ascii: "0"))
      return
    }
    var n = v.magnitude
    if v < 0 { out.append(UInt8(ascii: "-")) }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buf in
      while n > 0 {
        buf[count] = UInt8(n % 10) + 48
        n /= 10
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { out.append(buf[i]) }
    }
  }

  private static let hex = Array("0123456789abcdef".utf8)

  static func quote(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { buf in
      var start = 0
      for i in 0..<buf.count {
        let c = buf[i]
        guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
        if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
        start = i + 1
        out.append(UInt8(ascii: "\\"))
        switch c {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
          out.append(contentsOf: "u00".utf8)
          out.append(hex[Int(c >> 4)])
          out.append(hex[Int(c & 15)])
        }
      }
      if start < buf.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<buf.count])) }
    }
    out.append(UInt8(ascii: "\""))
  }
}
