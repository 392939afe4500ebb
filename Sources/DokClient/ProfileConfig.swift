import DokCore

/// One saved server in `config.toml`.
public struct Profile: Sendable, Equatable {
  public var name: String
  public var url: String
  public var apiKey: String?
  /// A command that prints the key (`api_key_cmd`, e.g. `pass show dokploy/prod`), run when the
  /// key is needed; the key it prints is kept in memory only.
  public var apiKeyCommand: String?
  public var insecure: Bool?
  public var transport: WireForm?
  public var timeout: Double?
  /// Seconds the cached API document is trusted between version checks.
  public var specCheckInterval: Double?

  public init(
    name: String, url: String, apiKey: String? = nil, insecure: Bool? = nil, transport: WireForm? = nil, timeout: Double? = nil
  ) {
    self.name = name
    self.url = url
    self.apiKey = apiKey
    self.insecure = insecure
    self.transport = transport
    self.timeout = timeout
  }
}

/// The contents of `$XDG_CONFIG_HOME/dok/config.toml`:
///
/// ```toml
/// default = "prod"          # the profile used when no flag or environment names a server
///
/// [profiles.prod]
/// url = "https://dokploy.example.com"
/// api_key = "…"           # or: api_key_cmd = "pass show dokploy/prod" (run when needed)
/// insecure = false          # optional
/// transport = "openapi"     # optional: openapi | trpc
/// timeout = 30              # optional, seconds
/// spec_check_interval = 600 # optional, seconds the cached API document is trusted between version checks
/// ```
///
/// The TOML subset read: `#` comments, blank lines, `key = value` pairs at the top level and in
/// `[profiles.NAME]` tables (NAME bare — letters, digits, `-`, `_` — or a quoted string); values
/// are basic strings (`"…"` with `\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`), literal strings
/// (`'…'`), `true`/`false` and numbers. Anything else is an error naming the line. Unknown keys
/// are ignored (and not kept when dok rewrites the file).
public struct ProfileConfig: Sendable, Equatable {
  public var defaultProfile: String?
  /// Profiles in file order.
  public var profiles: [Profile]

  public init(defaultProfile: String? = nil, profiles: [Profile] = []) {
    self.defaultProfile = defaultProfile
    self.profiles = profiles
  }

  /// The named profile.
  public func profile(named name: String) -> Profile? { profiles.first { $0.name == name } }

  /// Adds or replaces a profile.
  public mutating func set(_ profile: Profile) {
    if let i = profiles.firstIndex(where: { $0.name == profile.name }) {
      profiles[i] = profile
    } else {
      profiles.append(profile)
    }
  }

  /// Removes a profile (the default setting is left to the caller).
  public mutating func remove(named name: String) {
    profiles.removeAll { $0.name == name }
  }

  /// A syntax error in the file.
  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// Parses the TOML subset described above.
  public static func parse(_ text: String) throws(ParseError) -> ProfileConfig {
    var config = ProfileConfig()
    var table: String? = nil  // nil = top level; else the profile name
    var lineNumber = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var scanner = TOMLScanner(line: Array(String(raw).utf8), number: lineNumber)
      scanner.skipSpaces()
      if scanner.atEndOrComment { continue }
      if scanner.peek == UInt8(ascii: "[") {
        scanner.advance()
        let keys = try scanner.dottedKey()
        guard scanner.consume(UInt8(ascii: "]")) else { throw scanner.error("expected ']'") }
        scanner.skipSpaces()
        guard scanner.atEndOrComment else { throw scanner.error("unexpected text after the table header") }
        if keys.count == 2, keys[0] == "profiles" {
          table = keys[1]
          if config.profile(named: keys[1]) == nil { config.profiles.append(Profile(name: keys[1], url: "")) }
        } else {
          table = "\u{0}ignored"
        }
        continue
      }
      let keys = try scanner.dottedKey()
      guard scanner.consume(UInt8(ascii: "=")) else { throw scanner.error("expected '='") }
      scanner.skipSpaces()
      let value = try scanner.value()
      scanner.skipSpaces()
      guard scanner.atEndOrComment else { throw scanner.error("unexpected text after the value") }
      guard keys.count == 1 else { continue }
      let key = keys[0]
      switch table {
      case nil:
        if key == "default" {
          guard case .string(let s) = value else { throw scanner.error("'default' must be a string") }
          config.defaultProfile = s
        }
      case let name? where name != "\u{0}ignored":
        guard let i = config.profiles.firstIndex(where: { $0.name == name }) else { continue }
        switch (key, value) {
        case ("url", .string(let s)): config.profiles[i].url = s
        case ("api_key", .string(let s)): config.profiles[i].apiKey = s
        case ("api_key_cmd", .string(let s)): config.profiles[i].apiKeyCommand = s
        case ("insecure", .bool(let b)): config.profiles[i].insecure = b
        case ("timeout", .number(let n)): config.profiles[i].timeout = n
        case ("spec_check_interval", .number(let n)) where n >= 0: config.profiles[i].specCheckInterval = n
        case ("transport", .string(let s)):
          guard let form = WireForm(rawValue: s) else { throw scanner.error("transport must be \"openapi\" or \"trpc\"") }
          config.profiles[i].transport = form
        case ("url", _), ("api_key", _), ("api_key_cmd", _), ("insecure", _), ("timeout", _), ("transport", _),
          ("spec_check_interval", _):
          throw scanner.error("'\(key)' has the wrong type")
        default: continue
        }
      default: continue
      }
    }
    return config
  }

  /// The file text (what `dok login` writes).
  public func serialized() -> String {
    var out = "# dok connection profiles (written by `dok login`; keep this file private: mode 0600)\n"
    if let d = defaultProfile { out += "default = \(Self.quote(d))\n" }
    for p in profiles {
      out += "\n[profiles.\(Self.tableKey(p.name))]\n"
      out += "url = \(Self.quote(p.url))\n"
      if let k = p.apiKey { out += "api_key = \(Self.quote(k))\n" }
      if let c = p.apiKeyCommand { out += "api_key_cmd = \(Self.quote(c))\n" }
      if let i = p.insecure { out += "insecure = \(i)\n" }
      if let t = p.transport { out += "transport = \(Self.quote(t.rawValue))\n" }
      if let t = p.timeout { out += "timeout = \(JSONWriter.formatNumber(t))\n" }
      if let t = p.specCheckInterval { out += "spec_check_interval = \(JSONWriter.formatNumber(t))\n" }
    }
    return out
  }

  static func tableKey(_ name: String) -> String {
    let bare = !name.isEmpty && name.utf8.allSatisfy { TOMLScanner.isBareKeyByte($0) }
    return bare ? name : quote(name)
  }

  /// A TOML basic string.
  static func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 || u.value == 0x7f {
          let h = String(u.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
