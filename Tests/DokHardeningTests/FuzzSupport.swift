import DokCore
import DokScript
import DokTestSupport
import Foundation
import Synchronization

/// Where the package's files are.
enum Paths {
  static let root = PackagePaths.root

  /// Every `.dok` file under `dir` (recursively), sorted for determinism.
  static func dokFiles(_ dir: String) -> [String] {
    let base = root + "/" + dir
    let all = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? []
    return all.filter { $0.hasSuffix(".dok") }.sorted().map { base + "/" + $0 }
  }
}

/// How many generated inputs to run: `DOK_FUZZ_ITERATIONS` (scripts) and
/// `DOK_FUZZ_DOCUMENTS` (documents), or the short defaults used by `scripts/test`.
enum FuzzBudget {
  static func value(_ name: String, _ fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
  }
  static var scripts: Int { value("DOK_FUZZ_ITERATIONS", 3_000) }
  static var documents: Int { value("DOK_FUZZ_DOCUMENTS", max(300, scripts / 100)) }
  static var seed: UInt64 { UInt64(value("DOK_FUZZ_SEED", 0x5EED)) }
  /// True when the long run was asked for (prints a summary).
  static var verbose: Bool { ProcessInfo.processInfo.environment["DOK_FUZZ_ITERATIONS"] != nil }
}

/// A closure-backed host whose calls answer canned JSON: any procedure exists, its result has
/// the fields the examples read; `fail.*` procedures throw API errors, `down.*` transport errors.
final class CannedHost: ScriptHost {
  let manualClock = ManualClock()
  let calls = Mutex(0)
  let sources: [String: String]

  init(sources: [String: String] = [:]) { self.sources = sources }

  var clock: any ScriptClock { manualClock }
  func environment(_ name: String) -> String? { name == "HOME" ? "/home/fuzz" : nil }
  func readSource(path: String) throws -> String {
    let name = (path as NSString).lastPathComponent
    if let s = sources[name] { return s }
    throw CocoaError(.fileNoSuchFile)
  }

  static let item: JSON = [
    "applicationId": "app-1", "projectId": "p-1", "name": "web", "appName": "web-abc", "status": "done",
    "applicationStatus": "done", "composeStatus": "done", "title": "deploy", "environmentId": "env-1",
    "environment": ["environmentId": "env-1", "name": "production"],
    "project": ["projectId": "p-1", "name": "shop"],
    "environments": [
      ["environmentId": "env-1", "name": "production", "applications": [["applicationId": "app-1", "name": "web"]]]
    ],
    "count": 3, "ok": true, "tags": ["a", "b"], "nothing": .null,
  ]

  func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
    let n = calls.withLock { c -> Int in
      c += 1
      return c
    }
    if procedure.hasPrefix("fail.") {
      throw CallError(kind: .api, procedure: procedure, message: "Input validation failed", code: "BAD_REQUEST", httpStatus: 400)
    }
    if procedure.hasPrefix("down.") { throw CallError(kind: .transport, procedure: procedure, message: "connection refused") }
    if procedure.hasSuffix(".all") || procedure.hasSuffix("s") { return [Self.item, Self.item] }
    if n % 7 == 0 { return .null }
    return Self.item
  }

  func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic] { [] }
}

/// Runs an entry in a fresh session with a deadline: on timeout the task is cancelled and must
/// stop promptly. Returns nil when it did not stop within `grace` seconds after cancellation.
enum BoundedRun {
  enum Result { case finished(RunOutcome), timedOut }

  static func run(_ source: String, host: CannedHost, timeout: Double = 2, grace: Double = 10) async -> Result? {
    let task = Task { () -> RunOutcome in
      let session = Interpreter(host: host, sink: NullSink())
      return await session.execute(source: source, file: "fuzz.dok")
    }
    if let o = await value(of: task, within: timeout) { return .finished(o) }
    task.cancel()
    return await value(of: task, within: grace) == nil ? nil : .timedOut
  }

  /// The task's value, or nil when it does not finish within `seconds` (the task keeps running).
  static func value<T: Sendable>(of task: Task<T, Never>, within seconds: Double) async -> T? {
    let resumed = Mutex(false)
    return await withCheckedContinuation { (c: CheckedContinuation<T?, Never>) in
      let once: @Sendable (T?) -> Void = { v in
        if resumed.withLock({ r in
          defer { r = true }; return !r
        }) {
          c.resume(returning: v)
        }
      }
      let timer = Task {
        // A cancelled sleep means the task finished first: only a sleep that ran out reports nil.
        do { try await Task.sleep(for: .milliseconds(Int(seconds * 1000))) } catch { return }
        once(nil)
      }
      Task {
        let v = await task.value
        once(v)
        timer.cancel()
      }
    }
  }
}

/// Input generators: token soups and mutations of real files.
struct ScriptFuzzer {
  var rng: SplitMix64
  let corpus: [String]

  static let tokens: [String] = [
    "print", "if", "else", "for", "in", "while", "break", "continue", "wait", "until", "every", "timeout", "sleep",
    "assert", "try", "catch", "exit", "source", "true", "false", "null", "$x", "$y", "$_", "$1", "$2", "$0", "$99",
    "$", "$p.environment.environmentId", ".applicationStatus", ".", "..", "...", "=", "==", "!=", "<", "<=", ">", ">=",
    "+", "-", "*", "/", "%", "&&", "||", "!", "(", ")", "[", "]", "{", "}", ",", ";", ":", "?", "\n", "\n", " ", " ",
    "\t", "#", "# comment\n", "\\\n", "\"", "'", "\"abc\"", "'raw ${x}'", "\"${$x}\"", "\"${", "${", "\"\\u{41}\"",
    "\"\\", "0", "1", "-1", "3.5", "1e308", "1e309", "-0", "9007199254740993", "0x10", "1..3", "5..1", "1..1000000",
    "250ms", "1s", "2m", "1h", "0s", "every 1ms", "timeout 1ms", "project.create", "application.one", "project.all",
    "fail.call", "down.call", "deployment.all", "x.", ".y", "name=", "name=web", "applicationId=$x", "a=@file",
    "b=[1,2]", "c={k: 1}", "d=", "len", "keys", "values", "contains", "filter", "map", "find", "any", "all", "env",
    "now", "json", "parse", "str", "num", "upper", "lower", "trim", "split", "join", "type", "round", "floor", "abs",
    "sort", "unique", "startsWith", "endsWith", "(1)", "[]", "{}", "{a: 1, \"b\": [2]}", "\"lib/helper.dok\"",
    "😀", "é", "\u{0}", "\r", "\r\n", "\u{7F}", "\u{FEFF}",
  ]

  mutating func tokenSoup() -> String {
    let n = 1 + rng.below(rng.chance(10) ? 200 : 30)
    var s = ""
    for _ in 0..<n {
      s += rng.pick(Self.tokens)
      if rng.chance(60) { s += " " }
    }
    return s
  }

  static let interesting: [UInt8] =
    Array("{}[]()\"'$.=\n\\#,;:+-*/%!<>&|0129 xz_@".utf8) + [0, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]

  mutating func mutate(_ text: String) -> String {
    var b = Array(text.utf8)
    let rounds = 1 + rng.below(6)
    for _ in 0..<rounds {
      switch rng.below(11) {
      case 0 where !b.isEmpty:  // flip a byte
        b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next())
      case 1:  // insert an interesting byte
        b.insert(rng.pick(Self.interesting), at: rng.below(b.count + 1))
      case 2 where !b.isEmpty:  // delete a range
        let i = rng.below(b.count)
        b.removeSubrange(i..<min(b.count, i + 1 + rng.below(16)))
      case 3 where !b.isEmpty:  // duplicate a range
        let i = rng.below(b.count)
        let piece = b[i..<min(b.count, i + 1 + rng.below(40))]
        b.insert(contentsOf: piece, at: rng.below(b.count + 1))
      case 4 where !b.isEmpty:  // truncate
        b.removeSubrange(rng.below(b.count)...)
      case 5:  // insert a token
        b.insert(contentsOf: Array(rng.pick(Self.tokens).utf8), at: rng.below(b.count + 1))
      default:  // line mutations
        var lines = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { continue }
        let i = rng.below(lines.count)
        switch rng.below(5) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: rng.below(lines.count + 1))
        case 2: lines.swapAt(i, rng.below(lines.count))
        case 3:  // splice a line from another file
          let other = rng.pick(corpus).split(separator: "\n", omittingEmptySubsequences: false)
          if !other.isEmpty { lines.insert(String(rng.pick(other)), at: i) }
        default: lines[i] = String(lines[i].shuffled(using: &rng))
        }
        b = Array(lines.joined(separator: "\n").utf8)
      }
    }
    return String(decoding: b, as: UTF8.self)
  }

  mutating func next() -> String {
    rng.chance(30) || corpus.isEmpty ? tokenSoup() : mutate(rng.pick(corpus))
  }
}
