import DokCore
import DokScript
import DokSpec
import Synchronization
import Testing

@testable import DokREPL

/// Completion from what the session's results showed, through a REPL that made the calls:
/// paths in a `wait` condition from the waited call's latest result, values after `==`, the
/// member named like the parameter first, and live IDs with the names of what they identify.
@Suite struct SessionCompletionTests {
  static let catalog: Catalog = try! SpecLoader.load(
    FileIO.read(REPLFixtures.path("conditions.json")), source: "conditions.json")

  /// A fake server: `application.one` answers "running" the first time and "done" after, with
  /// its keys in an order where `applicationId` is not first; `compose.one` answers a compose.
  static func caller() -> FakeCaller {
    let count = Mutex(0)
    return FakeCaller { name, args throws(CallError) in
      let id: String =
        args.first.map { a in
          if case .value(.string(let s)) = a.value { return s }
          if case .bare(let s) = a.value { return s }
          return "?"
        } ?? "?"
      switch name {
      case "application.one":
        let n = count.withLock { c -> Int in
          c += 1
          return c
        }
        let app = id == "Zr81pd" ? "shop-api" : "shop-web"
        return [
          "name": .string(app), "appName": .string(app + "-x1y2z3"), "applicationStatus": n == 1 ? "running" : "done",
          "applicationId": .string(id), "environmentId": "env-1", "refreshToken": "tok-123456789",
          "deployments": [["deploymentId": "dep-1", "title": "Manual deployment", "status": "error"]],
        ]
      case "compose.one":
        return ["composeId": .string(id), "name": "db-stack", "composeStatus": "idle", "sourceType": "raw"]
      default:
        throw CallError(kind: .api, message: "no such fake procedure \(name)")
      }
    }
  }

  /// A REPL that ran these lines against the fake server.
  static func session(_ lines: [String]) async -> REPLHarness {
    let h = REPLHarness(lines.map { .line($0) }, catalog: catalog, caller: caller())
    #expect(await h.run() == 0, "\(h.capture.err)")
    return h
  }

  static let standard = [
    "$a = application.one applicationId=k3Qx9a", "application.one applicationId=k3Qx9a",
    "$b = application.one applicationId=Zr81pd", "compose.one composeId=c-1",
  ]

  func texts(_ h: REPLHarness, _ line: String) -> [String] {
    h.repl.complete(line: line, cursor: line.count).candidates.map(\.text)
  }

  @Test func pathsInAWaitConditionComeFromTheWaitedCallsLatestResult() async {
    let h = await Self.session(Self.standard)
    // `$_` is compose.one's result; the condition's `.` is application.one's latest.
    #expect(
      texts(h, "wait application.one applicationId=$a.applicationId until .appl") == [".applicationStatus", ".applicationId"])
    #expect(
      texts(h, "wait application.one applicationId=$a.applicationId until .deployments[0].st") == [".deployments[0].status"])
    #expect(
      texts(h, "wait application.one applicationId=$a.applicationId until $_.appl") == [
        "$_.applicationStatus", "$_.applicationId",
      ])
    #expect(texts(h, "$r = wait application.one applicationId=x until .applicationStatus == \"done\" && .n") == [".name"])
    // Outside a wait condition `.` and `$_` are the last result.
    #expect(texts(h, "print $_.comp") == ["$_.composeId", "$_.composeStatus"])
    #expect(texts(h, "if .comp") == [".composeId", ".composeStatus"])
    #expect(texts(h, "wait until .comp") == [".composeId", ".composeStatus"])
    // Inside a function call `.` is an element: nothing is guessed.
    #expect(texts(h, "print filter($1.deployments, .st") == [])
  }

  @Test func aWaitsFinalResultIsItsCallsLatestResult() async {
    // No call event reports a wait's result: the REPL records what the entry added.
    let h = await Self.session([
      #"wait application.one applicationId=k3Qx9a until .applicationStatus == "done" every 10ms timeout 10s"#,
      "compose.one composeId=c-1",
    ])
    #expect(texts(h, "wait application.one applicationId=k3Qx9a until .appl") == [".applicationStatus", ".applicationId"])
    #expect(
      texts(h, "wait application.one applicationId=k3Qx9a until .applicationStatus == ") == [
        #""done""#, #""idle""#, #""running""#, #""error""#,
      ])
  }

  @Test func afterEqualsTheValuesSeenThenTheDocumentsEnum() async {
    let h = await Self.session(Self.standard)
    let wait = "wait application.one applicationId=$a.applicationId until .applicationStatus == "
    // Seen newest first, then the document's enum values not seen.
    #expect(texts(h, wait) == [#""done""#, #""running""#, #""idle""#, #""error""#])
    let hints = h.repl.complete(line: wait, cursor: wait.count).candidates.map(\.hint)
    #expect(hints == ["seen, in the document", "seen, in the document", "in the document", "in the document"])
    #expect(texts(h, wait + #""d"#) == [#""done""#])
    #expect(texts(h, wait + "e") == [#""error""#])
    #expect(texts(h, #"if $a.applicationStatus != "#).first == #""done""#)
    #expect(texts(h, #"assert .deployments[0].status == "#) == [#""error""#])
    // The waited call's router decides which `sourceType` enum: compose's, after the seen "raw".
    #expect(texts(h, "wait compose.one composeId=c-1 until .sourceType == ") == [#""raw""#, #""git""#, #""github""#])
    // A secret-looking field's values are never offered.
    #expect(texts(h, "if $a.refreshToken == ") == [])
    // Then `every` and `timeout` still follow a complete condition.
    #expect(texts(h, wait + #""done" "#) == ["every", "timeout"])
  }

  @Test func theMemberNamedLikeTheParameterComesFirst() async {
    let h = await Self.session(Self.standard)
    let line = "application.deploy applicationId=$a."
    let result = h.repl.complete(line: line, cursor: line.count)
    #expect(result.candidates.first?.text == "applicationId=$a.applicationId")
    #expect(result.candidates.count > 3)
    // One Tab inserts it; the listing shows the paths without the `key=`.
    #expect(result.preferred?.text == "applicationId=$a.applicationId")
    #expect(result.candidates.first?.display == "$a.applicationId")
    #expect(texts(h, "application.update applicationId=x sourceType=$a.").first == "sourceType=$a.name")
  }

  @Test func liveIDsAreListedWithTheNameOfWhatTheyIdentify() async {
    let h = await Self.session(Self.standard)
    let line = "application.deploy applicationId="
    let result = h.repl.complete(line: line, cursor: line.count)
    #expect(result.candidates.map(\.text) == ["applicationId=Zr81pd", "applicationId=k3Qx9a"])
    #expect(result.candidates.map(\.hint) == ["shop-api (shop-api-x1y2z3)", "shop-web (shop-web-x1y2z3)"])
    var tabs = CompletionTabs()
    #expect(tabs.tab(line: line, result: result) == .beep)
    guard case .list(let listing) = tabs.tab(line: line, result: result) else {
      Issue.record("a second Tab lists the IDs")
      return
    }
    let plain = listing.replacing("\u{1B}[2m", with: "").replacing("\u{1B}[0m", with: "")
    #expect(plain == "Zr81pd  shop-api (shop-api-x1y2z3)\nk3Qx9a  shop-web (shop-web-x1y2z3)")
    // A reference is not named after the row that holds it: env-1 is not "shop-web".
    #expect(h.repl.completionContext().seen.label(for: "env-1") == nil)
    #expect(h.repl.completionContext().seen.label(for: "dep-1") == "Manual deployment")
  }

  @Test func aReferenceNeverRenamesWhatItPointsTo() {
    var seen = LiveIDIndex()
    seen.record(["applicationId": "k3Qx9a", "name": "shop-web", "appName": "app-shop-web-x1"], procedure: "application.one")
    // `deploy application.deploy …`'s result is a deployment row that names the application.
    seen.record(
      ["deploymentId": "d-1", "title": "Manual deployment", "applicationId": "k3Qx9a"], procedure: "application.deploy")
    #expect(seen.label(for: "k3Qx9a") == "shop-web (app-shop-web-x1)")
    #expect(seen.label(for: "d-1") == "Manual deployment")
    #expect(seen.latest("application.deploy")?["deploymentId"] == "d-1")
  }
}
