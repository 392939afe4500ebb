import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// `dok call … --wait` follows the deployment its own call queued, while others queue deploys of
/// the same service: a plain `dok call` just before it, or another `dok call --wait` at once.
@Suite(.serialized, .timeLimit(.minutes(2))) struct CallWaitIdentityTests {
  static func server() async throws -> QueueingDokploy {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.3
    o.buildSeconds = 0.3
    return try await QueueingDokploy.start(o)
  }

  static func env(_ s: QueueingDokploy) -> [String: String] {
    DokProcess.isolatedEnvironment(["DOKPLOY_URL": s.url, "DOKPLOY_API_KEY": s.options.apiKey])
  }

  /// Runs the binary off Swift's cooperative pool (the test server's worker runs there).
  static func run(_ args: [String], _ env: [String: String]) async -> DokProcess.Result? {
    await withCheckedContinuation { c in
      DispatchQueue.global().async { c.resume(returning: try? DokProcess.run(args, environment: env, timeout: 60)) }
    }
  }

  static func row(_ r: DokProcess.Result?) -> JSON? {
    (r?.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).flatMap { try? JSONParser.parse($0) }
  }

  @Test func aDeployQueuedJustBeforeIsNotTakenForOurs() async throws {
    let s = try await Self.server()
    try await withTeardown {
      let app = s.addApplication()
      let env = Self.env(s)
      let first = await Self.run(["call", "application.deploy", "applicationId=\(app)", "title=first"], env)
      #expect(first?.status == ExitStatus.success.code, "\(first?.stderr ?? "")")
      let r = await Self.run(
        [
          "call", "application.deploy", "applicationId=\(app)", "title=second", "--wait", "--wait-every", "50ms", "--output",
          "json",
        ],
        env)
      #expect(r?.status == ExitStatus.success.code, "\(r?.stderr ?? "")")
      let row = Self.row(r)
      #expect(row?["title"]?.stringValue == "second", "\(r?.stdout ?? "")")
      #expect(row?["description"]?.stringValue?.hasSuffix("(dok call)") == true, "\(r?.stdout ?? "")")
      #expect(row?["deploymentId"]?.stringValue == s.deployments(app).first?["deploymentId"]?.stringValue)
    } teardown: {
      await s.stop()
    }
  }

  @Test func twoConcurrentWaitsOfTheSameServiceEachFollowTheirOwn() async throws {
    let s = try await Self.server()
    try await withTeardown {
      let app = s.addApplication()
      let env = Self.env(s)
      let args = ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms", "--output", "json"]
      async let a = Self.run(args, env)
      async let b = Self.run(args, env)
      let (ra, rb) = await (a, b)
      #expect(ra?.status == ExitStatus.success.code, "\(ra?.stderr ?? "")")
      #expect(rb?.status == ExitStatus.success.code, "\(rb?.stderr ?? "")")
      let ids = Set([Self.row(ra), Self.row(rb)].compactMap { $0?["deploymentId"]?.stringValue })
      #expect(ids.count == 2, "\(ra?.stdout ?? "") \(rb?.stdout ?? "")")
      #expect(ids == Set(s.deployments(app).compactMap { $0["deploymentId"]?.stringValue }))
    } teardown: {
      await s.stop()
    }
  }
}
