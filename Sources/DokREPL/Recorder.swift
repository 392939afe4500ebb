import DokCore
import DokScript

/// Collects the REPL entries that succeeded and writes them as a runnable `.dok` file:
/// a header naming server and date; secrets redacted; IDs that came from earlier results
/// written as references to the results that held them (`$2.project.projectId`).
public struct Recorder {
  public let path: String
  private var lines: [String] = []
  /// ID value → reference expression in the recording.
  private var references: [String: String] = [:]
  /// How many call results the recording has produced so far (its `$N` numbering).
  private var resultCount = 0
  private let policy: SecretPolicy

  public init(path: String, policy: SecretPolicy) {
    self.path = path
    self.policy = policy
  }

  /// Number of recorded entries.
  public var count: Int { lines.count }

  /// Records one successful entry: its text, the top-level call events it produced, and how
  /// many call results it added in all.
  public mutating func record(entry: String, calls: [CallEvent], resultsAdded: Int) {
    let trimmed = entry.trimming(" \t\n")
    guard !trimmed.isEmpty else { return }
    if calls.count == 1, resultsAdded == 1, !trimmed.contains("\n"), !trimmed.contains(";") {
      lines.append(rewrite(calls[0]))
    } else {
      lines.append(policy.redactKey(in: trimmed))
    }
    var index = resultCount
    for event in calls {
      index += 1
      learn(event.result, base: "$\(index)", depth: 0)
    }
    resultCount += resultsAdded
  }

  private mutating func learn(_ value: JSON, base: String, depth: Int) {
    guard depth < 8 else { return }
    switch value {
    case .object(let o):
      for (k, v) in o.pairs {
        let path = MemberPath.append(k, to: base)
        if case .string(let s) = v, k.hasSuffix("Id") || k == "id", !s.isEmpty, references[s] == nil {
          references[s] = path
        }
        learn(v, base: path, depth: depth + 1)
      }
    case .array(let a):
      for (i, v) in a.prefix(20).enumerated() { learn(v, base: "\(base)[\(i)]", depth: depth + 1) }
    default: break
    }
  }

  private func rewrite(_ event: CallEvent) -> String {
    var prefix = ""
    let s = event.statement.trimming(" \t")
    if s.hasPrefix("$"), let eq = s.firstIndex(of: "=") {
      let name = String(s[s.index(after: s.startIndex)..<eq]).trimming(" ")
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { prefix = "$\(name) = " }
    }
    // A followed deploy is recorded as one (`deploy application.deploy …`), not as the bare call.
    let body = prefix.isEmpty ? s : String(s[s.index(after: s.firstIndex(of: "=")!)...]).trimming(" \t")
    if body.hasPrefix("deploy ") { prefix += "deploy " }
    let args = event.arguments.map { arg -> String in
      // Secret-looking parameters lose their text; booleans, numbers and null stay as typed.
      if policy.isSecret(field: arg.name) {
        switch arg.value {
        case .value(.string), .json, .file: return "\(arg.name)=\"***\""
        case .bare(let w) where !["true", "false", "null"].contains(w) && Double(w) == nil: return "\(arg.name)=\"***\""
        default: break
        }
      }
      switch arg.value {
      case .bare(let w):
        if let ref = references[w] { return "\(arg.name)=\(ref)" }
        return "\(arg.name)=\(w.isEmpty ? "\"\"" : w)"
      case .value(let v):
        if case .string(let str) = v, let ref = references[str] { return "\(arg.name)=\(ref)" }
        return "\(arg.name)=\(Self.literal(v))"
      case .json(let t): return "\(arg.name):=\(t)"
      case .file(let p): return "\(arg.name)=@\(p)"
      case .deferred: return ""
      }
    }.filter { !$0.isEmpty }
    return prefix + ([event.procedure] + args).joined(separator: " ")
  }

  /// A value written as a `.dok` literal (strings escaped, `$` too).
  static func literal(_ v: JSON) -> String {
    switch v {
    case .string(let s):
      var out = "\""
      for ch in s {
        switch ch {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "$": out += "\\$"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default: out.append(ch)
        }
      }
      return out + "\""
    default:
      return v.compactText
    }
  }

  /// The file's text.
  public func render(server: String, date: String, version: String) -> String {
    var out = "# Recorded by dok \(version) against \(server) on \(date).\n"
    out += "# Replay: dok run \(path)   (secrets were replaced by \"***\")\n\n"
    out += lines.map { $0 + "\n" }.joined()
    return out
  }
}
