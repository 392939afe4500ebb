import DokTestSupport
import Testing

@testable import DokCore

@Suite struct JSONParserTests {
  @Test func parsesScalarsAndContainers() throws {
    let v = try JSONParser.parse(#"{"a": [1, 2.5, -3e2, true, false, null], "b": "x\n\u00e9\ud83d\ude00", "c": {}}"#)
    #expect(v["a"] == [1, 2.5, -300, true, false, .null])
    #expect(v["b"] == "x\né😀")
    #expect(v["c"] == .object(JSONObject()))
    #expect(v.objectValue?.keys == ["a", "b", "c"])
  }

  @Test(arguments: [
    ("{", 1, 2), ("[1,]", 1, 4), ("{\"a\" 1}", 1, 6), ("\n  tru", 2, 3), ("01", 1, 1), ("\"abc", 1, 1), ("1 2", 1, 3),
  ])
  func reportsPositions(input: String, line: Int, column: Int) {
    #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
    do {
      _ = try JSONParser.parse(input)
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.column == column, "\(error)")
    }
  }

  @Test func skipKeysDropsSubtrees() throws {
    let v = try JSONParser.parse(Array(#"{"keep": 1, "responses": {"x": [1, {"y": 2}]}}"#.utf8), skipKeys: ["responses"])
    #expect(v["keep"] == 1)
    #expect(v["responses"] == .null)
  }

  @Test func memberFilterOmitsMembersByPath() throws {
    let text = #"{"a": {"x": 1, "y": {"x": 2}}, "b": [{"x": 3, "z": 4}], "x": 5}"#
    var seen: [String] = []
    let v = try JSONParser.parse(Array(text.utf8)) { path, key in
      seen.append((path + [key]).joined(separator: "/"))
      return !(key == "x" && path == ["a"]) && key != "z"
    }
    #expect(v == ["a": ["y": ["x": 2]], "b": [["x": 3]], "x": 5])
    #expect(seen == ["a", "a/x", "a/y", "a/y/x", "b", "b/x", "b/z", "x"])
  }

  @Test func omittedMembersAreStillValidated() {
    let text = #"{"keep": 1, "drop": {"x": [1, 2,]}}"#
    #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) { _, key in key != "drop" } }
  }

  /// Skipping (word-at-a-time scanning) must accept and reject exactly what building does,
  /// at every alignment: strings with escapes (good and bad), control bytes, UTF-8, and runs of
  /// whitespace. Seeded, so a failure reproduces.
  @Test func skippingAgreesWithBuilding() {
    var rng = SplitMix64(seed: 0x5EED)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("\\\"".utf8), Array("\\\\".utf8), Array("\\n".utf8), Array("\\u00e9".utf8),
      Array("\\u".utf8), Array("\\uD800".utf8), Array("\\uDC00".utf8), Array("\\uD83D\\uDE00".utf8), Array("\\u12g4".utf8),
      Array("g".utf8), Array("0".utf8), Array("\\q".utf8), Array("é".utf8), [0x01], [0x1F], [0x7F], [0xFF], [0x20],
      Array("\"".utf8), Array("\\".utf8), Array("        ".utf8), Array("\n".utf8), Array("\t".utf8), Array("}".utf8),
      Array(",".utf8),
    ]
    var accepted = 0
    for _ in 0..<5_000 {
      var value: [UInt8] = Array(String(repeating: " ", count: Int.random(in: 0...17, using: &rng)).utf8) + [0x22]
      for _ in 0..<Int.random(in: 0...24, using: &rng) { value += pieces.randomElement(using: &rng)! }
      if Bool.random(using: &rng) { value.append(0x22) }
      value += Array(String(repeating: Bool.random(using: &rng) ? " " : "\n", count: Int.random(in: 0...12, using: &rng)).utf8)
      let doc = Array(#"{"k": "#.utf8) + value + Array("}".utf8)
      var builtError: JSONParseError?
      var skippedError: JSONParseError?
      do { _ = try JSONParser.parse(doc) } catch { builtError = error }
      do {
        let v = try JSONParser.parse(doc) { _, _ in false }
        #expect(v == JSON.object(JSONObject()))
      } catch { skippedError = error }
      #expect(builtError == skippedError, "\(String(decoding: doc, as: UTF8.self).debugDescription)")
      if builtError == nil { accepted += 1 }
    }
    #expect(accepted > 100)
  }

  @Test func aMissingColonNamesTheDecodedKeyEitherWay() {
    let doc = Array(#"{"skip": {"a\"b\u00e9" 1}}"#.utf8)
    var built: JSONParseError?
    var skipped: JSONParseError?
    do { _ = try JSONParser.parse(doc) } catch { built = error }
    do { _ = try JSONParser.parse(doc) { _, _ in false } } catch { skipped = error }
    #expect(built != nil && built == skipped)
    #expect(built?.message == #"expected ':' after key "a"bé" but found '1'"#, "\(String(describing: built))")
  }

  /// Whitespace skipping checked against a byte-at-a-time reference: after a value and any mix of
  /// whitespace, the error must point at the first byte that is not whitespace.
  @Test func whitespaceEndsWhereAScalarScanEnds() {
    var rng = SplitMix64(seed: 42)
    let spaces: [UInt8] = [0x20, 0x20, 0x20, 0x0A, 0x09, 0x0D]
    for _ in 0..<2_000 {
      let run = (0..<Int.random(in: 0...40, using: &rng)).map { _ in spaces.randomElement(using: &rng)! }
      let stray = [UInt8]("x!a".utf8).randomElement(using: &rng)!
      let prefix = Array(#"{"k": 1"#.utf8)
      let doc = prefix + run + [stray] + Array("}".utf8)
      var expected = prefix.count
      while [0x20, 0x0A, 0x09, 0x0D].contains(doc[expected]) { expected += 1 }
      for members: JSONParser.MemberFilter? in [nil, { _, _ in false }] {
        do {
          _ = try JSONParser.parse(doc, members: members)
          Issue.record("a stray byte was accepted")
        } catch {
          #expect(error.offset == expected, "\(String(decoding: doc, as: UTF8.self).debugDescription)")
        }
      }
    }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
  }

  @Test func numbersPrintPerTheContract() {
    #expect(JSONWriter.formatNumber(3.0) == "3")
    #expect(JSONWriter.formatNumber(3.5) == "3.5")
    #expect(JSONWriter.formatNumber(500_000_500_000) == "500000500000")
    #expect(JSONWriter.formatNumber(0.1 + 0.2) == "0.30000000000000004")
    #expect(JSONWriter.formatNumber(-0.5) == "-0.5")
    #expect(JSONWriter.formatNumber(1e300) == "1e300")
    #expect(JSONWriter.formatNumber(1e-7) == "1e-7")
    #expect(JSONWriter.formatNumber(1e21) == "1e21")
    #expect(JSONWriter.formatNumber(-1.5e-10) == "-1.5e-10")
  }

  @Test func roundTripsThroughWriter() throws {
    let text = #"{"a":[1,2.5,"q\"\\\n"],"b":{"c":null,"d":false}}"#
    let v = try JSONParser.parse(text)
    #expect(JSONWriter.compact(v) == text)
    #expect(try JSONParser.parse(JSONWriter.pretty(v)) == v)
  }

  @Test func objectEqualityIgnoresKeyOrder() throws {
    #expect(try JSONParser.parse(#"{"a":1,"b":2}"#) == JSONParser.parse(#"{"b":2,"a":1}"#))
  }
}

@Suite struct CompactWriterTests {
  static let object: JSON = [
    "a": 1, "b": [true, false, .null], "c": "q\"uo\\te\n\t\u{01}é✓", "d": 1.5, "e": -42, "f": 1e300, "g": [:], "h": [],
  ]

  /// The byte serializer's exact output (the sandbox replies with it; `compact` decodes it).
  @Test(
    arguments: [
      (object, #"{"a":1,"b":[true,false,null],"c":"q\"uo\\te\n\t\u0001é✓","d":1.5,"e":-42,"f":1e300,"g":{},"h":[]}"#),
      ("plain", #""plain""#), (0, "0"), (-0.25, "-0.25"), (123_456_789_012, "123456789012"), (.number(-0.0), "0"),
      (.number(9_007_199_254_740_992), "9007199254740992"), (.number(.nan), "null"),
    ] as [(JSON, String)])
  func printsExactly(value: JSON, text: String) {
    #expect(String(decoding: JSONWriter.compactBytes(value), as: UTF8.self) == text)
    #expect(JSONWriter.compact(value) == text)
  }
}
