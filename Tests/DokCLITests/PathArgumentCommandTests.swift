import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// Issue 21 item 1 in the binary: `dok call`, `--curl`, `--wait` and `dok logs` take paths.
@Suite(.serialized, .timeLimit(.minutes(1))) struct PathArgumentCommandTests {
  @Test func callAndCurlResolveAPath() async throws {
    let s = try await QueueingDokploy.start()
    try await withTeardown {
      let app = s.addApplication(name: "api")
      let r = try DokProcess.run(
        ["call", "application.one", "application=queue/api", "-o", "json"], environment: CallWaitTests.env(s))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      #expect(r.stdout.contains("\"applicationId\":\"\(app)\""), "\(r.stdout)")
      let curl = try DokProcess.run(
        ["call", "application.one", "application=queue/production/api", "--curl"], environment: CallWaitTests.env(s))
      #expect(curl.status == ExitStatus.success.code, "\(curl.stderr)")
      #expect(curl.stdout.contains("applicationId=\(app)"), "\(curl.stdout)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func anUnknownNameIsRefusedBeforeTheCallIsSent() async throws {
    let s = try await QueueingDokploy.start()
    try await withTeardown {
      _ = s.addApplication(name: "api")
      let r = try DokProcess.run(["call", "application.deploy", "application=queue/apj"], environment: CallWaitTests.env(s))
      #expect(r.status == ExitStatus.apiError.code, "\(r.stderr)")
      #expect(r.stderr.contains("NOT_FOUND") && r.stderr.contains("did you mean 'api'"), "\(r.stderr)")
      #expect(s.requests("application.deploy") == 0)
      let both = try DokProcess.run(
        ["call", "application.one", "application=queue/api", "applicationId=x"], environment: CallWaitTests.env(s))
      #expect(both.status == ExitStatus.usage.code && both.stderr.contains("not both"), "\(both.stderr)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func waitAndLogsTakeAPath() async throws {
    let s = try await QueueingDokploy.start()
    try await withTeardown {
      let app = s.addApplication(name: "api")
      let w = try DokProcess.run(
        ["call", "application.deploy", "application=queue/api", "--wait", "--wait-every", "100ms", "-o", "json"],
        environment: CallWaitTests.env(s))
      #expect(w.status == ExitStatus.success.code, "\(w.stderr)")
      #expect(w.stdout.contains("\"status\":\"done\""), "\(w.stdout)")
      let logs = try DokProcess.run(["logs", "queue/api", "--tail", "3"], environment: CallWaitTests.env(s))
      #expect(logs.status == ExitStatus.success.code, "\(logs.stderr)")
      #expect(logs.stdout.split(separator: "\n").count == 3 && logs.stdout.contains(app), "\(logs.stdout)")
    } teardown: {
      await s.stop()
    }
  }
}
