/// How text is written as a double-quoted string of the language, the one rule for everything
/// that writes `.dok` source (recordings, `dok export`, completions): `\`, `"`, `$`, newline and
/// tab are escaped, so the lexer reads back exactly the text given.
public enum StringLiteral {
  /// `s` escaped for the inside of a double-quoted string.
  public static func escaped(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "$": out += "\\$"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(ch)
      }
    }
    return out
  }

  /// `s` as a double-quoted string.
  public static func quoted(_ s: String) -> String { "\"" + escaped(s) + "\"" }
}
