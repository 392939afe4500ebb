import DokCore
import Testing

@testable import DokScript

/// JUnit XML and TAP from recorded asserts, failed waits and uncaught errors.
@Suite struct ReportTests {
  func cases() async -> [TestCase] {
    let s = Interpreter(host: FakeHost(), options: ScriptOptions(keepGoing: true))
    let src = """
      assert 1 == 1
      assert "a" == "b", "<bad & \\"quoted\\">"
      try { wait until false every 1s timeout 2s } catch { }
      fail.api x=1
      """
    let o = await s.execute(source: src, file: "r.dok")
    #expect(o.exitCode == 3)
    return s.testCases
  }

  @Test func recordsCases() async {
    let c = await cases()
    #expect(c.map(\.kind) == [.assert, .assert, .wait, .error])
    #expect(c.map(\.passed) == [true, false, false, false])
    #expect(c.map(\.line) == [1, 2, 3, 4])
    #expect(c[1].message.contains("(left: \"a\", right: \"b\")"))
    #expect(c[3].message.contains("BAD_REQUEST 400"))
  }

  @Test func junit() async {
    let xml = JUnitReport.render(await cases(), suite: "r.dok")
    #expect(
      xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"4\" failures=\"2\" errors=\"1\""))
    #expect(
      xml.contains("<testcase classname=\"r.dok\" name=\"r.dok:1: assert 1 == 1\" file=\"r.dok\" line=\"1\" time=\"0.0\"/>"))
    #expect(xml.contains("&lt;bad &amp; \\&quot;quoted\\&quot;&gt;"))
    #expect(xml.contains("<failure type=\"wait\""))
    #expect(xml.hasSuffix("</testsuite>\n</testsuites>\n"))
  }

  @Test func tap() async {
    let tap = TAPReport.render(await cases())
    let lines = tap.split(separator: "\n").map(String.init)
    #expect(lines[0] == "TAP version 13")
    #expect(lines[1] == "1..4")
    #expect(lines[2] == "ok 1 - r.dok:1: assert 1 == 1")
    #expect(lines[3].hasPrefix("not ok 2 - r.dok:2: assert \"a\" == \"b\""))
    #expect(lines[4] == "  ---")
    #expect(tap.contains("  kind: wait"))
    #expect(tap.contains("not ok 4 - r.dok:4: fail.api x=1"))
  }
}
