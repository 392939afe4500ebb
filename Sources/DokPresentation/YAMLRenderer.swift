import DokCore

/// Writes a JSON value as block-style YAML (strings quoted only when needed).
public enum YAMLRenderer {
  /// The YAML text of `value`, ending in a newline.
  public static func render(_ value: JSON) -> String {
    var out = ""
    write(value, indent: 0, into: &out)
    return out.hasSuffix("\n") ? out : out + "\n"
  }

  private static func write(_ value: JSON, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .array(let items) where !items.isEmpty:
      for item in items {
        out += pad + "-"
        switch item {
        case .object(let o) where !o.isEmpty:
          var nested = ""
          write(item, indent: indent + 2, into: &nested)
          out += " " + nested.dropFirst(indent + 2)
        case .array(let a) where !a.isEmpty:
          out += "\n"
          write(item, indent: indent + 2, into: &out)
        default:
          out += " " + scalar(item) + "\n"
        }
      }
    case .object(let o) where !o.isEmpty:
      for (k, v) in o.pairs {
        out += pad + key(k) + ":"
        switch v {
        case .object(let inner) where !inner.isEmpty:
          out += "\n"
          write(v, indent: indent + 2, into: &out)
        case .array(let a) where !a.isEmpty:
          out += "\n"
          write(v, indent: indent, into: &out)
        default:
          out += " " + scalar(v) + "\n"
        }
      }
    default:
      out += pad + scalar(value) + "\n"
    }
  }

  private static func key(_ k: String) -> String { needsQuotes(k) ? JSONWriter.quoted(k) : k }

  static func scalar(_ v: JSON) -> String {
    switch v {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): JSONWriter.formatNumber(n)
    case .string(let s): needsQuotes(s) ? JSONWriter.quoted(s) : s
    case .array: "[]"
    case .object: "{}"
    }
  }

  /// True unless `s` is plainly text to every YAML 1.1 and 1.2 parser: it starts with a letter,
  /// holds only letters, digits, single inner spaces and `_ - . /`, and is not a word a parser
  /// types (`yes`, `off`, `null`, …). Numbers, dates, `.inf`, `1_000` and timestamps all start
  /// with a digit, a sign or a dot, so they are quoted.
  static func needsQuotes(_ s: String) -> Bool {
    guard let first = s.first, first.isLetter, s.last != " " else { return true }
    let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf"]
    if reserved.contains(s.lowercased()) { return true }
    var previous: Character = first
    for c in s.dropFirst() {
      let ok = c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "/" || (c == " " && previous != " ")
      if !ok || c.isNewline { return true }
      previous = c
    }
    return false
  }
}
