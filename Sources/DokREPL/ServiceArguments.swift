import DokCore

/// The words of `:logs KIND ID …` and `:env ACTION KIND ID …`: variables expanded before the
/// words are parsed (`:logs application $a.applicationId`), and what completes at each place
/// (the IDs seen for that kind, paths into variables, the options).
enum ServiceArguments {
  /// The meta commands that name a service as `KIND ID`, and the index (among the words after
  /// the command) of their `KIND`.
  static let kindPosition = [":logs": 0, ":env": 1]

  /// Options `:logs` takes after the ID.
  static let logOptions = ["--tail", "--since", "--follow"]

  /// Each word that starts with `$` replaced by the text of its value (`$a.applicationId`,
  /// `$1.composeId`, `$id`); other words as they are. A variable that is not set, a path that
  /// leads nowhere and a value that is not a string or a number are errors (nothing is sent).
  static func expand(_ words: [String], variable: (String) -> JSON?) -> Result<[String], CallError> {
    var out: [String] = []
    for word in words {
      guard word.hasPrefix("$"), word.count > 1 else {
        out.append(word)
        continue
      }
      let body = word.dropFirst()
      let pathStart = body.firstIndex { $0 == "." || $0 == "[" } ?? body.endIndex
      let name = String(body[..<pathStart])
      guard let root = variable(name) else {
        return .failure(CallError(kind: .argument, message: "undefined variable $\(name) (in \(word))"))
      }
      guard let value = Completer.walk(root, path: String(body[pathStart...])) else {
        return .failure(CallError(kind: .argument, message: "\(word) is not there: no such key or index in $\(name)"))
      }
      switch value {
      case .string(let s): out.append(s)
      case .number: out.append(value.compactText)
      default:
        let what = value == .null ? "null" : (["array", "object"].contains(value.typeName) ? "an " : "a ") + value.typeName
        return .failure(CallError(kind: .argument, message: "\(word) is \(what), not an ID"))
      }
    }
    return .success(out)
  }

  /// Candidates for `word` after `parts` (the command and the words before it), or nil when
  /// `parts` is not a service command.
  static func complete(word: String, parts: [String], context: CompletionContext) -> [Completion]? {
    guard let command = parts.first, let kindAt = kindPosition[command] else { return nil }
    let args = Array(parts.dropFirst())
    guard args.count > kindAt else { return nil }
    let kind = args[kindAt]
    // `--tail N`, `--since D`: a value, nothing to offer.
    if let last = args.last, ["--tail", "--since"].contains(last) { return [] }
    let positional = args.filter { !$0.hasPrefix("-") }.count
    if positional == kindAt + 1, !word.hasPrefix("-") {
      return ids(kind: kind, word: word, context: context)
    }
    guard command == ":logs", positional >= kindAt + 2 else { return [] }
    return logOptions.filter { $0.hasPrefix(word) && !args.contains($0) }.map { Completion($0) }
  }

  /// The IDs seen for `kind` (`applicationId` values, with the name of what each identifies),
  /// or paths into a variable, the member named `<kind>Id` first.
  static func ids(kind: String, word: String, context: CompletionContext) -> [Completion] {
    let key = kind + "Id"
    if word.hasPrefix("$") {
      let members = Completer.variables(word: word, context: context)
      return members.filter { $0.text.hasSuffix("." + key) } + members.filter { !$0.text.hasSuffix("." + key) }
    }
    return (context.liveIDs[key] ?? []).filter { $0.hasPrefix(word) }.map { Completion($0, hint: context.seen.label(for: $0)) }
  }

  /// The ID parameter's name when `before` (a meta command line up to the word) completes a
  /// service ID: the member a single Tab prefers after `$var.`.
  static func idKey(before: String) -> String? {
    let parts = before.split(separator: " ").map(String.init)
    guard let command = parts.first, let kindAt = kindPosition[command] else { return nil }
    let args = Array(parts.dropFirst())
    guard args.count == kindAt + 1 else { return nil }
    return args[kindAt] + "Id"
  }
}
