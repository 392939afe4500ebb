/// Renders a request as an equivalent `curl` command. The key is never included: the command
/// reads it from `"$DOKPLOY_API_KEY"`.
public enum CurlRenderer {
  /// A shell command that sends `request` (`insecure` adds `-k`).
  public static func render(_ request: HTTPRequest, insecure: Bool = false) -> String {
    var parts = ["curl", "-sS"]
    if insecure { parts.append("-k") }
    if request.method != "GET" || request.body != nil { parts += ["-X", request.method] }
    for (name, _) in request.headers where name.lowercased() == HTTPRequest.apiKeyHeader {
      parts += ["-H", "\"\(name): $DOKPLOY_API_KEY\""]
    }
    for (name, value) in request.headers where name.lowercased() != HTTPRequest.apiKeyHeader {
      parts += ["-H", shellQuote("\(name): \(value)")]
    }
    if let body = request.body { parts += ["--data-raw", shellQuote(String(decoding: body, as: UTF8.self))] }
    parts.append(shellQuote(request.url))
    return parts.joined(separator: " ")
  }

  /// Single-quotes `s` for a POSIX shell when it needs quoting.
  public static func shellQuote(_ s: String) -> String {
    let safe = !s.isEmpty && s.unicodeScalars.allSatisfy { c in
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./:=,@%+".unicodeScalars.contains(c)
    }
    return safe ? s : "'" + s.replacing("'", with: "'\\''") + "'"
  }
}
