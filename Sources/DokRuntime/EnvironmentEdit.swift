import DokCore

/// One `dok env …` / `:env …` request: what to do to which service's variables.
public struct EnvironmentEdit: Sendable {
  /// The action.
  public enum Action: String, Sendable, CaseIterable {
    case get, set, unset, edit, diff
  }

  public var action: Action
  public var service: ServiceEnvironment.Service
  /// `set NAME=value …`.
  public var assignments: [(name: String, value: String)] = []
  /// `get NAME …`, `unset NAME …`.
  public var names: [String] = []
  /// `--file .env`: its text (merged by `set`, compared by `diff`).
  public var fileText: String?
  /// `--dry-run`: show the change, send nothing.
  public var dryRun = false
  /// `--show-secrets`: print values of secret-looking names as they are.
  public var showSecrets = false
  /// `--deploy`: deploy the service after writing (the caller follows it).
  public var deploy = false

  public init(action: Action, service: ServiceEnvironment.Service) {
    self.action = action
    self.service = service
  }

  /// `ACTION KIND ID [NAME=value | NAME]… [--file F] [--dry-run] [--show-secrets] [--deploy]`
  /// (the REPL's `:env`; `dok env` builds the same from its arguments). `readFile` reads `--file`.
  public static func parse(_ words: [String], readFile: (String) throws(CallError) -> String) throws(CallError) -> EnvironmentEdit
  {
    var positional: [String] = []
    var flags = (dry: false, show: false, deploy: false)
    var file: String?
    var rest = words[...]
    while let w = rest.popFirst() {
      switch w {
      case "--dry-run": flags.dry = true
      case "--show-secrets": flags.show = true
      case "--deploy": flags.deploy = true
      case "--file":
        guard let f = rest.popFirst() else { throw CallError(kind: .argument, message: "--file takes a path (.env)") }
        file = f
      default: positional.append(w)
      }
    }
    guard let first = positional.first, let action = Action(rawValue: first) else {
      throw CallError(kind: .argument, message: "usage: env get|set|unset|edit|diff KIND ID …", hints: [usage])
    }
    var e = try make(action, Array(positional.dropFirst()))
    e.dryRun = flags.dry
    e.showSecrets = flags.show
    e.deploy = flags.deploy
    if let file { e.fileText = try readFile(file) }
    try e.validate()
    return e
  }

  /// The usage lines.
  public static let usage = """
    env get KIND ID [NAME…] [--show-secrets]
    env set KIND ID NAME=value… [--file .env] [--dry-run] [--deploy]
    env unset KIND ID NAME… [--dry-run] [--deploy]
    env diff KIND ID --file .env
    env edit KIND ID            (opens $EDITOR; dok env only)
    """

  /// The request for `action` and the words after it (the service, then names or assignments).
  public static func make(_ action: Action, _ words: [String]) throws(CallError) -> EnvironmentEdit {
    let (service, rest) = try ServiceEnvironment.service(from: words)
    var e = EnvironmentEdit(action: action, service: service)
    for w in rest {
      if action == .set {
        guard let eq = w.firstIndex(of: "="), eq != w.startIndex else {
          throw CallError(kind: .argument, message: "'\(w)' is not NAME=value")
        }
        e.assignments.append((String(w[..<eq]), String(w[w.index(after: eq)...])))
      } else {
        e.names.append(w)
      }
    }
    return e
  }

  /// Checks the names and that the action has what it needs.
  public func validate() throws(CallError) {
    for name in assignments.map(\.name) + names where !EnvText.isValidName(name) {
      throw CallError(
        kind: .argument, message: "'\(name)' is not a variable name (letters, digits and _, not starting with a digit)")
    }
    switch action {
    case .set where assignments.isEmpty && fileText == nil:
      throw CallError(kind: .argument, message: "env set needs NAME=value or --file .env")
    case .unset where names.isEmpty:
      throw CallError(kind: .argument, message: "env unset needs the names to remove")
    case .diff where fileText == nil:
      throw CallError(kind: .argument, message: "env diff needs --file .env (the variables to compare with the server's)")
    case .get, .diff, .edit:
      if deploy { throw CallError(kind: .argument, message: "--deploy goes with set, unset and edit") }
      if action != .edit && dryRun { throw CallError(kind: .argument, message: "--dry-run goes with set, unset and edit") }
    default: break
    }
    if action == .get, !assignments.isEmpty || fileText != nil {
      throw CallError(kind: .argument, message: "env get takes names, not NAME=value or --file")
    }
  }

  /// The environment after this request's change to `env` (`set`, `unset`; `diff` compares the file).
  public func applied(to env: EnvText) -> EnvText {
    var out = env
    switch action {
    case .set:
      if let fileText { for (n, v) in EnvText(fileText).variables { out.set(n, v) } }
      for (n, v) in assignments { out.set(n, v) }
    case .unset:
      for n in names { out.unset(n) }
    case .diff:
      return EnvText(fileText ?? "")
    case .get, .edit:
      break
    }
    return out
  }

  /// Whether `name`'s value is shown as `***` (a secret-looking name, without `--show-secrets`).
  public func masks(_ name: String, policy: SecretPolicy) -> Bool {
    !showSecrets && policy.isSecret(field: name)
  }

  /// `get`'s lines: `NAME=value` for every variable, or the values of the names asked for (a
  /// missing one is an error).
  public func getLines(_ env: EnvText, policy: SecretPolicy) throws(CallError) -> [String] {
    if names.isEmpty {
      return env.variables.map { "\($0.name)=\(masks($0.name, policy: policy) ? "***" : $0.value)" }
    }
    var out: [String] = []
    for n in names {
      guard let v = env.value(of: n) else {
        let close = Suggest.closest(to: n, in: env.variables.map(\.name))
        throw CallError(
          kind: .argument, message: "\(service.description) has no variable \(n)",
          hints: Suggest.didYouMean(close).map { [$0] } ?? [])
      }
      out.append(masks(n, policy: policy) ? "***" : v)
    }
    return out
  }

  /// Runs a `get`, `set`, `unset` or `diff` (and the write of an `edit` whose new text is
  /// `edited`): reads, prints the change through `emit`, writes unless `--dry-run`. Returns true
  /// when something was written (the caller then offers or runs the deploy).
  public func run(
    _ environment: ServiceEnvironment, policy: SecretPolicy, edited: String? = nil, emit: (String) -> Void
  ) async throws(CallError) -> Bool {
    let snapshot = try await environment.read(service)
    if action == .get {
      for line in try getLines(snapshot.env, policy: policy) { emit(line) }
      return false
    }
    let new = edited.map(EnvText.init) ?? applied(to: snapshot.env)
    let changes = EnvChange.between(snapshot.env, new)
    if action == .diff {
      if changes.isEmpty { emit("no differences") }
      for c in changes { emit(c.line(mask: { masks($0, policy: policy) })) }
      return false
    }
    guard new.text != snapshot.env.text else {
      emit("nothing to change: \(service.description) already has \(changes.isEmpty ? "these values" : "them")")
      return false
    }
    for c in changes { emit(c.line(mask: { masks($0, policy: policy) })) }
    if dryRun {
      emit("(dry run: nothing was sent)")
      return false
    }
    try await environment.write(service, env: new, over: snapshot)
    return true
  }
}
