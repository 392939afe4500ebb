/// Which values are secrets: field names that look secret (matched case-insensitively as
/// substrings) and the configured API key. Used for everything dok writes for others to read:
/// traces, recordings, reports, verbose logs — and for the REPL's history.
public struct SecretPolicy: Sendable {
  /// The default list of secret-looking field name fragments. Override with
  /// `DOK_SECRET_FIELDS` (comma-separated) or the `secret_fields` setting.
  public static let defaultFields = [
    "password", "secret", "token", "apikey", "api_key", "privatekey", "private_key", "env", "credential", "auth",
  ]

  public var fields: [String]
  /// The API key in use, if any: never written anywhere.
  public var apiKey: String?

  public init(fields: [String] = SecretPolicy.defaultFields, apiKey: String? = nil) {
    self.fields = fields.map { $0.lowercased() }
    self.apiKey = apiKey
  }

  /// The policy from the environment (`DOK_SECRET_FIELDS` overrides the default list).
  public static func fromEnvironment(apiKey: String?) -> SecretPolicy {
    if let list = FileIO.environment("DOK_SECRET_FIELDS") {
      return SecretPolicy(fields: list.split(separator: ",").map { $0.trimmingSpaces() }, apiKey: apiKey)
    }
    return SecretPolicy(apiKey: apiKey)
  }

  /// True for a field name that looks secret (`databasePassword`, `refreshToken`, `env`).
  public func isSecret(field: String) -> Bool {
    let f = field.lowercased()
    if f.hasSuffix("id") && !f.contains("secret") { return false }  // `apiKeyId`, `tokenId` are references
    return fields.contains { f.contains($0) }
  }

  /// A copy of `value` with every secret-looking field's value replaced by `"***"`.
  public func redact(_ value: JSON) -> JSON {
    switch value {
    case .object(let o):
      var out = JSONObject()
      for (k, v) in o.pairs {
        out[k] = isSecret(field: k) && !v.isNull ? .string("***") : redact(v)
      }
      return .object(out)
    case .array(let a): return .array(a.map(redact))
    case .string(let s): return .string(redactKey(in: s))
    default: return value
    }
  }

  /// `text` with the API key replaced by `***`.
  public func redactKey(in text: String) -> String {
    guard let apiKey, !apiKey.isEmpty, text.contains(apiKey) else { return text }
    return text.split(separator: apiKey, omittingEmptySubsequences: false).joined(separator: "***")
  }

  /// True when a line typed at the prompt must not be stored in history.
  public func mustNotStore(line: String) -> Bool {
    if let apiKey, !apiKey.isEmpty, line.contains(apiKey) { return true }
    let l = line.lowercased()
    return l.contains("--api-key") || l.contains("api_key") || l.contains("x-api-key") || l.contains("dokploy_api_key")
      || l.contains("dokploy_auth_token")
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
