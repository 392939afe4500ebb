/// Renders a request as an equivalent `curl` command. The key is never included: the command
/// reads it from `"$DOKPLOY_API_KEY"`.
public enum CurlRenderer {
  /// A shell command that sends the request (`insecure` adds `-k`). The header named
  /// `keyHeader` is written as `$DOKPLOY_API_KEY`, whatever its value.
  public static func render(
    method: String, url: String, headers: [(name: String, value: String)], body: [UInt8]?, insecure: Bool = false,
    keyHeader: String = "x-api-key"
  ) -> String {
    var parts = ["curl", "-sS"]
    if insecure { parts.append("-k") }
    if method != "GET" || body != nil { parts += ["-X", method] }
    let key = keyHeader.lowercased()
    for (name, _) in headers where name.lowercased() == key {
      parts += ["-H", "\"\(name): $DOKPLOY_API_KEY\""]
    }
    for (name, value) in headers where name.lowercased() != key {
      parts += ["-H", shellQuote("\(name): \(value)")]
    }
    if let body { parts += ["--data-raw", shellQuote(String(decoding: body, as: UTF8.self))] }
    parts.append(shellQuote(url))
    return parts.joined(separator: " ")
  }

  /// Single-quotes `s` for a POSIX shell when it needs quoting.
  public static func shellQuote(_ s: String) -> String {
    let safe =
      !s.isEmpty
      && s.unicodeScalars.allSatisfy { c in
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./:=,@%+".unicodeScalars.contains(c)
      }
    return safe ? s : "'" + s.replacing("'", with: "'\\''") + "'"
  }
}
