import DokCore
import DokSpec

/// Completion inside conditions: `.path` (the current value: inside `wait PROC … until` the
/// call's latest result, else `$_`), `$_` inside a `wait` condition, and the values a field may
/// be compared with after `==` / `!=`.
extension Completer {
  /// Where the cursor stands in its statement: in a `wait` condition, and the waited call.
  struct Scope {
    /// True after `wait … until`.
    var inWaitCondition = false
    /// The procedure a `wait PROC … until` repeats (nil for `wait until EXPR`).
    var waitProcedure: String?
    /// True inside the parentheses of a function call (`filter($1, .name == …`), where `.`
    /// is an element, not the current value.
    var inFunctionCall = false
  }

  /// The statement the cursor is in, from its start (after `;`, `{`, `}` or a newline outside
  /// strings).
  static func currentStatement(_ before: String) -> String {
    var start = before.startIndex
    var inString = false
    var i = before.startIndex
    while i < before.endIndex {
      let ch = before[i]
      if ch == "\"" { inString.toggle() }
      if !inString, ch == ";" || ch == "{" || ch == "}" || ch == "\n" { start = before.index(after: i) }
      i = before.index(after: i)
    }
    return String(before[start...])
  }

  static func scope(_ before: String) -> Scope {
    let statement = currentStatement(before)
    var scope = Scope()
    // Open parentheses (outside strings): a function call when a name stands before one.
    var opens: [Bool] = []
    var inString = false
    var previous: Character = " "
    var words: [String] = []
    var current = ""
    for ch in statement {
      if ch == "\"" { inString.toggle() }
      if !inString {
        if ch == "(" { opens.append(previous.isLetter || previous.isNumber || previous == "_") }
        if ch == ")" { _ = opens.popLast() }
        if ch == " " || ch == "\t" || ch == "(" || ch == ")" {
          if !current.isEmpty { words.append(current) }
          current = ""
        } else {
          current.append(ch)
        }
      } else {
        current.append(ch)
      }
      previous = ch
    }
    scope.inFunctionCall = opens.contains(true)
    // `$x = wait …` is a wait too.
    if words.count >= 2, words[0].hasPrefix("$"), words[1] == "=" { words.removeFirst(2) }
    guard words.first == "wait", let until = words.firstIndex(of: "until") else { return scope }
    scope.inWaitCondition = !words[until...].contains("every") && !words[until...].contains("timeout")
    if until > 1, let first = words[1].first, first.isLetter, words[1].contains(".") { scope.waitProcedure = words[1] }
    return scope
  }

  /// The value `.` and `$_` stand for at the cursor: inside `wait PROC … until`, PROC's latest
  /// result in this session (`$_` before it has one); elsewhere `$_`.
  static func currentValue(_ scope: Scope, context: CompletionContext) -> JSON? {
    if scope.inWaitCondition, let proc = scope.waitProcedure, let latest = context.seen.latest(proc) { return latest }
    return context.variable("_")
  }

  /// `.key` paths into the current value (plain keys only: `.["odd key"]` is not a path).
  static func currentValuePaths(word: String, before: String, context: CompletionContext) -> [Completion] {
    let scope = scope(before)
    guard !scope.inFunctionCall, let root = currentValue(scope, context: context) else { return [] }
    guard let lastDot = word.lastIndex(of: ".") else { return [] }
    let walked = String(word[..<lastDot])
    let keyPrefix = String(word[word.index(after: lastDot)...])
    guard let target = walk(root, path: walked), case .object(let o) = target else { return [] }
    return o.pairs.filter { key, _ in
      key.hasPrefix(keyPrefix) && !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }.map { key, value in
      Completion(walked + "." + key, hint: value.typeName, appendSpace: !isContainer(value))
    }
  }

  /// The context in which `$_` is the waited call's latest result (inside its condition).
  static func contextForVariables(before: String, context: CompletionContext) -> CompletionContext {
    let scope = scope(before)
    guard scope.inWaitCondition, let proc = scope.waitProcedure, let latest = context.seen.latest(proc) else {
      return context
    }
    var ctx = context
    ctx.variables.append((name: "_", value: latest))
    return ctx
  }

  /// After `==` or `!=`: the values seen for the compared field in this session's results
  /// (newest first), then the field's enum values from the document (those of the waited
  /// call's router when it has them). Strings are offered quoted, as the language writes them.
  static func comparedValues(word: String, tokens: [String], before: String, context: CompletionContext) -> [Completion] {
    guard tokens.count >= 2, let field = lastKey(of: tokens[tokens.count - 2]) else { return [] }
    let seen = context.seen.values(for: field)
    let router = scope(before).waitProcedure.flatMap { $0.split(separator: ".").first.map(String.init) }
    let documented = context.catalog.map { documentEnum(field: field, router: router, catalog: $0) } ?? []
    var out: [Completion] = []
    var emitted = Set<JSON>()
    for value in seen + documented where emitted.insert(value).inserted {
      let text = value.stringValue.map { JSONWriter.quoted($0) } ?? value.compactText
      let matches = text.hasPrefix(word) || (!word.hasPrefix("\"") && value.stringValue?.hasPrefix(word) == true)
      guard matches else { continue }
      let hint = [seen.contains(value) ? "seen" : nil, documented.contains(value) ? "in the document" : nil]
        .compactMap { $0 }.joined(separator: ", ")
      out.append(Completion(text, hint: hint))
    }
    return out
  }

  /// The last key of a path: `status` for `.deployments[0].status`, `odd key` for `$o["odd key"]`.
  static func lastKey(of path: String) -> String? {
    var p = Substring(path)
    while let f = p.first, f == "(" || f == "!" { p = p.dropFirst() }
    if p.hasSuffix("\"]") {
      let inner = p.dropLast(2)
      guard let q = inner.lastIndex(of: "\""), q > inner.startIndex, inner[inner.index(before: q)] == "[" else { return nil }
      let key = inner[inner.index(after: q)...]
      return key.isEmpty ? nil : String(key)
    }
    guard let dot = p.lastIndex(of: ".") else { return nil }
    let key = p[p.index(after: dot)...]
    guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
    return String(key)
  }

  /// The enum values the document gives a parameter named `field`: those of `router`'s
  /// procedures when any of them has it, else of every procedure, in document order.
  static func documentEnum(field: String, router: String?, catalog: Catalog) -> [JSON] {
    var inRouter: [JSON] = []
    var elsewhere: [JSON] = []
    for proc in catalog.procedures {
      guard let values = proc.parameter(named: field)?.schema.enumValues else { continue }
      if proc.router == router { inRouter += values } else { elsewhere += values }
    }
    var seen = Set<JSON>()
    return (inRouter.isEmpty ? elsewhere : inRouter).filter { seen.insert($0).inserted }
  }
}
