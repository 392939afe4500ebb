import DokCore
import DokRuntime
import DokSpec

/// The completion engine: a pure function of the line, the cursor and a ``CompletionContext``.
public enum Completer {
  /// Characters that end a word. `.`, `$`, `=` and `:` are part of words.
  /// `[` breaks a word only where it opens an array literal, not inside a path (`$1.items[0].`).
  public static let wordBreaks: Set<Character> = [" ", "\t", "\n", "(", "{", "}", ",", ";", "!"]

  static let statementKeywords = [
    "if", "for", "while", "break", "continue", "wait", "deploy", "sleep", "assert", "try", "exit", "source", "print",
  ]

  /// Candidates for the word ending at `cursor` (a character offset; defaults to the end).
  public static func complete(line: String, cursor: Int? = nil, context: CompletionContext) -> CompletionResult {
    let chars = Array(line)
    let end = min(cursor ?? chars.count, chars.count)
    var start = end
    var inQuote = false
    for ch in chars[0..<end] where ch == "\"" { inQuote.toggle() }
    while start > 0, !wordBreaks.contains(chars[start - 1]) { start -= 1 }
    while start < end, chars[start] == "[" { start += 1 }
    let word = String(chars[start..<end])
    let before = String(chars[0..<start])
    var candidates: [Completion]
    if inQuote, let quoted = quotedPath(chars, end: end, context: context) {
      // `application="my shop/…`: a path with a space in a name.
      return CompletionResult(wordStart: quoted.start, word: String(chars[quoted.start..<end]), candidates: quoted.candidates)
    }
    if inQuote {
      // Only a string being compared completes (`until .status == "d`).
      let tokens = statementTokens(before)
      candidates =
        word.hasPrefix("\"") && ["==", "!="].contains(tokens.last)
        ? comparedValues(word: word, tokens: tokens, before: before, context: context) : []
    } else {
      candidates = complete(word: word, before: before, context: context)
    }
    var preferred: Completion?
    if word.isEmpty, let first = candidates.first, first.text.hasSuffix("="), first.hint?.hasPrefix("required") == true {
      preferred = first
    }
    // `applicationId=$a.`: one Tab inserts the member named like the parameter.
    if let eq = word.firstIndex(of: "="), word[word.index(after: eq)...].hasPrefix("$"), word.hasSuffix("."),
      let first = candidates.first, first.text.hasSuffix("." + String(word[..<eq]).replacingColonSuffix())
    {
      preferred = first
    }
    // `:logs application $a.`: one Tab inserts `$a.applicationId`.
    if word.hasPrefix("$"), word.hasSuffix("."), let key = ServiceArguments.idKey(before: String(before.trimmingPrefix(" "))),
      let first = candidates.first, first.text.hasSuffix("." + key)
    {
      preferred = first
    }
    return CompletionResult(wordStart: start, word: word, candidates: candidates, preferred: preferred)
  }

  static func complete(word: String, before: String, context: CompletionContext) -> [Completion] {
    let trimmedBefore = before.drop { $0 == " " || $0 == "\t" }
    // Meta commands.
    if trimmedBefore.isEmpty, word.hasPrefix(":") {
      return context.metaCommands.filter { $0.name.hasPrefix(word) }.map { Completion($0.name, hint: $0.summary) }
    }
    if trimmedBefore.hasPrefix(":") {
      let parts = trimmedBefore.split(separator: " ").map(String.init)
      if let service = ServiceArguments.complete(word: word, parts: parts, context: context) { return service }
      return metaArguments(word: word, before: String(trimmedBefore), context: context)
    }
    let tokens = statementTokens(before)
    // After `==` / `!=`: the values seen for the compared field, and its enum values.
    if ["==", "!="].contains(tokens.last), !word.hasPrefix("$"), !word.hasPrefix("."), tokens.count >= 2,
      lastKey(of: tokens[tokens.count - 2]) != nil
    {
      return comparedValues(word: word, tokens: tokens, before: before, context: context)
    }
    // Variables and paths into them (`$_` inside a wait's condition is the waited call's result).
    if word.hasPrefix("$") { return variables(word: word, context: contextForVariables(before: before, context: context)) }
    // `.path`: the current value.
    if word.hasPrefix("."), word.dropFirst().first.map({ $0.isLetter || $0 == "_" }) ?? true {
      return currentValuePaths(word: word, before: before, context: context)
    }
    // `PROC=` value, or a parameter of the call being written.
    if let procName = callHead(tokens), let proc = context.catalog?.procedure(named: procName) {
      if let eq = word.firstIndex(of: "=") {
        if let tree = context.tree, let t = PathCompletion.twin(in: word, proc: proc) {
          return PathCompletion.candidates(key: t.key, kind: t.kind, value: t.value, tree: tree)
        }
        let key = String(word[..<eq])
        let valuePrefix = String(word[word.index(after: eq)...])
        return values(key: key, prefix: valuePrefix, proc: proc, context: context)
      }
      let given = Set(
        tokens.compactMap { t -> String? in
          guard let eq = t.firstIndex(of: "=") else { return nil }
          return String(t[..<eq]).replacingColonSuffix()
        })
      return proc.parametersRequiredFirst
        .filter { !given.contains($0.name) && $0.name.hasPrefix(word) }
        .map { Completion($0.name + "=", hint: ($0.required ? "required " : "") + $0.schema.typeDescription, appendSpace: false) }
        + waitClauses(tokens, word: word)
    }
    // After a wait's condition: the clauses not given yet.
    if tokens.first == "wait", tokens.contains("until"), let last = tokens.last,
      !["until", "every", "timeout", "==", "!=", "<", "<=", ">", ">=", "in", "&&", "||"].contains(last), !word.hasPrefix(".")
    {
      return waitClauses(tokens, word: word)
    }
    // After `deploy`: the procedures that start a deploy it can follow.
    if tokens.last == "deploy" {
      return DeployTarget.deployingProcedures.filter { $0.hasPrefix(word) && context.catalog?.procedure(named: $0) != nil }
        .map { Completion($0) }
    }
    // A procedure (or router) where a call may stand.
    guard callMayStand(tokens) else { return [] }
    return procedures(word: word, context: context, withKeywords: tokens.isEmpty)
  }

  /// A twin's quoted value being typed (`application="my shop/w`): where its word starts and
  /// the path candidates; nil when the open string is something else.
  static func quotedPath(_ chars: [Character], end: Int, context: CompletionContext) -> (start: Int, candidates: [Completion])? {
    guard let tree = context.tree, let quote = chars[0..<end].lastIndex(of: "\""), quote > 0, chars[quote - 1] == "=" else {
      return nil
    }
    var start = quote
    while start > 0, !wordBreaks.contains(chars[start - 1]) { start -= 1 }
    let word = String(chars[start..<end])
    guard let procName = callHead(statementTokens(String(chars[0..<start]))),
      let proc = context.catalog?.procedure(named: procName), let t = PathCompletion.twin(in: word, proc: proc)
    else { return nil }
    return (start, PathCompletion.candidates(key: t.key, kind: t.kind, value: t.value, tree: tree))
  }

  /// `until` (once), then `every` and `timeout` (once each), for a `wait` statement.
  static func waitClauses(_ tokens: [String], word: String) -> [Completion] {
    guard tokens.first == "wait" else { return [] }
    let hints = [
      "until": "until CONDITION (. is the latest result)", "every": "every 2s (poll interval)", "timeout": "timeout 5m",
    ]
    let order = tokens.contains("until") ? ["every", "timeout"] : ["until"]
    return order.filter { !tokens.contains($0) && $0.hasPrefix(word) }.map { Completion($0, hint: hints[$0]) }
  }

  /// The words of the current statement before the cursor word.
  static func statementTokens(_ before: String) -> [String] {
    var current = ""
    var tokens: [String] = []
    var inString = false
    for ch in before {
      if ch == "\"" { inString.toggle() }
      if !inString, ch == ";" || ch == "{" || ch == "}" || ch == "(" || ch == ")" || ch == "\n" {
        tokens = []
        current = ""
        if ch == ")" { tokens = [")"] }
        continue
      }
      if !inString, ch == " " || ch == "\t" || ch == "," {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        if ch == "," { tokens = [] }
        continue
      }
      current.append(ch)
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  /// The procedure whose argument list the cursor is in.
  static func callHead(_ tokens: [String]) -> String? {
    for t in tokens.reversed() {
      if ["until", "every", "timeout", "{", ")"].contains(t) { return nil }
      if t.contains("="), !t.hasPrefix("$"), t != "=" { continue }
      if t.contains("."), !t.hasPrefix("$"), !t.hasPrefix("\""), t.first?.isLetter == true { return t }
      return nil
    }
    return nil
  }

  /// True where a call may start: statement start, after `=`, `in`, `wait`.
  static func callMayStand(_ tokens: [String]) -> Bool {
    guard let last = tokens.last else { return true }
    return ["=", "in", "wait", "else", "||", "&&", "==", "!="].contains(last)
  }

  static func procedures(word: String, context: CompletionContext, withKeywords: Bool) -> [Completion] {
    guard let catalog = context.catalog else { return [] }
    if let dot = word.firstIndex(of: ".") {
      let router = String(word[..<dot])
      return catalog.procedures(inRouter: router).filter { $0.name.hasPrefix(word) }
        .map { Completion($0.name, hint: $0.summary) }
    }
    var out = catalog.routers.filter { $0.hasPrefix(word) }.map { Completion($0 + ".", appendSpace: false) }
    if withKeywords, !word.isEmpty {
      out += statementKeywords.filter { $0.hasPrefix(word) }.sorted().map { Completion($0) }
    }
    return out
  }

  static func values(key: String, prefix: String, proc: Procedure, context: CompletionContext) -> [Completion] {
    let name = key.hasSuffix(":") ? String(key.dropLast()) : key
    guard let param = proc.parameter(named: name) else { return [] }
    let schema = param.schema
    var options: [(String, hint: String?)] = []
    if let e = schema.enumValues { options += e.map { ($0.stringValue ?? $0.compactText, nil) } }
    if schema.allows(.boolean) && !schema.allowsString { options += [("true", nil), ("false", nil)] }
    // Live IDs, listed with the name of what each identifies.
    if name.hasSuffix("Id") || name == "id" { options += (context.liveIDs[name] ?? []).map { ($0, context.seen.label(for: $0)) } }
    if schema.nullable { options.append(("null", nil)) }
    if prefix.hasPrefix("$") {
      // The member named like the parameter first: `applicationId=$a.` → `$a.applicationId`.
      let members = variables(word: prefix, context: context)
      let named = members.filter { $0.text.hasSuffix("." + name) }
      return (named + members.filter { !$0.text.hasSuffix("." + name) }).map {
        Completion(key + "=" + $0.text, hint: $0.hint, appendSpace: $0.appendSpace, display: $0.text)
      }
    }
    var seen = Set<String>()
    return options.filter { $0.0.hasPrefix(prefix) && seen.insert($0.0).inserted }.map {
      Completion(key + "=" + $0.0, hint: $0.hint, display: $0.0)
    }
  }

  static func variables(word: String, context: CompletionContext) -> [Completion] {
    let body = word.dropFirst()
    guard let pathStart = body.firstIndex(where: { $0 == "." || $0 == "[" }) else {
      var seen = Set<String>()
      return context.variables.reversed().filter { $0.name.hasPrefix(body) && seen.insert($0.name).inserted }
        .map { Completion("$" + $0.name, hint: $0.value.typeName, appendSpace: !isContainer($0.value)) }
        .sorted { sortKey($0.text) < sortKey($1.text) }
    }
    guard let root = context.variable(String(body[..<pathStart])) else { return [] }
    // Walk the complete segments; the last segment (after the final `.`) is the key prefix.
    let path = String(body[pathStart...])
    guard let lastDot = path.lastIndex(of: ".") else {
      return []
    }
    let walked = String(path[..<lastDot])
    let keyPrefix = String(path[path.index(after: lastDot)...])
    guard let target = walk(root, path: walked), case .object(let o) = target else { return [] }
    let parent = "$" + body[..<pathStart] + walked
    return o.pairs.filter { $0.0.hasPrefix(keyPrefix) }.map { key, value in
      Completion(MemberPath.append(key, to: parent), hint: value.typeName, appendSpace: !isContainer(value))
    }
  }

  static func sortKey(_ s: String) -> (Int, Int, String) {
    let name = s.dropFirst()
    if let n = Int(name) { return (1, -n, "") }
    return (name == "_" ? 2 : 0, 0, String(name))
  }

  static func isContainer(_ v: JSON) -> Bool {
    if case .object = v { return true }
    if case .array = v { return true }
    return false
  }

  /// Follows `.key`, `[n]` and `["key"]` segments.
  static func walk(_ value: JSON, path: String) -> JSON? {
    var current = value
    var i = path.startIndex
    while i < path.endIndex {
      if path[i] == "." {
        let s = path.index(after: i)
        var e = s
        while e < path.endIndex, path[e] != ".", path[e] != "[" { e = path.index(after: e) }
        guard case .object(let o) = current, let next = o[String(path[s..<e])] else { return nil }
        current = next
        i = e
      } else if path[i] == "[" {
        guard let close = path[i...].firstIndex(of: "]") else { return nil }
        let inner = path[path.index(after: i)..<close]
        if inner.hasPrefix("\"") {
          guard case .object(let o) = current, let next = o[String(inner.dropFirst().dropLast())] else { return nil }
          current = next
        } else {
          guard case .array(let a) = current, var n = Int(inner) else { return nil }
          if n < 0 { n += a.count }
          guard a.indices.contains(n) else { return nil }
          current = a[n]
        }
        i = path.index(after: close)
      } else {
        return nil
      }
    }
    return current
  }

  static func metaArguments(word: String, before: String, context: CompletionContext) -> [Completion] {
    let parts = before.split(separator: " ").map(String.init)
    guard let name = parts.first, let spec = context.metaCommands.first(where: { $0.name == name }) else { return [] }
    if name == ":ls", let tree = context.tree, !parts.contains(where: { $0.hasPrefix("-") }), !word.hasPrefix("-") {
      // The path is the rest of the line (spaces and all): complete the word that ends it.
      let typed = String(before.dropFirst(name.count + 1))
      return PathCompletion.candidates(key: nil, kind: nil, value: typed + word, tree: tree).compactMap { c in
        c.text.hasPrefix(typed)
          ? Completion(String(c.text.dropFirst(typed.count)), hint: c.hint, appendSpace: c.appendSpace, display: c.display)
          : nil
      }
    }
    if parts.count == 1 {
      if spec.arguments == [MetaCommandSpec.procedureArgument] {
        return procedures(word: word, context: context, withKeywords: false)
      }
      return spec.arguments.filter { $0.hasPrefix(word) }.map { Completion($0) }
    }
    if name == ":set", parts.count == 2, let values = MetaCommandSpec.settingValues[parts[1]] {
      return values.filter { $0.hasPrefix(word) }.map { Completion($0) }
    }
    return []
  }
}

extension String {
  fileprivate func replacingColonSuffix() -> String { hasSuffix(":") ? String(dropLast()) : self }
}
