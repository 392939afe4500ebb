import DokCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Issue 20, item 3, through the binary: `--report junit=…`/`tap=…` never hide a failure. A
/// failed `deploy` (exit 7), a check error, an `exit 3` and a bad argument are failed cases,
/// and the counts are true.
@Suite(.timeLimit(.minutes(2))) struct RunReportTests {
  /// Each element's name and attributes, in document order.
  final class Elements: NSObject, XMLParserDelegate {
    var all: [(name: String, attributes: [String: String])] = []
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      all.append((elementName, attributes))
    }
    func named(_ n: String) -> [[String: String]] { all.filter { $0.name == n }.map(\.attributes) }

    /// The elements of `xml`, or nil when it does not parse.
    static func parse(_ xml: String) -> Elements? {
      let parser = XMLParser(data: Data(xml.utf8))
      let elements = Elements()
      parser.delegate = elements
      return parser.parse() ? elements : nil
    }
  }

  struct Reports {
    var status: Int32
    var stderr: String
    var suite: [String: String]
    /// `failure`/`error` elements with their `type`.
    var problems: [(element: String, type: String)]
    /// TAP: the plan line and ok/not ok per test.
    var plan: String
    var results: [Bool]
  }

  func run(_ source: String, _ extra: [String] = []) throws -> Reports {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-rr-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let f = "\(dir)/r.dok"
    try source.write(toFile: f, atomically: true, encoding: .utf8)
    let r = try DokProcess.run(
      [
        "run", "--sandbox", "--deploy-seconds", "0.2", "--queue-delay", "0.1", "--report", "junit=\(dir)/r.xml", "--report",
        "tap=\(dir)/r.tap", f,
      ]
        + extra)
    let xml = (try? String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8)) ?? ""
    let elements = Elements()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = elements
    #expect(parser.parse(), "not well-formed: \(xml)\n\(r.stderr)")
    let problems = elements.all.filter { ["failure", "error"].contains($0.name) }.map { ($0.name, $0.attributes["type"] ?? "") }
    let tap = ((try? String(contentsOfFile: "\(dir)/r.tap", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    let results = tap.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }.map { $0.hasPrefix("ok ") }
    return Reports(
      status: r.status, stderr: r.stderr, suite: elements.named("testsuite").first ?? [:], problems: problems,
      plan: tap.count > 1 ? tap[1] : "", results: results)
  }

  @Test func aFailedDeployIsAFailedCase() throws {
    let r = try run(
      """
      $p = project.create name=rep
      $a = application.create name=web environmentId=$p.environment.environmentId
      application.saveDockerProvider applicationId=$a.applicationId dockerImage=registry.example/fail:1 username=null password=null registryUrl=null
      assert $a.name == "web"
      deploy application.deploy applicationId=$a.applicationId every 0.05s

      """)
    #expect(r.status == ExitStatus.deployFailed.code, "\(r.stderr)")
    #expect(r.suite["tests"] == "2" && r.suite["failures"] == "1" && r.suite["errors"] == "0", "\(r.suite)")
    #expect(r.problems.map(\.type) == ["deploy"])
    #expect(r.plan == "1..2")
    #expect(r.results == [true, false])
  }

  @Test func aCheckErrorIsAFailedCase() throws {
    let r = try run("project.all\nproject.create nmae=x\n")
    #expect(r.status == ExitStatus.usage.code, "\(r.stderr)")
    // Two check errors: the unknown parameter and the missing `name`.
    #expect(r.suite["tests"] == "2" && r.suite["errors"] == "2", "\(r.suite)")
    #expect(r.problems.map(\.type) == ["check", "check"])
    #expect(r.results == [false, false])
  }

  @Test(arguments: [("assert true\nexit 3\n", Int32(3)), ("print $x\n", ExitStatus.usage.code)])
  func aRedRunWithoutAFailedStatementStillHasAFailedCase(source: String, code: Int32) throws {
    // `exit 3` fails the run with no failed statement; `x` is a bad argument name before running.
    let r = try run(source, code == 3 ? [] : ["1x=2"])
    #expect(r.status == code, "\(r.stderr)")
    #expect(r.suite["errors"] == "1", "\(r.suite)")
    #expect(r.results.last == false, "\(r.results)")
  }
}
