import DokCore
import DokRuntime
import DokScript
import DokSpec

/// Collects the REPL entries that succeeded and writes them as a runbook that stands alone:
/// entries keep the variable names typed; a `$N` a later entry uses becomes a named variable
/// assigned at the call that produced it (`$r2 = application.create …`); an ID typed as text
/// that an earlier recorded result held becomes a reference to it; a variable set before the
/// recording started is defined at the top with its value; secret arguments read `env("DOK_…")`;
/// an id the session did not create is written as its path when the server names it uniquely
/// (``RecordingPaths``).
public struct Recorder {
  public let path: String
  /// Entries as they will be written.
  private var entries: [String] = []
  /// Whether an entry is one call that may take a `$name = ` prefix.
  private var bareCall: [Bool] = []
  /// Entry index → the variable that holds its result in the recording.
  private var entryNames: [Int: String] = [:]
  /// Session result number (`$N`) → the entry that produced it, when that entry was recorded.
  private var producers: [Int: Int] = [:]
  /// ID value → (result number, member path below it).
  private var references: [String: (result: Int, path: String)] = [:]
  /// Variables the recording defines so far.
  private var defined: Set<String> = []
  /// Definitions of values from before the recording, written at the top.
  private var preamble: [String] = []
  /// Environment variables that supply secrets on replay.
  private(set) var secretVariables: [String] = []
  private let policy: SecretPolicy
  /// The procedures, to know a call's twins and whether it changes state.
  private let catalog: Catalog?
  /// `<kind>Id` arguments that may be written as paths.
  private var pathCandidates: [RecordingPaths.Candidate] = []
  /// Ids the session saw created (in replies of the calls that made them): they stay references.
  private var createdIds: Set<String> = []

  public init(path: String, policy: SecretPolicy, catalog: Catalog? = nil) {
    self.path = path
    self.policy = policy
    self.catalog = catalog
  }

  /// Number of recorded entries.
  public var count: Int { entries.count }

  /// Records one successful entry: its text, the call events it produced, the number of its first
  /// result (`$N`), how many results it added, and the session's variables (for values defined
  /// before the recording).
  public mutating func record(
    entry: String, calls: [CallEvent], firstResult: Int, resultsAdded: Int, result: (Int) -> JSON?, variable: (String) -> JSON?
  ) {
    var text = entry.trimming(" \t\n")
    guard !text.isEmpty else { return }
    let index = entries.count
    // Secrets typed as literals become env("DOK_FIELD").
    for event in calls {
      for arg in event.arguments where policy.isSecret(field: arg.name) && Self.isLiteralSecret(arg.value) {
        guard let r = RecordingText.argumentValue(arg.name, in: text) else { continue }
        let env = Self.environmentName(for: arg.name)
        if !secretVariables.contains(env) { secretVariables.append(env) }
        text.replaceSubrange(r, with: "(env(\"\(env)\"))")
      }
    }
    // IDs typed as text that an earlier recorded result held: a reference to that result.
    for event in calls {
      for arg in event.arguments {
        let typed: String
        switch arg.value {
        case .bare(let w): typed = w
        case .value(.string(let s)): typed = s
        default: continue
        }
        guard let ref = references[typed], let producer = producers[ref.result], producer != index,
          let r = RecordingText.argumentValue(arg.name, in: text)
        else { continue }
        text.replaceSubrange(r, with: "$" + name(ofEntry: producer, result: ref.result) + ref.path)
      }
    }
    // `$N` and variables from before the recording.
    for ref in RecordingText.references(in: text).reversed() {
      if let n = Int(ref.name) {
        let replacement: String
        if let producer = producers[n] {
          replacement = name(ofEntry: producer, result: n)
        } else {
          replacement = "r\(n)"
          if !defined.contains(replacement), n >= 1, let value = result(n) {
            preamble.append("$\(replacement) = \(Self.literal(value))")
            defined.insert(replacement)
          }
        }
        text.replaceSubrange(ref.range, with: "$" + replacement)
      } else if ref.name != "_", !defined.contains(ref.name), !RecordingText.assignedNames(in: text).contains(ref.name),
        let value = variable(ref.name)
      {
        preamble.append("$\(ref.name) = \(Self.literal(policy.redact(value)))")
        defined.insert(ref.name)
      }
    }
    text = policy.redactKey(in: text)
    notePathCandidates(calls, entry: index, typed: entry)
    let assigned = RecordingText.assignedNames(in: text)
    defined.formUnion(assigned)
    entries.append(text)
    bareCall.append(RecordingText.isBareCall(text))
    if calls.count == 1, resultsAdded == 1, let name = Self.assignmentName(text) { entryNames[index] = name }
    for n in firstResult..<(firstResult + resultsAdded) { producers[n] = index }
    for event in calls where event.resultIndex >= firstResult {
      learn(event.result, result: event.resultIndex, path: "", depth: 0)
    }
  }

  /// Remembers the `<kind>Id` arguments of `calls` that hold ids the session did not create, and
  /// learns the ids a state-changing call created (`application.create` → its `applicationId`;
  /// `project.create` → the project's and its environment's).
  /// Only an id typed as it is (`applicationId=k3Qx…`, not `$a.applicationId` nor a loop's
  /// variable) becomes a path: an expression may stand for a different id each time it runs.
  private mutating func notePathCandidates(_ calls: [CallEvent], entry index: Int, typed: String) {
    guard let catalog else { return }
    for event in calls {
      guard let proc = catalog.procedure(named: event.procedure) else { continue }
      for twin in PathParameter.all(in: proc) {
        guard let arg = event.arguments.first(where: { $0.name == twin.kind.idName }),
          let id = PathParameter.text(of: arg.value), !id.isEmpty, !createdIds.contains(id),
          let written = RecordingText.argumentValue(twin.kind.idName, in: typed),
          [id, "\"\(id)\"", "'\(id)'"].contains(String(typed[written]))
        else { continue }
        pathCandidates.append(RecordingPaths.Candidate(entry: index, kind: twin.kind, id: id))
      }
      if !proc.isQuery {
        let router = String(event.procedure.prefix { $0 != "." })
        var keys: Set<String> = [router + "Id"]
        if event.procedure == "project.create" { keys.insert("environmentId") }
        learnCreated(event.result, keys: keys, depth: 0)
      }
    }
  }

  private mutating func learnCreated(_ value: JSON, keys: Set<String>, depth: Int) {
    guard depth < 4 else { return }
    switch value {
    case .object(let o):
      for (k, v) in o.pairs {
        if keys.contains(k), case .string(let id) = v, !id.isEmpty { createdIds.insert(id) }
        learnCreated(v, keys: keys, depth: depth + 1)
      }
    case .array(let a):
      for v in a.prefix(20) { learnCreated(v, keys: keys, depth: depth + 1) }
    default: break
    }
  }

  /// The variable holding entry `index`'s result: its own `$name = `, or a new `$rN` prefixed to it.
  private mutating func name(ofEntry index: Int, result: Int) -> String {
    if let n = entryNames[index] { return n }
    var name = "r\(result)"
    while defined.contains(name) { name += "_" }
    if bareCall[index] {
      entries[index] = "$\(name) = " + entries[index]
      entryNames[index] = name
      defined.insert(name)
    }
    return name
  }

  private mutating func learn(_ value: JSON, result: Int, path: String, depth: Int) {
    guard depth < 8 else { return }
    switch value {
    case .object(let o):
      for (k, v) in o.pairs {
        let p = MemberPath.append(k, to: path)
        if case .string(let s) = v, k.hasSuffix("Id") || k == "id", !s.isEmpty, references[s] == nil {
          references[s] = (result, p)
        }
        learn(v, result: result, path: p, depth: depth + 1)
      }
    case .array(let a):
      for (i, v) in a.prefix(20).enumerated() { learn(v, result: result, path: "\(path)[\(i)]", depth: depth + 1) }
    default: break
    }
  }

  private static func isLiteralSecret(_ value: CallArgument.Value) -> Bool {
    switch value {
    case .value(.string), .json, .file: return true
    case .bare(let w): return !["true", "false", "null"].contains(w) && Double(w) == nil
    default: return false
    }
  }

  private static func assignmentName(_ text: String) -> String? {
    guard text.hasPrefix("$"), let eq = text.firstIndex(of: "=") else { return nil }
    let name = String(text[text.index(after: text.startIndex)..<eq]).trimming(" ")
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
    return name
  }

  /// The flag of a replay hint for a recording made on the sandbox.
  static let sandboxReplay = "--sandbox"

  /// True when `text` is a recording made on the sandbox (its header's replay hint says
  /// `dok run --sandbox`): `dok run` says so when it replays it against a real server.
  public static func recordedOnSandbox(_ text: String) -> Bool {
    for line in text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).prefix(4)
    where line.hasPrefix("# Replay: ") && line.contains("dok run \(sandboxReplay) ") {
      return true
    }
    return false
  }

  /// `password` → `DOK_PASSWORD`, `refreshToken` → `DOK_REFRESH_TOKEN`.
  static func environmentName(for field: String) -> String {
    var out = "DOK_"
    for ch in field {
      if ch.isUppercase, out.last != "_" { out += "_" }
      out += ch.isLetter || ch.isNumber ? ch.uppercased() : "_"
    }
    return out
  }

  /// A value written as a `.dok` literal (strings escaped, `$` too).
  static func literal(_ v: JSON) -> String {
    switch v {
    case .string(let s):
      return StringLiteral.quoted(s)
    case .array(let a): return "[" + a.map(literal).joined(separator: ", ") + "]"
    case .object(let o): return "{" + o.pairs.map { literal(.string($0.0)) + ": " + literal($0.1) }.joined(separator: ", ") + "}"
    default:
      return v.compactText
    }
  }

  /// The file's text. A recording made on the sandbox (`sandbox`) replays there: its hint says
  /// `dok run --sandbox FILE`. The environment variables it reads are listed.
  /// With `tree` (the server's, read when the recording ends), ids the session did not create
  /// are written as their paths where the tree names them uniquely.
  public func render(server: String, date: String, version: String, sandbox: Bool = false, tree: ServerTree? = nil) -> String {
    var out = "# Recorded by dok \(version) against \(server) on \(date).\n"
    var entries = self.entries
    if let tree {
      let (rewritten, count) = RecordingPaths(tree: tree).rewrite(entries, candidates: pathCandidates)
      entries = rewritten
      if count > 0 {
        out += "# Services it did not create are named by path (project/environment/name): it replays on any server\n"
        out += "# that has the same names.\n"
      }
    }
    let command = "dok run \(sandbox ? Self.sandboxReplay + " " : "")\(path)"
    if secretVariables.isEmpty {
      out += "# Replay: \(command)\n\n"
    } else {
      out += "# Replay: \(secretVariables.map { "\($0)=…" }.joined(separator: " ")) \(command)\n"
      out += "# Needs the environment variables: \(secretVariables.joined(separator: ", "))\n"
      out += "# (secrets are read from the environment, never written here)\n\n"
    }
    out += preamble.map { $0 + "\n" }.joined()
    out += entries.map { $0 + "\n" }.joined()
    return out
  }
}
