import DokCore
import DokScript
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// Deterministic fuzzing of the lexer/parser, the interpreter and the OpenAPI loader.
///
/// Short by default (what `scripts/test` runs); `scripts/fuzz` sets `DOK_FUZZ_ITERATIONS`
/// (and `DOK_FUZZ_DOCUMENTS`) for the long run. A crash ends the test process, so every crash
/// found becomes a named input in ``FuzzRegressionTests``.
@Suite(.serialized) struct FuzzTests {
  static let corpus: [String] = {
    let files = Paths.dokFiles("examples") + Paths.dokFiles("Tests/DokScriptTests/Golden")
    return files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
  }()

  static let libSources: [String: String] = {
    var out: [String: String] = [:]
    for f in Paths.dokFiles("Tests/DokScriptTests/Golden/lib") {
      out[(f as NSString).lastPathComponent] = try? String(contentsOfFile: f, encoding: .utf8)
    }
    return out
  }()

  @Test func corpusIsThere() {
    #expect(Self.corpus.count >= 40, "examples/ and Golden/ should hold the seed files")
    #expect(Self.libSources["helper.dok"] != nil)
  }

  @Test func parserSurvivesGeneratedScripts() {
    var fuzzer = ScriptFuzzer(rng: SplitMix64(seed: FuzzBudget.seed), corpus: Self.corpus)
    let host = CannedHost(sources: Self.libSources)
    let n = FuzzBudget.scripts
    var withErrors = 0
    var incomplete = 0
    for _ in 0..<n {
      let input = fuzzer.next()
      let program = Script.parse(source: input, file: "fuzz.dok")
      if !program.diagnostics.isEmpty { withErrors += 1 }
      if Script.isIncomplete(input) { incomplete += 1 }
      // The static check walks the whole tree (and every diagnostic has a message).
      for d in Script.check(source: input, file: "fuzz.dok", host: host) where d.message.isEmpty {
        Issue.record("empty diagnostic for input: \(input.debugDescription)")
      }
    }
    // The generator must produce both broken and valid programs to be worth anything.
    #expect(withErrors > n / 10)
    #expect(withErrors < n)
    if FuzzBudget.verbose {
      print("fuzz: parser: \(n) inputs, \(withErrors) with syntax errors, \(incomplete) incomplete, 0 crashes")
    }
  }

  @Test func interpreterSurvivesGeneratedScripts() async {
    var fuzzer = ScriptFuzzer(rng: SplitMix64(seed: FuzzBudget.seed &+ 1), corpus: Self.corpus)
    let n = FuzzBudget.scripts
    var codes: [Int32: Int] = [:]
    var timedOut = 0
    for i in 0..<n {
      let input = fuzzer.next()
      let host = CannedHost(sources: Self.libSources)
      guard let result = await BoundedRun.run(input, host: host, timeout: 2) else {
        Issue.record("input \(i) did not stop after cancellation: \(input.debugDescription)")
        return
      }
      switch result {
      case .finished(let o):
        codes[o.exitCode, default: 0] += 1
        // A failure always says why (asserts report live; `exit N` is on purpose).
        #expect(
          o.exitCode == 0 || o.errorCode == nil || o.errorCode == "ASSERT" || !o.diagnostics.isEmpty, "\(input.debugDescription)")
      case .timedOut: timedOut += 1
      }
    }
    // Some inputs must actually run (exit 0) and some must fail, or the fuzzer tests nothing.
    #expect(codes[0, default: 0] > 0)
    #expect(codes.keys.contains { $0 != 0 })
    if FuzzBudget.verbose {
      let summary = codes.keys.sorted().map { "exit \($0): \(codes[$0]!)" }.joined(separator: ", ")
      print("fuzz: interpreter: \(n) inputs, \(summary), cancelled after 2 s: \(timedOut), 0 crashes, 0 hangs")
    }
  }

  @Test func specLoaderSurvivesMutatedDocuments() throws {
    let fixtures = Paths.root + "/Tests/DokSpecTests/Fixtures/"
    let json = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixtures + "mini-31.json")))
    let yaml = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixtures + "mini-31.yaml")))
    let tree = try JSONParser.parse(json)
    #expect((try? SpecLoader.load(json)) != nil, "the unmutated fixture loads")
    var rng = SplitMix64(seed: FuzzBudget.seed &+ 2)
    var mutator = DocumentMutator(rng: rng)
    let n = FuzzBudget.documents
    var loaded = 0
    var rejected = 0
    for i in 0..<n {
      let bytes: [UInt8]
      switch i % 4 {
      case 0, 1: bytes = Array(JSONWriter.compact(mutator.mutate(tree)).utf8)
      case 2: bytes = mutator.mutateBytes(json)
      default: bytes = mutator.mutateBytes(yaml)
      }
      do {
        let catalog = try SpecLoader.load(bytes, source: "fuzz.json")
        _ = catalog.procedures.count
        loaded += 1
        // The one-procedure lookup (`dok describe`) agrees wherever the whole document loads.
        for name in catalog.procedures.prefix(2).map(\.name) + ["app.none"] {
          do {
            let lookup = try ProcedureLookup.find(name, in: bytes)
            #expect(lookup == ProcedureLookup.find(name, in: catalog), "\(name): \(String(decoding: bytes, as: UTF8.self))")
          } catch {
            Issue.record("the lookup of \(name) failed on a document that loads: \(error)")
          }
        }
      } catch {
        #expect(!error.description.isEmpty)
        rejected += 1
        // On a document that does not load, the lookup may answer or throw; it must not crash.
        _ = try? ProcedureLookup.find("app.one", in: bytes)
      }
    }
    rng = mutator.rng
    #expect(loaded > 0)
    #expect(rejected > 0)
    if FuzzBudget.verbose {
      print("fuzz: documents: \(n) inputs, \(loaded) loaded, \(rejected) rejected with a SpecError, 0 crashes")
    }
  }
}

/// Structural and byte mutations of an OpenAPI document.
struct DocumentMutator {
  var rng: SplitMix64

  static let refs = [
    "#", "#/", "#/components/schemas/Save", "#/components/schemas", "#/components/schemas/Missing", "#/paths",
    "#/paths/~1app.one", "#/paths/~1app.one/get/parameters/0", "#/components/schemas/Save/properties/ports",
    "other.json#/x", "#/components/schemas/Save/properties/ports/items", "~", "#/~2", "",
  ]

  mutating func randomValue(depth: Int = 0) -> JSON {
    switch rng.below(depth > 3 ? 6 : 10) {
    case 0: return .null
    case 1: return .bool(rng.chance(50))
    case 2: return .number(rng.pick([0, -1, 1e308, 3.5, 1, 10]))
    case 3: return .string(rng.pick(["", "object", "string", "integer", "array", "null", "3.1.0", "2.0", "get", "#/x"]))
    case 4: return ["$ref": .string(rng.pick(Self.refs))]
    case 5: return [:]
    case 6: return .array((0..<rng.below(3)).map { _ in randomValue(depth: depth + 1) })
    case 7: return ["type": .string(rng.pick(["object", "array", "string", "weird"])), "items": randomValue(depth: depth + 1)]
    case 8: return ["anyOf": .array([randomValue(depth: depth + 1), ["type": "null"]])]
    default:
      var o = JSONObject()
      for _ in 0..<rng.below(4) {
        o[
          rng.pick([
            "type", "properties", "required", "enum", "items", "$ref", "schema", "in", "name", "content", "allOf", "oneOf",
            "nullable", "default",
          ])] =
          randomValue(depth: depth + 1)
      }
      return .object(o)
    }
  }

  /// Changes one to four random nodes of the tree.
  mutating func mutate(_ doc: JSON) -> JSON {
    var d = doc
    for _ in 0..<(1 + rng.below(4)) { d = mutateNode(d, depth: 0) }
    return d
  }

  mutating func mutateNode(_ v: JSON, depth: Int) -> JSON {
    // Stop here with growing probability, or go into a child.
    switch v {
    case .object(var o) where !o.isEmpty && (depth < 2 || rng.chance(75)):
      let k = rng.pick(o.keys)
      switch rng.below(10) {
      case 0: o[k] = nil
      case 1: o[rng.pick(["$ref", "type", "required", "parameters", "requestBody", "paths", "openapi", "x"])] = randomValue()
      default: o[k] = mutateNode(o[k]!, depth: depth + 1)
      }
      return .object(o)
    case .array(var a) where !a.isEmpty && rng.chance(75):
      let i = rng.below(a.count)
      switch rng.below(8) {
      case 0: a.remove(at: i)
      case 1: a.append(a[i])
      default: a[i] = mutateNode(a[i], depth: depth + 1)
      }
      return .array(a)
    default:
      return randomValue()
    }
  }

  mutating func mutateBytes(_ input: [UInt8]) -> [UInt8] {
    var b = input
    for _ in 0..<(1 + rng.below(5)) {
      switch rng.below(6) {
      case 0 where !b.isEmpty: b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next())
      case 1 where !b.isEmpty: b.removeSubrange(rng.below(b.count)...)
      case 2 where !b.isEmpty:
        let i = rng.below(b.count)
        b.removeSubrange(i..<min(b.count, i + 1 + rng.below(30)))
      case 3:
        let piece = Array(
          rng.pick([
            "{", "}", "[", "]", "\"", ":", ",", "\\u", "\\ud800", "-", "1e999", "null", "\n- ", ": ", "  ", "\t", "&a", "*a", "|",
            ">", "'", "#", "\u{0}",
          ]).utf8)
        b.insert(contentsOf: piece, at: rng.below(b.count + 1))
      case 4 where !b.isEmpty:
        let i = rng.below(b.count)
        let piece = b[i..<min(b.count, i + 1 + rng.below(60))]
        b.insert(contentsOf: piece, at: rng.below(b.count + 1))
      default:
        b.insert(rng.pick(ScriptFuzzer.interesting), at: rng.below(b.count + 1))
      }
    }
    return b
  }
}
