import Synchronization

/// Which values are secrets: field names that look secret (matched case-insensitively as
/// substrings), the configured API key, and values learned from replies (what a secret-looking
/// field held, so `$pw = $db.databasePassword` is masked too). Used for everything dok writes
/// for others to read: traces, recordings, reports, verbose logs — and for the REPL's history.
public struct SecretPolicy: Sendable {
  /// The default list of secret-looking field name fragments. Override with
  /// `DOK_SECRET_FIELDS` (comma-separated) or the `secret_fields` setting.
  public static let defaultFields = [
    "password", "secret", "token", "apikey", "api_key", "privatekey", "private_key", "env", "credential", "auth",
  ]

  public var fields: [String]
  /// The API key in use, if any: never written anywhere.
  public var apiKey: String?
  /// Values seen under secret-looking fields (see ``learn(from:)``); shared by copies.
  public let learned = LearnedSecrets()
  /// Learned values shorter than this are not masked inside other text (`"1"` would mask every 1).
  public static let minimumLearnedLength = 6

  public init(fields: [String] = SecretPolicy.defaultFields, apiKey: String? = nil) {
    self.fields = fields.map { $0.lowercased() }
    self.apiKey = apiKey
  }

  /// The policy from the environment (`DOK_SECRET_FIELDS` overrides the default list).
  public static func fromEnvironment(apiKey: String?) -> SecretPolicy {
    if let list = FileIO.environment("DOK_SECRET_FIELDS") {
      return SecretPolicy(fields: list.split(separator: ",").map { $0.trimming(" ") }, apiKey: apiKey)
    }
    return SecretPolicy(apiKey: apiKey)
  }

  /// True for a field name that looks secret (`databasePassword`, `refreshToken`, `env`).
  /// Fragments of five letters or more match anywhere in the name; shorter ones (`env`, `auth`)
  /// only as a whole camel-case or snake-case segment, so `environment` and `author` are not
  /// secrets while `buildEnv` is. Names ending in `Id` are references, not secrets.
  public func isSecret(field: String) -> Bool {
    let f = field.lowercased()
    if f.hasSuffix("id") && !f.contains("secret") { return false }
    var segments: [String] = []
    var current = ""
    for ch in field {
      if ch == "_" || ch == "-" {
        if !current.isEmpty { segments.append(current.lowercased()) }
        current = ""
      } else if ch.isUppercase, !current.isEmpty, !(current.last?.isUppercase ?? false) {
        segments.append(current.lowercased())
        current = String(ch)
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { segments.append(current.lowercased()) }
    return fields.contains { fragment in
      fragment.count >= 5 ? f.contains(fragment) : segments.contains(fragment)
    }
  }

  /// A copy of `value` with every secret-looking field's value replaced by `"***"`, and the
  /// API key and learned secrets masked inside other strings.
  public func redact(_ value: JSON) -> JSON {
    let secrets = masked
    var names: [String: Bool] = [:]
    return redact(value, secrets, shortest: secrets.last?.utf8.count ?? 0, names: &names)
  }

  private func redact(_ value: JSON, _ secrets: [String], shortest: Int, names: inout [String: Bool]) -> JSON {
    switch value {
    case .object(let o):
      var out = JSONObject()
      for (k, v) in o.pairs {
        // A boolean or null under a secret-looking name (`createEnvFile: true`) says nothing secret.
        let plain: Bool
        switch v {
        case .null, .bool: plain = true
        default: plain = false
        }
        out[k] = secretName(k, &names) && !plain ? .string("***") : redact(v, secrets, shortest: shortest, names: &names)
      }
      return .object(out)
    case .array(let a): return .array(a.map { redact($0, secrets, shortest: shortest, names: &names) })
    case .string(let s) where !secrets.isEmpty && s.utf8.count >= shortest: return .string(mask(s, secrets))
    default: return value
    }
  }

  /// `text` with the API key and every learned secret value replaced by `***`.
  public func redactKey(in text: String) -> String {
    mask(text, masked)
  }

  /// An API key shorter than this is not masked inside other text: a short key would mask
  /// ordinary words and numbers (`s/24.do***:2:1`). It is still never printed.
  public static let minimumMaskedKeyLength = 8

  /// What is masked inside text: the API key (when distinctive) and the learned values, longest first.
  private var masked: [String] {
    var all = learned.values
    if let apiKey, apiKey.utf8.count >= Self.minimumMaskedKeyLength {
      all.append(apiKey)
      all.sort { $0.utf8.count > $1.utf8.count }
    }
    return all
  }

  private func mask(_ text: String, _ secrets: [String]) -> String {
    var out = text
    for secret in secrets where out.contains(secret) {
      out = out.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***")
    }
    return out
  }

  private func secretName(_ key: String, _ cache: inout [String: Bool]) -> Bool {
    if let known = cache[key] { return known }
    let answer = isSecret(field: key)
    cache[key] = answer
    return answer
  }

  /// Remembers the strings held under secret-looking fields anywhere in `reply` (in nested
  /// arrays and objects too), so that they stay masked after a script copies them out of the
  /// reply. Values that could not be told from ordinary text are not learned (see
  /// ``isLearnable(_:)``).
  public func learn(from reply: JSON) {
    var found: [String] = []
    var names: [String: Bool] = [:]
    collect(reply, underSecret: false, into: &found, names: &names)
    if !found.isEmpty { learned.insert(found) }
  }

  /// Learns the texts a built-in made from a learned secret (`upper($pw)`, `split($pw, "-")`,
  /// `trim`, `join`, …), so that they are masked like the secret; nothing when no input holds one.
  public func learn(derived output: JSON, from inputs: [JSON]) {
    let known = learned.values
    guard !known.isEmpty, inputs.contains(where: { holds($0, known) }) else { return }
    var found: [String] = []
    texts(output, into: &found)
    if !found.isEmpty { learned.insert(found) }
  }

  private func holds(_ value: JSON, _ known: [String]) -> Bool {
    switch value {
    case .string(let s): known.contains { s.contains($0) }
    case .array(let a): a.contains { holds($0, known) }
    case .object(let o): o.values.contains { holds($0, known) }
    default: false
    }
  }

  private func texts(_ value: JSON, into found: inout [String]) {
    switch value {
    case .string(let s) where Self.isLearnable(s): found.append(s)
    case .array(let a): for v in a { texts(v, into: &found) }
    case .object(let o): for v in o.values { texts(v, into: &found) }
    default: break
    }
  }

  private func collect(_ value: JSON, underSecret: Bool, into found: inout [String], names: inout [String: Bool]) {
    switch value {
    case .object(let o):
      for (k, v) in o.pairs { collect(v, underSecret: underSecret || secretName(k, &names), into: &found, names: &names) }
    case .array(let a): for v in a { collect(v, underSecret: underSecret, into: &found, names: &names) }
    case .string(let s) where underSecret && Self.isLearnable(s): found.append(s)
    default: break
    }
  }

  /// True for a value worth masking wherever it appears: at least six bytes (so never `null` or
  /// `true`), not blank, and not a plain lowercase word (`bearer`, `github` under `tokenType` or
  /// `authProvider` would otherwise vanish from every trace line).
  public static func isLearnable(_ s: String) -> Bool {
    guard s.utf8.count >= minimumLearnedLength else { return false }
    if s.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return false }
    if s.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) && s.utf8.count <= 12 { return false }
    return true
  }

  /// `text` (a statement as written) with the values of secret-looking `name=value` and
  /// `name:=json` arguments replaced by `***` (except `null`, `true` and `false`), and the API
  /// key masked.
  public func redactArguments(in text: String) -> String {
    var out = ""
    var i = text.startIndex
    while i < text.endIndex {
      // Find `name=` or `name:=` where name looks secret.
      guard let eq = text[i...].firstIndex(of: "=") else {
        out += text[i...]
        break
      }
      var nameStart = eq
      var nameEnd = eq
      if nameEnd > text.startIndex, text[text.index(before: nameEnd)] == ":" { nameEnd = text.index(before: nameEnd) }
      nameStart = nameEnd
      while nameStart > i, let c = Optional(text[text.index(before: nameStart)]), c.isLetter || c.isNumber || c == "_" {
        nameStart = text.index(before: nameStart)
      }
      let name = String(text[nameStart..<nameEnd])
      out += text[i...eq]
      var j = text.index(after: eq)
      let isComparison = j < text.endIndex && text[j] == "="
      guard !name.isEmpty, !isComparison, isSecret(field: name) else {
        i = j
        continue
      }
      // Skip the value: a quoted string, or a word up to whitespace, `;`, `}` or `)`.
      if j < text.endIndex, text[j] == "\"" || text[j] == "'" {
        let quote = text[j]
        j = text.index(after: j)
        while j < text.endIndex, text[j] != quote {
          if text[j] == "\\", text.index(after: j) < text.endIndex { j = text.index(after: j) }
          j = text.index(after: j)
        }
        if j < text.endIndex { j = text.index(after: j) }
      } else {
        while j < text.endIndex, !" \t\n;})".contains(text[j]) { j = text.index(after: j) }
      }
      // `password=null` (or a boolean) says nothing secret: it stays readable, as in ``redact(_:)``.
      let value = text[text.index(after: eq)..<j]
      out += value == "null" || value == "true" || value == "false" ? String(value) : "***"
      i = j
    }
    return redactKey(in: out)
  }

  /// True when a line typed at the prompt must not be stored in history.
  public func mustNotStore(line: String) -> Bool {
    if let apiKey, !apiKey.isEmpty, line.contains(apiKey) { return true }
    let l = line.lowercased()
    // `api_key` covers DOKPLOY_API_KEY too.
    return l.contains("--api-key") || l.contains("api_key") || l.contains("x-api-key") || l.contains("dokploy_auth_token")
  }
}

/// Secret values learned from replies, longest first (so a secret that contains another is
/// masked whole).
public final class LearnedSecrets: Sendable {
  private let store = Mutex<(set: Set<String>, sorted: [String])>(([], []))

  public init() {}

  /// The learned values, longest first.
  public var values: [String] { store.withLock { $0.sorted } }

  func insert(_ new: [String]) {
    store.withLock { state in
      var changed = false
      for s in new where state.set.insert(s).inserted { changed = true }
      if changed { state.sorted = state.set.sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 } }
    }
  }
}
