import DokCore
import DokScript
import DokSpec

/// The text of an exported runbook as it is written: statements and comments in order, values
/// written the way a person would (bare words where they read the same, quoted strings
/// otherwise), and the secrets it needs, each read once from an environment variable (or, in a
/// rehearsal, given a placeholder) at the top.
struct RunbookText {
  /// How secrets are written.
  enum SecretMode: Sendable {
    /// `$db_password = env("SHOP_DB_PASSWORD")`, with an assert that it is set.
    case environment
    /// A placeholder value (a rehearsal): nothing is read from the environment.
    case placeholder
  }

  /// One value the runbook reads from the environment.
  struct Secret {
    var variable: String
    var environmentName: String
    var what: String
    /// A reference to something on the target server (a git provider's id), not a secret.
    var isReference: Bool
  }

  var lines: [String] = []
  private(set) var secrets: [Secret] = []
  /// Names in use; the check before any change uses the first three.
  private var variables: Set<String> = ["target", "target_environment", "existing"]
  let policy: SecretPolicy

  init(policy: SecretPolicy) { self.policy = policy }

  mutating func add(_ line: String) { lines.append(line) }

  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  /// A call statement: the procedure, then each argument as `name=value`.
  mutating func call(_ procedure: String, _ arguments: [(String, String)], assign: String? = nil) {
    let args = arguments.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    lines.append((assign.map { "$\($0) = " } ?? "") + procedure + (args.isEmpty ? "" : " " + args))
  }

  /// A script variable name made from `words` (`web`, `api token` → `web_api_token`), unique in
  /// this runbook.
  mutating func variable(_ words: String...) -> String {
    var base = Self.identifier(words.joined(separator: "_")).lowercased()
    if base.isEmpty || base.first!.isNumber { base = "v_" + base }
    var name = base
    var n = 2
    while variables.contains(name) {
      name = "\(base)_\(n)"
      n += 1
    }
    variables.insert(name)
    return name
  }

  /// Registers a secret (or a reference the target server must supply) and returns the script
  /// variable that holds it.
  mutating func secret(_ words: [String], what: String, isReference: Bool = false) -> String {
    let variable = variable(words.joined(separator: "_"))
    var environmentName = variable.uppercased()
    if environmentName.hasPrefix("V_") { environmentName = String(environmentName.dropFirst(2)) }
    secrets.append(Secret(variable: variable, environmentName: environmentName, what: what, isReference: isReference))
    return "$" + variable
  }

  /// The statements that read the secrets, before anything else runs.
  func preamble(_ mode: SecretMode) -> [String] {
    guard !secrets.isEmpty else { return [] }
    var out: [String] = []
    switch mode {
    case .environment:
      for s in secrets { out.append("$\(s.variable) = env(\(Self.quoted(s.environmentName)))") }
      for s in secrets {
        out.append("assert $\(s.variable) != null, \(Self.quoted("set \(s.environmentName): \(s.what)"))")
      }
    case .placeholder:
      for s in secrets {
        out.append("$\(s.variable) = " + (s.isReference ? "null" : Self.quoted("rehearsal-\(s.variable)")))
      }
    }
    return out
  }

  // MARK: Values

  /// A string argument's value: a bare word when it reads the same, else a quoted string.
  static func word(_ s: String) -> String {
    isBare(s) ? s : quoted(s)
  }

  /// Any JSON value as an argument's value: strings as ``word(_:)``, numbers and booleans bare,
  /// null as `null`, arrays and objects as `:=`-free literals are not allowed, so they are JSON
  /// text for a `:=` argument (see ``argument(_:_:)``).
  static func argument(_ name: String, _ value: JSON) -> (String, String) {
    switch value {
    case .string(let s): (name, word(s))
    case .null: (name, "null")
    case .bool(let b): (name, b ? "true" : "false")
    case .number(let n): (name, JSONWriter.formatNumber(n))
    case .array, .object: (name + ":", value.compactText)
    }
  }

  /// A double-quoted string of the language (`\\`, `\"`, `\$`, `\n`, `\t` escaped).
  static func quoted(_ s: String) -> String {
    "\"" + escaped(s) + "\""
  }

  /// `s` escaped for the inside of a double-quoted string.
  static func escaped(_ s: String) -> String { StringLiteral.escaped(s) }

  /// A path for a `<kind>=` argument (`shop/staging/web`; names escaped, quoted when needed).
  static func path(_ names: String...) -> String {
    word(names.map(ResourcePath.escape).joined(separator: "/"))
  }

  /// A path as text for people (comments, messages): names escaped, never quoted.
  static func shown(_ names: String...) -> String {
    names.map(ResourcePath.escape).joined(separator: "/")
  }

  private static func isBare(_ s: String) -> Bool {
    guard !s.isEmpty, !["null", "true", "false"].contains(s), Double(s) == nil else { return false }
    return s.unicodeScalars.allSatisfy { c in
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-_./:@\\".unicodeScalars.contains(c)
    } && !s.hasPrefix("@") && !s.hasPrefix("-")
  }

  private static func identifier(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
      if ok {
        out.unicodeScalars.append(c)
      } else if !out.hasSuffix("_") {
        out += "_"
      }
    }
    while out.hasSuffix("_") { out.removeLast() }
    while out.hasPrefix("_") { out.removeFirst() }
    return out
  }
}
