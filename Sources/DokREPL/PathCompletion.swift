import DokRuntime
import DokScript
import DokSpec

/// Tab completion of a `<kind>=PATH` twin's value, one name at a time, from the server's tree:
/// `application=sh` → `application=shop/`, then the project's environments (and the services of
/// its default environment), then the environment's services. A name a bare word cannot hold
/// (a space, a quote…) makes the value a quoted string; a `/` inside a name is written `\/`
/// (`\\/` inside quotes).
enum PathCompletion {
  /// The twin being completed in `word` (`application=sh`): its kind and the value typed so far;
  /// nil when `word` is no twin of `proc`.
  static func twin(in word: String, proc: Procedure) -> (key: String, kind: PathParameter.Kind, value: String)? {
    guard let eq = word.firstIndex(of: "=") else { return nil }
    let key = String(word[..<eq])
    guard let twin = PathParameter.named(key, in: proc), twin.kind != .server else { return nil }
    return (key, twin.kind, String(word[word.index(after: eq)...]))
  }

  /// The candidates for `value` (as typed after `key=`, maybe opening a quote) naming a `kind`;
  /// with no `key` and no `kind`, a path for `:ls` (any node, the rest of the line: never quoted).
  static func candidates(key: String?, kind: PathParameter.Kind?, value: String, tree: ServerTree) -> [Completion] {
    let quoted = key != nil && value.hasPrefix("\"")
    var raw = quoted ? String(value.dropFirst()) : value
    if quoted { raw = unescapeString(raw) }
    let (done, partial) = split(raw)
    var options: [(names: [String], final: Bool, hint: String)] = []
    switch done.count {
    case 0:
      let final = kind == .project
      options = tree.projects.map { ([$0.name], final, "project") }
    case 1:
      guard kind != .project, let project = tree.projects.first(where: { $0.name == done[0] }) else { return [] }
      let envFinal = kind == .environment
      options = project.environments.map {
        ([done[0], $0.name], envFinal, $0.isDefault ? "environment (default)" : "environment")
      }
      if kind?.isService ?? true, let def = project.environments.first(where: \.isDefault) {
        options += services(of: kind, in: def).map { ([done[0], $0.name], true, $0.kind + " in " + def.name) }
      }
    case 2:
      guard kind?.isService ?? true, let project = tree.projects.first(where: { $0.name == done[0] }) else { return [] }
      options = project.environments.filter { $0.name == done[1] }.flatMap { env in
        services(of: kind, in: env).map { ([done[0], done[1], $0.name], true, $0.kind) }
      }
    default:
      return []
    }
    var seen = Set<String>()
    return options.filter { $0.names.last!.hasPrefix(partial) }.compactMap { o in
      let text = key.map { $0 + "=" + write(o.names, final: o.final, quoted: quoted) } ?? write(o.names, final: o.final)
      guard seen.insert(text).inserted else { return nil }
      return Completion(
        text, hint: o.hint, appendSpace: o.final, display: ResourcePath.escape(o.names.last!) + (o.final ? "" : "/"))
    }
  }

  /// The named services of `kind` (of any kind when nil) in `env`.
  private static func services(of kind: PathParameter.Kind?, in env: ServerTree.Environment) -> [(name: String, kind: String)] {
    env.services.filter { kind == nil || $0.kind == kind }.compactMap { s in s.name.map { ($0, s.kind.rawValue) } }
  }

  /// The names a path's text completes (`shop/sta` → `["shop"]`, `"sta"`), unescaping `\/`.
  static func split(_ text: String) -> (done: [String], partial: String) {
    let (done, last, _) = ResourcePath.split(text)
    return (done, last)
  }

  /// The value to insert: a bare word when every name fits in one, else a quoted string (closed
  /// when `final`); a non-final path ends in `/`.
  static func write(_ names: [String], final: Bool, quoted: Bool? = nil) -> String {
    let path = names.map(ResourcePath.escape).joined(separator: "/") + (final ? "" : "/")
    guard let quoted else { return path }
    guard quoted || names.contains(where: { !fitsBareWord($0) }) else { return path }
    return "\"" + StringLiteral.escaped(path) + (final ? "\"" : "")
  }

  /// True when `name` can stand in a bare word (nothing that ends or changes one).
  static func fitsBareWord(_ name: String) -> Bool {
    !name.isEmpty && !name.contains { Completer.wordBreaks.contains($0) || "\"'#$=[]:)".contains($0) }
  }

  /// A double-quoted string's text as typed so far, its escapes read (`\\` → `\`, `\"` → `"`).
  static func unescapeString(_ s: String) -> String {
    var out = ""
    var escaped = false
    for ch in s {
      if escaped {
        out.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else {
        out.append(ch)
      }
    }
    return out
  }
}
