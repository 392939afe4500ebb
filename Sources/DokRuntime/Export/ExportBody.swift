import DokCore
import DokSpec

/// The statements of an exported runbook, written from the rows a server returned: the check
/// that refuses before any change, the project and environments, and each service.
struct ExportBody {
  var text: RunbookText
  /// The statements that stop the run before any change (they come first, before the secrets).
  var check: [String] = []
  let project: String

  init(text: RunbookText, project: String) {
    self.text = text
    self.project = project
  }

  private var projectWord: String { RunbookText.quoted(project) }

  // MARK: The check before any change, and what must exist first

  /// The assert that stops the run, before any change, when what it creates is already there.
  mutating func refusal(_ scope: RunbookExporter.Scope, defaultEnvironment: String) {
    switch scope {
    case .project, .environment(_, defaultEnvironment):
      check.append("# Stop before any change when the project is already on this server.")
      check.append(
        "assert !any((project.all), .name == \(projectWord)), "
          + RunbookText.quoted("project '\(project)' already exists on this server"))
    case .environment(_, let e):
      check.append("# Stop before any change when the environment is already on this server.")
      check.append("$target = find((project.all), .name == \(projectWord))")
      check.append(
        "assert !$target || !any($target.environments, .name == \(RunbookText.quoted(e))), "
          + RunbookText.quoted("environment \(RunbookText.shown(project, e)) already exists on this server"))
    case .service(_, let e, let kind, let name):
      let which = e == defaultEnvironment ? ".isDefault" : ".name == \(RunbookText.quoted(e))"
      check.append("# Stop before any change when the \(kind.rawValue) is already on this server.")
      check.append("$target = find((project.all), .name == \(projectWord))")
      check.append("$target_environment = $target && find($target.environments, \(which))")
      check.append("if $target_environment {")
      check.append("  $existing = environment.one environmentId=$target_environment.environmentId")
      check.append(
        "  assert !any($existing.\(ServerTree.listKey(kind)), .name == \(RunbookText.quoted(name))), "
          + RunbookText.quoted("\(kind.rawValue) \(RunbookText.shown(project, e, name)) already exists on this server"))
      check.append("}")
    }
  }

  /// The project (and, for one service, its environment) when the runbook must create them.
  mutating func containers(_ scope: RunbookExporter.Scope, project row: JSON, defaultEnvironment: String) {
    var args: [(String, String)] = [("name", RunbookText.word(project))]
    if let d = row["description"]?.stringValue, !d.isEmpty { args.append(("description", RunbookText.quoted(d))) }
    switch scope {
    case .project, .environment(_, defaultEnvironment):
      // The project's own variables go with the project; an environment or a service that
      // creates a missing project creates it bare.
      if let env = row["env"]?.stringValue, !env.isEmpty {
        args.append(("env", envText(env, owner: [project], what: "project \(RunbookText.shown(project))")))
      }
      text.add("# The project; its default environment comes with it.")
      text.call("project.create", args)
    case .environment:
      text.add("if !$target {")
      text.call("  project.create", args)
      text.add("}")
    case .service(_, let e, _, _):
      text.add("if !$target {")
      text.call("  project.create", args)
      text.add("}")
      if e != defaultEnvironment {
        let row = (row["environments"]?.arrayValue ?? []).first { $0["name"]?.stringValue == e }
        var envArgs: [(String, String)] = [("name", RunbookText.word(e)), ("project", RunbookText.path(project))]
        if let d = row?["description"]?.stringValue, !d.isEmpty { envArgs.append(("description", RunbookText.quoted(d))) }
        text.add("if !$target_environment {")
        text.call("  environment.create", envArgs)
        text.add("}")
      }
    }
    text.blank()
  }

  /// An environment: the default one is renamed or described when it differs from what
  /// `project.create` makes; another one is created.
  mutating func environment(_ row: JSON, isDefault: Bool) {
    let name = row["name"]?.stringValue ?? ""
    let description = row["description"]?.stringValue ?? ""
    let env = row["env"]?.stringValue ?? ""
    if isDefault {
      var args: [(String, String)] = [("environment", RunbookText.path(project, "production"))]
      if name != "production" { args.append(("name", RunbookText.word(name))) }
      if description != "Production environment" { args.append(("description", RunbookText.quoted(description))) }
      if !env.isEmpty {
        args.append(("env", envText(env, owner: [name], what: "environment \(RunbookText.shown(project, name))")))
      }
      if args.count > 1 {
        text.add("# The default environment as it is on the source.")
        text.call("environment.update", args)
        text.blank()
      }
      return
    }
    text.add("# Environment \(RunbookText.shown(project, name))")
    var args: [(String, String)] = [("name", RunbookText.word(name)), ("project", RunbookText.path(project))]
    if !description.isEmpty { args.append(("description", RunbookText.quoted(description))) }
    text.call("environment.create", args)
    if !env.isEmpty {
      text.call(
        "environment.update",
        [
          ("environment", RunbookText.path(project, name)),
          ("env", envText(env, owner: [name], what: "environment \(RunbookText.shown(project, name))")),
        ])
    }
    text.blank()
  }

  /// One service, from its `<kind>.one` row.
  mutating func service(_ kind: PathParameter.Kind, _ row: JSON, environment: String) {
    switch kind {
    case .application: application(row, environment: environment)
    case .compose: compose(row, environment: environment)
    default: database(kind, row, environment: environment)
    }
    text.blank()
  }

  // MARK: Values

  /// An environment file's text as a quoted string, with the values of secret-looking names
  /// (and URLs carrying credentials) read from variables. `allSecret`: every value is (build secrets).
  mutating func envText(_ env: String, owner: [String], what: String, allSecret: Bool = false) -> String {
    var out: [String] = []
    for line in env.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(line)
      guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else {
        out.append(RunbookText.escaped(line))
        continue
      }
      var name = line[..<eq].trimmingCharacters(in: " \t")
      if name.hasPrefix("export ") { name = String(name.dropFirst(7)).trimmingCharacters(in: " \t") }
      let value = String(line[line.index(after: eq)...])
      guard !value.isEmpty, allSecret || Self.isSecretVariable(name, text.policy) || Self.hasCredentials(value) else {
        out.append(RunbookText.escaped(line))
        continue
      }
      let variable = text.secret(owner + [name], what: "\(what): \(name)")
      out.append(RunbookText.escaped(String(line[...eq])) + "${\(variable)}")
    }
    return "\"" + out.joined(separator: "\\n") + "\""
  }

  /// True for a variable name that looks secret by the policy's rule, leaving out its `env`
  /// fragment: that one marks fields holding variables (`env`, `buildEnv`), while a variable
  /// named `NODE_ENV` or `ENV` holds no secret.
  /// Variable names also say `KEY`, `PASS`, `PWD` or `DSN` for a secret (`STRIPE_KEY`, `DB_PASS`,
  /// `SENTRY_DSN`): those count as whole words of the name.
  static func isSecretVariable(_ name: String, _ policy: SecretPolicy) -> Bool {
    var variables = policy
    variables.fields.removeAll { $0 == "env" }
    if variables.isSecret(field: name) { return true }
    let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
    return words.contains { ["key", "pass", "pwd", "dsn", "passwd"].contains(String($0)) }
  }

  /// True for a value holding `scheme://user:password@…`.
  static func hasCredentials(_ value: String) -> Bool {
    guard let scheme = value.range(of: "://") else { return false }
    let rest = value[scheme.upperBound...]
    guard let at = rest.firstIndex(of: "@") else { return false }
    let userinfo = rest[..<at]
    return userinfo.contains(":") && !userinfo.contains("/")
  }

  /// `appName` without the 6 characters the server appended (`shopdb-g17kxc` → `shopdb`): the
  /// target server appends its own.
  static func baseAppName(_ appName: String?) -> String? {
    guard let appName, !appName.isEmpty else { return nil }
    let parts = appName.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count > 1, let last = parts.last, last.count == 6 else { return appName }
    return parts.dropLast().joined(separator: "-")
  }

  /// The appName to ask for: the base of one a person chose; nil for one the server generated
  /// (`app-parse-neural-bus-x7k2pq`: the target generates its own).
  static func chosenAppName(_ appName: String?, generatedPrefix: String) -> String? {
    guard let base = baseAppName(appName) else { return nil }
    let words = base.split(separator: "-")
    return base.hasPrefix(generatedPrefix) && words.count >= 4 ? nil : base
  }

  /// `name=value` for each of `fields` whose value is not its default (`nil` default: not null).
  static func changed(_ row: JSON, _ fields: [(String, JSON?)]) -> [(String, String)] {
    fields.compactMap { field, defaultValue in
      guard let value = row[field], !value.isNull, value != (defaultValue ?? .null) else { return nil }
      if case .array(let a) = value, a.isEmpty, defaultValue == nil { return nil }
      return RunbookText.argument(field, value)
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
