import DokCore

/// Entry points that need no session.
public enum Script {
  /// Statement keywords and literal words (for completion and highlighting).
  public static let keywords: [String] = Parser.keywords.sorted()

  /// Built-in function names (for completion).
  public static let builtins: [String] = Builtin.allCases.map(\.rawValue)

  /// Parses `source`: the diagnostics list every syntax error (nothing may run if any).
  public static func parse(source: String, file: String) -> Program {
    Parser.program(source, file: file, symbols: SymbolTable())
  }

  /// Syntax plus the static check against `host` (what `dok check` reports).
  public static func check(source: String, file: String, host: any ScriptHost, validate: Bool = true) -> [Diagnostic] {
    Checker(host: host, validate: validate).all(parse(source: source, file: file))
  }

  /// True when `text` stops inside a block, string, `(`, `[` or `${`: the REPL should read
  /// another line (with a `...` prompt) before executing.
  public static func isIncomplete(_ text: String) -> Bool {
    let b = Array(text.utf8)
    var i = 0
    var depth = 0
    func skipString(_ quote: UInt8) -> Bool {
      i += 1
      while i < b.count {
        let c = b[i]
        if quote == 0x22 && c == 0x5C {
          i += 2
          continue
        }
        if quote == 0x22 && c == 0x24 && i + 1 < b.count && b[i + 1] == 0x7B {
          guard let close = Lexer.matchBrace(b, from: i + 2, end: b.count) else { return false }
          i = close + 1
          continue
        }
        if c == quote { return true }
        i += 1
      }
      return false
    }
    while i < b.count {
      let c = b[i]
      switch c {
      case 0x22, 0x27:
        if !skipString(c) { return true }
      case 0x23:
        while i < b.count && b[i] != 0x0A { i += 1 }
      case 0x7B, 0x28, 0x5B: depth += 1
      case 0x7D, 0x29, 0x5D: depth -= 1
      case 0x5C:
        if i + 1 == b.count || (i + 2 == b.count && b[i + 1] == 0x0A) { return true }
      default: break
      }
      i += 1
    }
    return depth > 0
  }

  /// Types a script argument value like a bare word without a schema: integers and decimals
  /// become numbers, `true`/`false` booleans, `null` null, anything else a string (so is an
  /// integer a number cannot hold exactly, like `9007199254740993`).
  public static func typeArgument(_ text: String) -> JSON {
    switch text {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default: break
    }
    var t = Substring(text)
    if t.hasPrefix("-") { t = t.dropFirst() }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 1 || parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let d = Double(text), ExactNumbers.problem(Substring(text), d) == nil
    {
      return .number(d)
    }
    return .string(text)
  }

  /// Splits `name=value` script arguments; nil with a message for a malformed one.
  public static func parseArguments(_ args: [String]) -> Result<[(name: String, value: JSON)], Diagnostic> {
    arguments(args).map { list in list.map { ($0.name, $0.value) } }
  }

  /// Splits `name=value` and `name:=json` script arguments, keeping each value's text; a
  /// failure for a malformed one, an invalid name (`_` and `$N` are set by calls) or bad JSON.
  public static func arguments(_ args: [String]) -> Result<[ScriptArgument], Diagnostic> {
    var out: [ScriptArgument] = []
    for a in args {
      guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
        return .failure(Diagnostic(.error, "script arguments are name=value, not '\(a)'"))
      }
      var name = String(a[..<eq])
      let isJSON = name.hasSuffix(":")
      if isJSON { name.removeLast() }
      guard !name.isEmpty, name.utf8.allSatisfy(Lexer.isIdentChar), !(name.first?.isNumber ?? true) else {
        return .failure(Diagnostic(.error, "'\(name)' is not a variable name (letters, digits, _; not starting with a digit)"))
      }
      guard name != "_" else {
        return .failure(Diagnostic(.error, "'_' is not a valid argument name: $_ is the last call result"))
      }
      let text = String(a[a.index(after: eq)...])
      if isJSON {
        do {
          out.append(ScriptArgument(name: name, value: try JSONParser.parse(text, exactNumbers: true), text: nil))
        } catch {
          return .failure(Diagnostic(.error, "argument \(name):= needs JSON: \(error.message)"))
        }
      } else {
        out.append(ScriptArgument(name: name, value: typeArgument(text), text: text))
      }
    }
    return .success(out)
  }
}

/// One `dok run` argument: its typed value and, for `name=value`, the text it was given.
public struct ScriptArgument: Sendable {
  /// The variable name (without `$`).
  public var name: String
  /// Typed like a bare word without a schema (or the JSON of `name:=json`).
  public var value: JSON
  /// The text as given (nil for `name:=json`): what a string parameter or interpolation sees.
  public var text: String?
}
