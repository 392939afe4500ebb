import DokCore
import DokScript
import DokSpec
import Foundation
import Testing

/// Named inputs: edge cases written by hand and every crash or hang the fuzzer found. Each must
/// parse (or fail with diagnostics) and run (or fail cleanly) without crashing or hanging.
@Suite struct FuzzRegressionTests {
  final class Lines: ScriptSink {
    var lines: [String] = []
    func print(_ line: String) { lines.append(line) }
  }

  static let scripts: [(String, String)] = [
    ("empty", ""),
    ("only a NUL byte", "\u{0}"),
    ("byte order mark", "\u{FEFF}print 1"),
    ("lone dollar", "$"),
    ("unterminated string", "print \"abc"),
    ("unterminated interpolation", "print \"${$x"),
    ("interpolation of an interpolation", "print \"${\"${\"${1}\"}\"}\""),
    ("unbalanced closers", ")))]]]}}}"),
    ("range to the largest integer", "for $i in 1..9007199254740991 { if $i > 3 { break } }"),
    ("huge range as an array", "$a = 1..100000000"),
    ("nan and infinity", "print 0/0, 1/0, -1/0, 1e309 - 1e309, 10 % 0"),
    ("line continuation at the end", "print 1 \\"),
    ("source of itself", "source \"fuzz.dok\""),
    ("deep but reasonable nesting", String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)),
    ("wait with zero interval", "wait project.one until .status == \"never\" every 0s timeout 1m"),
    ("negative sleep", "sleep -5s"),
    ("sleep a long time", "sleep 99999h"),
    ("index with huge numbers", "$a = [1]; print $a[1e300], $a[-1e300], $a[0.5]"),
    ("result index out of range", "print $999999999999"),
    ("string times number", "print \"ab\" * 1e12"),
    ("parse of a deep JSON string", "print parse(\"" + String(repeating: "[", count: 600) + "\")"),
    ("split with an empty separator", "print split(\"abc\", \"\")"),
    ("join of nested", "print join([[1], {a: 1}, null], \",\")"),
    ("round of huge", "print round(1e308), floor(-1e308), abs(-0)"),
    ("num of garbage", "print num(\"0x\"), num(\"1e99999\"), num(\"\")"),
  ]

  /// Nesting deep enough to overflow a recursive parser without a limit; each must end with a
  /// syntax error (or run), never a stack overflow.
  static let deep: [(String, String)] = [
    ("10,000 open parentheses", String(repeating: "(", count: 10_000)),
    ("10,000 nested parentheses", "print " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
    ("10,000 nested arrays", "print " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
    ("10,000 nested objects", "print " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)),
    ("10,000 nested blocks", String(repeating: "if true {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)),
    ("10,000 unary minus", "print " + String(repeating: "-", count: 10_000) + "1"),
    ("10,000 negations", "print " + String(repeating: "!", count: 10_000) + "true"),
    ("10,000 nested interpolations", "print " + String(repeating: "\"${", count: 10_000)),
    ("100,000 additions", "print 1" + String(repeating: " + 1", count: 100_000)),
    ("100,000 member accesses", "print $_" + String(repeating: ".a", count: 100_000)),
    ("10,000 nested calls", "print " + String(repeating: "len(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
  ]

  @Test(arguments: scripts.map(\.0)) func namedScript(_ name: String) async {
    let source = Self.scripts.first { $0.0 == name }!.1
    await survives(source, name)
  }

  @Test(arguments: deep.map(\.0)) func deepScript(_ name: String) async {
    let source = Self.deep.first { $0.0 == name }!.1
    await survives(source, name)
  }

  func survives(_ source: String, _ name: String) async {
    _ = Script.isIncomplete(source)
    let program = Script.parse(source: source, file: "fuzz.dok")
    _ = program.diagnostics.map(\.message)
    let result = await BoundedRun.run(source, host: CannedHost(sources: ["fuzz.dok": source]), timeout: 2)
    #expect(result != nil, "\(name): did not stop after cancellation")
    if case .finished(let o)? = result, o.exitCode != 0, o.errorCode != nil, o.errorCode != "ASSERT" {
      #expect(!o.diagnostics.isEmpty, "\(name): failed without saying why")
    }
  }

  /// Regression (found by deepScript): 10,000 nested parentheses overflowed the stack in the
  /// recursive-descent parser (signal 11). The parser now stops at a nesting limit with an error.
  @Test func deepNestingIsASyntaxError() {
    for (name, source) in Self.deep where name != "10,000 open parentheses" && name != "10,000 nested interpolations" {
      let p = Script.parse(source: source, file: "deep.dok")
      if name == "100,000 additions" {
        // A flat chain is not nesting (issue 15): it parses, and evaluates in a loop.
        #expect(p.diagnostics.isEmpty, "\(name): \(p.diagnostics.map(\.message))")
        continue
      }
      #expect(p.diagnostics.contains { $0.message.contains("nested too deeply") }, "\(name): \(p.diagnostics.map(\.message))")
    }
  }

  /// Nesting just under the limit still parses and runs, with the right result.
  @Test func nestingUnderTheLimitRuns() async {
    let sink = Lines()
    let session = Interpreter(host: CannedHost(), sink: sink)
    let parens = "print " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
    let sum = "print 0" + String(repeating: " + 1", count: 150)
    let arrays = "print len(" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + ")"
    let blocks = String(repeating: "if true {\n", count: 100) + "print \"deep\"\n" + String(repeating: "}\n", count: 100)
    for source in [parens, sum, arrays, blocks] {
      let o = await session.execute(source: source)
      #expect(o.exitCode == 0, "\(o.diagnostics.map(\.message))")
    }
    #expect(sink.lines == ["1", "150", "1", "deep"])
  }

  /// Regression (found by namedDocument): a schema whose properties point back at it through
  /// two branches took 2^64 steps to read (a hang). It now loads, the recursion reading as "any".
  @Test func recursiveSchemaWithTwoBranchesLoads() throws {
    let text = Self.documents.first { $0.0 == "a recursive object schema" }!.1
    let catalog = try SpecLoader.load(Array(text.utf8), source: "recursive.json")
    #expect(catalog.procedures.map(\.name) == ["a.b"])
  }

  /// Documents that are valid JSON but hostile in shape.
  static let documents: [(String, String)] = [
    (
      "a schema that refers to itself",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S"}}}}}}},"components":{"schemas":{"S":{"$ref":"#/components/schemas/S"}}}}"##
    ),
    (
      "two schemas referring to each other",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}}},"components":{"schemas":{"A":{"$ref":"#/components/schemas/B"},"B":{"$ref":"#/components/schemas/A"}}}}"##
    ),
    (
      "a recursive object schema",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/T"}}}}}}},"components":{"schemas":{"T":{"type":"object","properties":{"child":{"$ref":"#/components/schemas/T"},"list":{"type":"array","items":{"$ref":"#/components/schemas/T"}}}}}}}"##
    ),
    ("a path item that is a reference to the root", ##"{"openapi":"3.1.0","paths":{"/a.b":{"$ref":"#"}}}"##),
    ("a path item that refers to itself", ##"{"openapi":"3.1.0","paths":{"/a.b":{"$ref":"#/paths/~1a.b"}}}"##),
    (
      "a parameter that refers to itself",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"get":{"parameters":[{"$ref":"#/paths/~1a.b/get/parameters/0"}]}}}}"##
    ),
    (
      "a reference into an array out of range",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"get":{"parameters":[{"$ref":"#/paths/~1a.b/get/parameters/99"}]}}}}"##
    ),
    (
      "an allOf of itself",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S"}}}}}}},"components":{"schemas":{"S":{"allOf":[{"$ref":"#/components/schemas/S"}]}}}}"##
    ),
    (
      "deeply nested arrays",
      "{\"openapi\":\"3.1.0\",\"paths\":{},\"x\":" + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        + "}"
    ),
    (
      "a YAML document nested deeply",
      "openapi: 3.1.0\npaths:\n" + (1...400).map { String(repeating: " ", count: $0) + "a\($0):\n" }.joined()
    ),
    ("YAML flow nesting", "openapi: 3.1.0\npaths: " + String(repeating: "[", count: 5_000)),
    (
      "numbers that do not fit",
      ##"{"openapi":"3.1.0","paths":{"/a.b":{"get":{"parameters":[{"in":"query","name":"n","schema":{"type":"integer","minimum":1e999,"maximum":-1e999}}]}}}}"##
    ),
    ("a lone surrogate escape", ##"{"openapi":"3.1.0","paths":{"/\ud800.b":{"get":{}}}}"##),
  ]

  /// Each hostile document either loads into a catalog whose procedures all come from its
  /// `paths`, or fails with the loader's message, within a time limit (a hang fails the test).
  @Test(.timeLimit(.minutes(1)), arguments: documents.map(\.0)) func namedDocument(_ name: String) async throws {
    let text = Self.documents.first { $0.0 == name }!.1
    let bytes = Array(text.utf8)
    let load = Task { () -> Result<[String], SpecError> in
      do throws(SpecError) {
        return .success(try SpecLoader.load(bytes, source: "hostile.json").procedures.map(\.name))
      } catch {
        return .failure(error)
      }
    }
    let outcome = try #require(await BoundedRun.value(of: load, within: 10), "\(name): loading did not finish in 10 s")
    switch outcome {
    case .success(let names):
      #expect(Set(names).count == names.count, "\(name): duplicate procedures \(names)")
      // A JSON document's procedures can only come from its paths.
      if let paths = (try? JSONParser.parse(bytes))?["paths"]?.objectValue {
        let allowed = Set(paths.keys.map { String($0.drop { $0 == "/" }) })
        #expect(Set(names).isSubset(of: allowed), "\(name): procedures \(names) not among the paths \(allowed)")
      }
    case .failure(let error):
      #expect(error.description.contains("not a usable OpenAPI document"), "\(name): \(error)")
    }
  }
}
