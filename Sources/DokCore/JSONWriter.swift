/// Serialises ``JSON`` values as compact or indented text, optionally coloured.
public enum JSONWriter {
  /// ANSI styling for pretty output; `nil` fields print plainly.
  public struct Style: Sendable {
    public var key: String
    public var string: String
    public var number: String
    public var literal: String
    public var reset: String
    /// The usual terminal colours (blue keys, green strings, cyan numbers, magenta literals).
    public static let terminal = Style(
      key: "\u{1B}[34m", string: "\u{1B}[32m", number: "\u{1B}[36m", literal: "\u{1B}[35m", reset: "\u{1B}[0m")
    public init(key: String, string: String, number: String, literal: String, reset: String) {
      self.key = key
      self.string = string
      self.number = number
      self.literal = literal
      self.reset = reset
    }
  }

  /// Compact text (`{"a":1,"b":[true,null]}`).
  public static func compact(_ value: JSON) -> String {
    String(decoding: compactBytes(value), as: UTF8.self)
  }

  /// Indented text with two spaces per level; coloured when `style` is given.
  public static func pretty(_ value: JSON, style: Style? = nil) -> String {
    var out = ""
    writePretty(value, indent: 0, style: style, into: &out)
    return out
  }

  /// The shortest text that reads back as the same double; whole values up to 2^53 print as
  /// integers (`3.0` → `3`). Non-finite values (which JSON cannot carry) print as `null`.
  public static func formatNumber(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(.towardZero), abs(d) <= 9_007_199_254_740_992 {
      return String(Int64(d))
    }
    var s = d.description
    if s.hasSuffix(".0") { s.removeLast(2) }
    // Swift writes exponents as `e+21` and `e-07`; the shortest form is `e21` and `e-7`.
    guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
    var exponent = s[s.index(after: e)...]
    let negative = exponent.hasPrefix("-")
    if exponent.hasPrefix("+") || negative { exponent = exponent.dropFirst() }
    let digits = exponent.drop { $0 == "0" }
    return String(s[..<e]) + "e" + (negative ? "-" : "") + (digits.isEmpty ? "0" : digits)
  }

  /// Writes `s` as a JSON string literal with escapes.
  public static func quote(_ s: String, into out: inout String) {
    out.append("\"")
    var needsEscape = false
    for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C {
      needsEscape = true
      break
    }
    if !needsEscape {
      out.append(s)
      out.append("\"")
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out.append("\\\"")
      case "\\": out.append("\\\\")
      case "\n": out.append("\\n")
      case "\r": out.append("\\r")
      case "\t": out.append("\\t")
      case "\u{08}": out.append("\\b")
      case "\u{0C}": out.append("\\f")
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append("\"")
  }

  /// A JSON string literal for `s`.
  public static func quoted(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }

  static func writePretty(_ value: JSON, indent: Int, style: Style?, into out: inout String) {
    func styled(_ text: String, _ code: KeyPath<Style, String>) {
      if let style {
        out.append(style[keyPath: code])
        out.append(text)
        out.append(style.reset)
      } else {
        out.append(text)
      }
    }
    switch value {
    case .null: styled("null", \.literal)
    case .bool(let b): styled(b ? "true" : "false", \.literal)
    case .number(let n): styled(formatNumber(n), \.number)
    case .string(let s): styled(quoted(s), \.string)
    case .array(let a):
      if a.isEmpty {
        out.append("[]")
        return
      }
      out.append("[\n")
      let pad = String(repeating: " ", count: indent + 2)
      for (i, v) in a.enumerated() {
        out.append(pad)
        writePretty(v, indent: indent + 2, style: style, into: &out)
        out.append(i == a.count - 1 ? "\n" : ",\n")
      }
      out.append(String(repeating: " ", count: indent))
      out.append("]")
    case .object(let o):
      if o.isEmpty {
        out.append("{}")
        return
      }
      out.append("{\n")
      let pad = String(repeating: " ", count: indent + 2)
      var i = 0
      for (k, v) in o.pairs {
        out.append(pad)
        styled(quoted(k), \.key)
        out.append(": ")
        writePretty(v, indent: indent + 2, style: style, into: &out)
        i += 1
        out.append(i == o.count ? "\n" : ",\n")
      }
      out.append(String(repeating: " ", count: indent))
      out.append("}")
    }
  }
}
