import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Issue 21 item 6: `dok run --profile a,b,c` and `dok call --profile a,b` go to a fleet of
/// servers, one after the other or `--parallel N`, grouped per server, ending with the worst code.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FleetTests {
  /// A private home whose config.toml names each server as a profile (`a`, `b`, …) and one
  /// profile `down` on a closed port.
  static func fleetEnvironment(_ servers: [QueueingDokploy]) throws -> [String: String] {
    let env = DokProcess.isolatedEnvironment()
    let dir = env["XDG_CONFIG_HOME"]! + "/dok"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var text = ""
    for (name, s) in zip(["a", "b", "c"], servers) {
      text += "[profiles.\(name)]\nurl = \"\(s.url)\"\napi_key = \"\(s.options.apiKey)\"\n\n"
    }
    text += "[profiles.down]\nurl = \"http://127.0.0.1:9\"\napi_key = \"k\"\n"
    try FileIO.writeAtomically(dir + "/config.toml", Array(text.utf8), mode: 0o600)
    return env
  }

  /// Starts `count` queueing servers, runs `body` with them, and stops them afterwards, awaited
  /// whether `body` threw or not.
  static func withServers(_ count: Int, _ body: ([QueueingDokploy]) async throws -> Void) async throws {
    var servers: [QueueingDokploy] = []
    for _ in 0..<count { servers.append(try await QueueingDokploy.start()) }
    try await withTeardown({ try await body(servers) }, teardown: { for s in servers { await s.stop() } })
  }

  static func runbook(_ text: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-fleet-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try text.write(toFile: dir + "/fleet.dok", atomically: true, encoding: .utf8)
    return dir + "/fleet.dok"
  }

  /// The same runbook, written with a path, on two servers whose ids differ.
  static let deployByPath = """
    $app = application.one application=queue/api
    print "app ${$app.applicationId}"
    $d = deploy application.deploy application=queue/api every 100ms timeout 30s
    assert $d.status == "done"
    """

  @Test func aRunbookWithPathsRunsUnchangedOnTwoServersWithDifferentIds() async throws {
    try await Self.withServers(2) { servers in
      let (a, b) = (servers[0], servers[1])
      _ = b.addApplication(name: "other")  // the servers' ids differ
      let (appA, appB) = (a.addApplication(name: "api"), b.addApplication(name: "api"))
      #expect(appA != appB)
      let file = try Self.runbook(Self.deployByPath)
      let r = try DokProcess.run(["run", "--profile", "a,b", file], environment: try Self.fleetEnvironment([a, b]))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      // Output grouped per server, in the order given, each with its own id.
      let headA = try #require(r.stdout.range(of: "── a · \(a.url)"), "\(r.stdout)")
      let headB = try #require(r.stdout.range(of: "── b · \(b.url)"), "\(r.stdout)")
      let lineA = try #require(r.stdout.range(of: "app \(appA)"), "\(r.stdout)")
      let lineB = try #require(r.stdout.range(of: "app \(appB)"), "\(r.stdout)")
      #expect(headA.upperBound < lineA.lowerBound && lineA.upperBound < headB.lowerBound && headB.upperBound < lineB.lowerBound)
      #expect(a.deployments(appA).count == 1 && b.deployments(appB).count == 1)
      #expect(r.stderr.contains("all 2 servers: ok"), "\(r.stderr)")
    }
  }

  @Test func theRunEndsWithTheWorstCodeAndTheReportHasOneSuitePerServer() async throws {
    try await Self.withServers(2) { servers in
      let (a, b) = (servers[0], servers[1])
      _ = a.addApplication(name: "api")
      _ = b.addApplication(name: "web")  // no `api` here: the path is refused before anything is sent (exit 3)
      let file = try Self.runbook(Self.deployByPath)
      let report = URL(fileURLWithPath: file).deletingLastPathComponent().path + "/report.xml"
      let r = try DokProcess.run(
        ["run", "--profile", "a,b,down", "--parallel", "3", "--report", "junit=\(report)", file],
        environment: try Self.fleetEnvironment([a, b]))
      #expect(r.status == ExitStatus.transport.code, "the worst of 0, 3 and 4 is 4: \(r.stderr)")
      #expect(b.requests("application.deploy") == 0)
      // The summary names every server with its code.
      for (name, code) in [("a", 0), ("b", 3), ("down", 4)] {
        #expect(r.stderr.contains(try Regex("\\n\(name) +\\S+ +\(code) ")), "\(name) \(code): \(r.stderr)")
      }
      #expect(r.stderr.contains("2 of 3 servers failed; exit 4"), "\(r.stderr)")
      // Each server's output is one group, whatever order they ended in.
      for name in ["a", "b", "down"] { #expect(r.stdout.components(separatedBy: "── \(name) · ").count == 2, "\(r.stdout)") }
      let xml = try String(contentsOfFile: report, encoding: .utf8)
      let elements = try #require(RunReportTests.Elements.parse(xml), "\(xml)")
      let suites = elements.named("testsuite")
      #expect(suites.map { String($0["name"]?.prefix(while: { $0 != ":" }) ?? "") } == ["a", "b", "down"], "\(xml)")
      #expect(suites[0]["failures"] == "0" && suites[0]["errors"] == "0", "\(xml)")
      #expect(suites[1]["errors"] != "0" || suites[1]["failures"] != "0", "b's failed path is in its suite: \(xml)")
      #expect(suites[2]["errors"] == "1", "a server that never ran is an error, not a silence: \(xml)")
      let top = try #require(elements.named("testsuites").first)
      #expect(top["errors"] != "0", "\(xml)")
    }
  }

  @Test func aServerWhoseRunFailedWithoutAFailedCaseIsRedInTheReport() async throws {
    try await Self.withServers(2) { servers in
      let (a, b) = (servers[0], servers[1])
      let file = try Self.runbook("print \"fine\"\nexit 3\n")
      let report = URL(fileURLWithPath: file).deletingLastPathComponent().path + "/exit.xml"
      let r = try DokProcess.run(
        ["run", "--profile", "a,b", "--report", "junit=\(report)", file], environment: try Self.fleetEnvironment([a, b]))
      #expect(r.status == 3, "\(r.stderr)")
      let xml = try String(contentsOfFile: report, encoding: .utf8)
      let elements = try #require(RunReportTests.Elements.parse(xml), "\(xml)")
      let top = try #require(elements.named("testsuites").first)
      #expect(top["errors"] != "0" || top["failures"] != "0", "exit 3 on both servers is red: \(xml)")
      #expect(elements.named("error").count + elements.named("failure").count >= 2, "\(xml)")
    }
  }

  @Test func aCallGoesToEachServerUnderItsName() async throws {
    try await Self.withServers(2) { servers in
      let (a, b) = (servers[0], servers[1])
      _ = b.addApplication(name: "other")  // the servers' ids differ
      let (appA, appB) = (a.addApplication(name: "api"), b.addApplication(name: "api"))
      let r = try DokProcess.run(
        ["call", "--profile", "b,a", "application.one", "application=queue/api", "-o", "json"],
        environment: try Self.fleetEnvironment([a, b]))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      let parts = r.stdout.components(separatedBy: "── ")
      try #require(parts.count == 3, "\(r.stdout)")
      #expect(parts[1].hasPrefix("b · ") && parts[1].contains(appB) && !parts[1].contains(appA), "\(r.stdout)")
      #expect(parts[2].hasPrefix("a · ") && parts[2].contains(appA) && !parts[2].contains(appB), "\(r.stdout)")
    }
  }

  @Test func aFleetIsCheckedBeforeAnythingRuns() async throws {
    try await Self.withServers(1) { servers in
      let a = servers[0]
      let env = try Self.fleetEnvironment([a])
      let file = try Self.runbook("print 1\n")
      let unknown = try DokProcess.run(["run", "--profile", "a,dwon", file], environment: env)
      #expect(unknown.status == ExitStatus.usage.code && unknown.stderr.contains("did you mean 'down'"), "\(unknown.stderr)")
      let url = try DokProcess.run(["run", "--profile", "a,down", "--url", a.url, file], environment: env)
      #expect(url.status == ExitStatus.usage.code && url.stderr.contains("--url names one server"), "\(url.stderr)")
      let key = try DokProcess.run(["call", "--profile", "a,down", "--api-key", "k", "project.all"], environment: env)
      #expect(key.status == ExitStatus.usage.code && key.stderr.contains("--api-key is one server's key"), "\(key.stderr)")
      let logs = try DokProcess.run(["whoami", "--profile", "a,down"], environment: env)
      #expect(logs.status == ExitStatus.usage.code && logs.stderr.contains("only dok run and dok call"), "\(logs.stderr)")
      let stdin = try DokProcess.run(["run", "--profile", "all", "-"], stdin: "print 1\n", environment: env)
      #expect(stdin.status == ExitStatus.usage.code && stdin.stderr.contains("save it to a file"), "\(stdin.stderr)")
      #expect(a.requests("project.all") == 0, "nothing was sent")
    }
  }

  @Test func aStrayMemberVariableChangesNothingOutsideAFleet() async throws {
    try await Self.withServers(1) { servers in
      let a = servers[0]
      var env = try Self.fleetEnvironment([a])
      env["DOK_FLEET_MEMBER"] = "down"
      let r = try DokProcess.run(["call", "--profile", "a", "project.all"], environment: env)
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    }
  }

  @Test func ctrlCReachesTheRunningServerAndTheRestAreReportedInterrupted() async throws {
    try await Self.withServers(2) { servers in
      let (a, b) = (servers[0], servers[1])
      let file = try Self.runbook("print \"started\"\nsleep 60s\n")
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DokProcess.binary)
      p.arguments = ["run", "--profile", "a,b", file]
      p.environment = try Self.fleetEnvironment([a, b])
      let out = Pipe()
      let err = Pipe()
      (p.standardOutput, p.standardError) = (out, err)
      try p.run()
      // Wait (bounded) until the first server's run has started, then interrupt dok alone.
      let started = DispatchSemaphore(value: 0)
      DispatchQueue.global().async {
        var seen = ""
        while !seen.contains("started") {
          let chunk = out.fileHandleForReading.availableData
          if chunk.isEmpty { break }
          seen += String(decoding: chunk, as: UTF8.self)
        }
        started.signal()
      }
      #expect(started.wait(timeout: .now() + 30) == .success, "the first run never started")
      let (status, stderr) = DokProcess.signal(p, SIGINT, stderr: err)
      #expect(status == ExitStatus.interrupted.code, "\(stderr)")
      let (lineA, lineB) = (try Regex("\\na +\\S+ +130 "), try Regex("\\nb +\\S+ +130 "))
      #expect(stderr.contains(lineA) && stderr.contains(lineB), "\(stderr)")
    }
  }

  @Test func aProfileCannotBeNamedLikeAFleet() async throws {
    try await Self.withServers(1) { servers in
      let a = servers[0]
      for name in ["all", "a,b"] {
        let r = try DokProcess.run(
          ["login", "--url", a.url, "--profile", name, "--key-cmd", "echo \(a.options.apiKey)"],
          environment: DokProcess.isolatedEnvironment())
        #expect(r.status == ExitStatus.usage.code && r.stderr.contains("names a fleet"), "\(r.stderr)")
      }
    }
  }
}
