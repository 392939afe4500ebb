/// A service's environment as Dokploy keeps it: `.env`-style text (`KEY=value` lines, comments,
/// blank lines). Changing one variable rewrites only its line, so every other variable, comment
/// and the order stay as they were.
public struct EnvText: Sendable, Equatable {
  /// One line: a `KEY=value` assignment (an optional `export ` prefix kept) or anything else.
  public enum Line: Sendable, Equatable {
    case variable(name: String, value: String, raw: String)
    case other(String)
  }

  public var lines: [Line]

  /// Parses the text (`\n` or `\r\n` lines; a trailing newline is not a line).
  public init(_ text: String) {
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    if parts.last == "" { parts.removeLast() }
    lines = parts.map(Self.parseLine)
  }

  /// The text to save: the lines joined with `\n` (no trailing newline, as Dokploy's editor saves).
  public var text: String {
    lines.map { line in
      switch line {
      case .variable(_, _, let raw): raw
      case .other(let s): s
      }
    }.joined(separator: "\n")
  }

  /// The variables in order (a name set twice appears twice; the last one wins, as in a shell).
  public var variables: [(name: String, value: String)] {
    lines.compactMap { if case .variable(let n, let v, _) = $0 { (n, v) } else { nil } }
  }

  /// The value of `name` (the last assignment), or nil.
  public func value(of name: String) -> String? {
    variables.last { $0.name == name }?.value
  }

  /// Sets `name` to `value`: its last line is rewritten in place (earlier duplicates stay), or a
  /// line is appended. True when the text changed.
  @discardableResult
  public mutating func set(_ name: String, _ value: String) -> Bool {
    let raw = "\(name)=\(value)"
    if let i = lines.lastIndex(where: { if case .variable(name, _, _) = $0 { true } else { false } }) {
      guard case .variable(_, let old, let oldRaw) = lines[i] else { return false }
      if old == value { return false }
      let prefix = oldRaw.hasPrefix("export ") ? "export " : ""
      lines[i] = .variable(name: name, value: value, raw: prefix + raw)
      return true
    }
    lines.append(.variable(name: name, value: value, raw: raw))
    return true
  }

  /// Removes every line setting `name`; true when there was one.
  @discardableResult
  public mutating func unset(_ name: String) -> Bool {
    let before = lines.count
    lines.removeAll { if case .variable(name, _, _) = $0 { true } else { false } }
    return lines.count != before
  }

  /// True for a name a shell and Docker accept: letters, digits and `_`, not starting with a digit
  /// (dots and dashes, which Docker allows, too).
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !(first >= "0" && first <= "9") else { return false }
    return name.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "." || $0 == "-"
    }
  }

  static func parseLine(_ line: String) -> Line {
    var body = Substring(line)
    while body.first == " " || body.first == "\t" { body = body.dropFirst() }
    if body.hasPrefix("#") || body.isEmpty { return .other(line) }
    if body.hasPrefix("export ") { body = body.dropFirst(7) }
    guard let eq = body.firstIndex(of: "=") else { return .other(line) }
    var name = body[..<eq]
    while name.last == " " || name.last == "\t" { name = name.dropLast() }
    guard isValidName(String(name)) else { return .other(line) }
    return .variable(name: String(name), value: String(body[body.index(after: eq)...]), raw: line)
  }
}

/// What changed between two environments, variable by variable, for `dok env diff`, `--dry-run`
/// and the confirmation of a write.
public struct EnvChange: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case added = "+", removed = "-", changed = "~"
  }

  public var kind: Kind
  public var name: String
  public var old: String?
  public var new: String?

  /// The changes from `old` to `new`, in the order of `new` then the removed ones.
  public static func between(_ old: EnvText, _ new: EnvText) -> [EnvChange] {
    var out: [EnvChange] = []
    var seen = Set<String>()
    for (name, _) in new.variables where seen.insert(name).inserted {
      let after = new.value(of: name)
      if let before = old.value(of: name) {
        if before != after { out.append(EnvChange(kind: .changed, name: name, old: before, new: after)) }
      } else {
        out.append(EnvChange(kind: .added, name: name, old: nil, new: after))
      }
    }
    for (name, _) in old.variables where !seen.contains(name) && seen.insert(name).inserted {
      out.append(EnvChange(kind: .removed, name: name, old: old.value(of: name), new: nil))
    }
    return out
  }

  /// `+ NAME=value`, `- NAME=value`, `~ NAME: old → new`; a value `mask` says is secret is `***`.
  public func line(mask: (String) -> Bool) -> String {
    func shown(_ v: String?) -> String { mask(name) ? "***" : (v ?? "") }
    switch kind {
    case .added: return "+ \(name)=\(shown(new))"
    case .removed: return "- \(name)=\(shown(old))"
    case .changed: return "~ \(name): \(shown(old)) → \(shown(new))"
    }
  }
}
