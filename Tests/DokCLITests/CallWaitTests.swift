import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// `dok call PROC … --wait` against a server that queues deploys: the final row on stdout,
/// progress and build-log lines on stderr, exit 0 / 5 / 7.
@Suite(.serialized, .timeLimit(.minutes(2))) struct CallWaitTests {
  static func server(queueDelay: Double = 0.1, build: Double = 0.3) async throws -> QueueingDokploy {
    var o = QueueingDokploy.Options()
    o.queueDelay = queueDelay
    o.buildSeconds = build
    return try await QueueingDokploy.start(o)
  }

  static func env(_ s: QueueingDokploy) -> [String: String] {
    DokProcess.isolatedEnvironment(["DOKPLOY_URL": s.url, "DOKPLOY_API_KEY": s.options.apiKey])
  }

  @Test func aGoodDeployPrintsTheRowAndExits0() async throws {
    let s = try await Self.server()
    try await withTeardown {
      let app = s.addApplication()
      let r = try DokProcess.run(
        ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms", "--output", "json"],
        environment: Self.env(s))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      let row = try JSONParser.parse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
      #expect(row["status"]?.stringValue == "done")
      #expect(row["deploymentId"]?.stringValue == s.deployments(app).first?["deploymentId"]?.stringValue)
      #expect(r.stderr.contains("Pulling image nginx:alpine"), "\(r.stderr)")
      #expect(!r.stdout.contains("Pulling image"))
      #expect(!r.stderr.contains(s.options.apiKey))
    } teardown: {
      await s.stop()
    }
  }

  @Test func aFailedDeployExits7WithTheLog() async throws {
    let s = try await Self.server()
    try await withTeardown {
      let app = s.addApplication(image: "registry.example/fail:1")
      let r = try DokProcess.run(
        ["call", "application.redeploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms"], environment: Self.env(s))
      #expect(r.status == ExitStatus.deployFailed.code, "\(r.stderr)")
      #expect(r.stdout.isEmpty)
      #expect(r.stderr.contains("ERROR: pull access denied for registry.example/fail:1"), "\(r.stderr)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func aTimeoutExits5() async throws {
    let s = try await Self.server(queueDelay: 5)
    try await withTeardown {
      let app = s.addApplication()
      let r = try DokProcess.run(
        ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms", "--wait-timeout", "300ms"],
        environment: Self.env(s))
      #expect(r.status == ExitStatus.timeout.code, "\(r.stderr)")
      #expect(r.stderr.contains("in phase queued"), "\(r.stderr)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func ctrlCStopsFollowingWith130AndTheDeployGoesOn() async throws {
    let s = try await Self.server(queueDelay: 0.05, build: 5)
    try await withTeardown {
      let app = s.addApplication()
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DokProcess.binary)
      p.arguments = ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms"]
      p.environment = Self.env(s)
      let err = Pipe()
      p.standardError = err
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      let collected = LockedData()
      err.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
      for _ in 0..<300 where !collected.text.contains("Pulling image") { try await Task.sleep(for: .milliseconds(20)) }
      kill(p.processIdentifier, SIGINT)
      for _ in 0..<250 where p.isRunning { try await Task.sleep(for: .milliseconds(20)) }
      if p.isRunning { p.terminate() }
      p.waitUntilExit()
      err.fileHandleForReading.readabilityHandler = nil
      #expect(p.terminationStatus == ExitStatus.interrupted.code, "\(collected.text)")
      #expect(collected.text.contains("the deploy goes on on the server"), "\(collected.text)")
      #expect(s.status(app) == "running")
    } teardown: {
      await s.stop()
    }
  }

  @Test func aCallThatQueuesNoDeployIsAUsageError() async throws {
    let s = try await Self.server()
    try await withTeardown {
      let r = try DokProcess.run(["call", "project.all", "--wait"], environment: Self.env(s))
      #expect(r.status == ExitStatus.usage.code, "\(r.stderr)")
      #expect(r.stderr.contains("starts no deploy"), "\(r.stderr)")
      #expect(s.requests("project.all") == 0)
    } teardown: {
      await s.stop()
    }
  }
}
