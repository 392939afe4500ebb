import DokCore
import Foundation
import Testing

@testable import DokScript

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Issue 14, bug 10: the JUnit report read back by an XML parser. An assert in a loop gives one
/// test case per run with unique names; a failed call is an `<error>` counted under `errors`,
/// a failed assert a `<failure>` counted under `failures`.
@Suite struct JUnitShapeTests {
  /// What the parser saw: each element's name and attributes, in document order.
  final class Elements: NSObject, XMLParserDelegate {
    var all: [(name: String, attributes: [String: String])] = []
    var problem: Error?
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      all.append((elementName, attributes))
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { problem = parseError }
    func named(_ n: String) -> [[String: String]] { all.filter { $0.name == n }.map(\.attributes) }
  }

  static func parse(_ xml: String) -> (ok: Bool, Elements) {
    let elements = Elements()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = elements
    let ok = parser.parse()
    return (ok, elements)
  }

  @Test func loopsGiveUniqueNamesAndCallsAreErrors() async {
    let s = Interpreter(host: FakeHost(), options: ScriptOptions(keepGoing: true))
    let src = """
      for $i in 1..3 { assert $i < 2, "small <&> \\"quoted\\"" }
      fail.api x=1
      $t = fail.transport
      print "end"
      """
    let o = await s.execute(source: src, file: "loop.dok")
    #expect(o.exitCode == ExitStatus.transport.code, "the worst of 1, 3 and 4")
    let xml = JUnitReport.render(s.testCases, suite: "loop.dok")
    let (ok, e) = Self.parse(xml)
    #expect(ok, "not well-formed: \(String(describing: e.problem))\n\(xml)")
    #expect(e.all.first?.name == "testsuites")
    #expect(e.named("testsuite").count == 1)
    let suite = e.named("testsuite").first ?? [:]
    #expect(suite["tests"] == "5" && suite["failures"] == "2" && suite["errors"] == "2", "\(suite)")
    let top = e.named("testsuites").first ?? [:]
    #expect(top["tests"] == "5" && top["failures"] == "2" && top["errors"] == "2", "\(top)")
    let names = e.named("testcase").map { $0["name"] ?? "" }
    #expect(names.count == 5)
    #expect(Set(names).count == names.count, "duplicate testcase names: \(names)")
    let loop = #"loop.dok:1: assert $i < 2, "small <&> \"quoted\"""#
    #expect(Array(names.prefix(3)) == [loop, loop + " #2", loop + " #3"], "\(names)")
    #expect(e.named("failure").map { $0["type"] } == ["assert", "assert"])
    #expect(e.named("error").map { $0["type"] } == ["error", "error"])
    #expect(e.named("error").first?["message"]?.contains("BAD_REQUEST 400") == true)
  }
}
