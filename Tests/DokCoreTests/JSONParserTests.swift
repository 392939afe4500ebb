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
    #expect(JSONWriter.formatNumber(1e300) == "1e+300")
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
