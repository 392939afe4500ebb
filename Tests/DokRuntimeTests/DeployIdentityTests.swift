import DokCore
import DokRuntime
import DokScript
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// `deploy` follows the deployment its own call queued while another client queues deploys of
/// the same service through the raw API: just before ours, just after, past the 11-row pruning,
/// with and without titles or descriptions.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DeployIdentityTests {
  static func options(queueDelay: Double = 0.3, build: Double = 0.2, queueList: Bool = true) -> QueueingDokploy.Options {
    var o = QueueingDokploy.Options()
    o.queueDelay = queueDelay
    o.buildSeconds = build
    o.queueList = queueList
    return o
  }

  /// Queues a deploy as another client would: a plain call, nothing followed.
  static func queue(_ h: QueueHarness, _ procedure: String, _ arguments: [String: String]) async throws {
    let args = arguments.sorted { $0.key < $1.key }.map { CallArgument(name: $0.key, value: .value(.string($0.value))) }
    _ = try await h.session.call(procedure: procedure, arguments: args)
  }

  static func id(_ row: JSON?) -> String { row?["deploymentId"]?.stringValue ?? "?" }

  @Test func anUntitledDeployQueuedJustBeforeOursIsNotTakenForOurs() async throws {
    let h = try await QueueHarness.start(Self.options())
    try await withTeardown {
      let app = h.server.addApplication()
      try await Self.queue(h, "application.deploy", ["applicationId": app])
      let r = await h.run(
        "$d = deploy application.deploy applicationId=\(app) every 0.05s\nprint $d.deploymentId\nprint $d.description")
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(app)
      #expect(rows.count == 2)
      #expect(r.sink.lines.first == Self.id(rows.first), "\(r.sink.lines) \(rows)")
      // dok named the run in the description it added: `dok <token> (deploy.dok:1)`.
      let description = r.sink.lines.last ?? ""
      #expect(description.hasPrefix("dok ") && description.hasSuffix("(deploy.dok:1)"), "\(description)")
      #expect(rows.last?["description"]?.stringValue == "")
    } teardown: {
      await h.stop()
    }
  }

  @Test func aTitledDeployQueuedJustBeforeOursIsNotTakenForOurs() async throws {
    let h = try await QueueHarness.start(Self.options())
    try await withTeardown {
      let app = h.server.addApplication()
      let r = await h.run(
        """
        application.deploy applicationId=\(app) title="plain"
        $d = deploy application.deploy applicationId=\(app) title="followed" every 0.05s
        print $d.title, $d.status
        """)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["followed done"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func aDeployQueuedJustAfterOursDoesNotReplaceIt() async throws {
    let h = try await QueueHarness.start(Self.options(queueDelay: 0.5))
    try await withTeardown {
      let app = h.server.addApplication()
      let run = Task { await h.run("$d = deploy application.deploy applicationId=\(app) every 0.05s\nprint $d.deploymentId") }
      for _ in 0..<200 where h.server.waitingJobs(app) == 0 { try await Task.sleep(for: .milliseconds(5)) }
      try await Self.queue(h, "application.deploy", ["applicationId": app])
      let r = await run.value
      #expect(r.code == 0, "\(r.diagnostics)")
      for _ in 0..<400 where h.server.deployments(app).count < 2 { try await Task.sleep(for: .milliseconds(5)) }
      let rows = h.server.deployments(app)
      #expect(rows.count == 2)
      #expect(r.sink.lines == [Self.id(rows.last)], "\(r.sink.lines) \(rows)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func elevenDeploysQueuedBeforeOursArePrunedPastAndOursIsStillFound() async throws {
    let h = try await QueueHarness.start(Self.options(queueDelay: 0.02, build: 0.02))
    try await withTeardown {
      let app = h.server.addApplication()
      h.server.seedDeployments(app, count: 11)
      for n in 1...11 { try await Self.queue(h, "application.deploy", ["applicationId": app, "title": "other \(n)"]) }
      let r = await h.run("$d = deploy application.deploy applicationId=\(app) every 0.05s\nprint $d.deploymentId, $d.title")
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(app)
      #expect(rows.count == 11)
      #expect(!rows.contains { $0["title"]?.stringValue == "other 1" })
      #expect(r.sink.lines == ["\(Self.id(rows.first)) Manual deployment"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func ourRowPrunedBeforeAnyPollSawItIsDeployLostNotSomeoneElses() async throws {
    let h = try await QueueHarness.start(Self.options(queueDelay: 0.1, build: 0.02))
    try await withTeardown {
      let app = h.server.addApplication()
      let run = Task { await h.run("deploy application.deploy applicationId=\(app) every 2s") }
      for _ in 0..<400 where h.server.waitingJobs(app) == 0 { try await Task.sleep(for: .milliseconds(2)) }
      for n in 1...11 { try await Self.queue(h, "application.deploy", ["applicationId": app, "title": "other \(n)"]) }
      let r = await run.value
      #expect(r.code == ExitStatus.deployFailed.code, "\(r.diagnostics)")
      let text = QueueHarness.text(r.diagnostics)
      #expect(text.contains("never appeared in deployment.all"), "\(text)")
      #expect(h.server.deployments(app).count == 11)
    } teardown: {
      await h.stop()
    }
  }

  @Test func ourRowPrunedWhileFollowedIsDeployLost() async throws {
    let h = try await QueueHarness.start(Self.options(queueDelay: 0.05, build: 3))
    try await withTeardown {
      let app = h.server.addApplication()
      let run = Task {
        await h.run("try { deploy application.deploy applicationId=\(app) every 50ms timeout 20s } catch $e { print $e.code }")
      }
      for _ in 0..<400 where h.server.deployments(app).isEmpty { try await Task.sleep(for: .milliseconds(5)) }
      // Prune once the follower has seen our row: a second listing after the row appeared was sent
      // after the first one's reply (which held it) came back.
      let listed = h.server.requests("deployment.all")
      for _ in 0..<400 where h.server.requests("deployment.all") < listed + 2 { try await Task.sleep(for: .milliseconds(5)) }
      try #require(h.server.requests("deployment.all") >= listed + 2, "the follower never listed the deployments")
      h.server.seedDeployments(app, count: 11)
      let r = await run.value
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["DEPLOY_LOST"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func ownDescriptionUsesTheQueueToSkipTheSameDescriptionAhead() async throws {
    let h = try await QueueHarness.start(Self.options())
    try await withTeardown {
      let app = h.server.addApplication()
      try await Self.queue(h, "application.deploy", ["applicationId": app, "description": "nightly"])
      let r = await h.run(
        "$d = deploy application.deploy applicationId=\(app) description=nightly every 0.05s\nprint $d.deploymentId")
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(app)
      #expect(rows.count == 2)
      #expect(r.sink.lines == [Self.id(rows.first)], "\(r.sink.lines) \(rows)")
      #expect(h.server.requests("deployment.queueList") == 1)
    } teardown: {
      await h.stop()
    }
  }

  @Test func ownDescriptionWithoutTheQueueAndTwoCandidatesFailsClearly() async throws {
    let h = try await QueueHarness.start(Self.options(queueDelay: 0.2, build: 0.05, queueList: false))
    try await withTeardown {
      let app = h.server.addApplication()
      try await Self.queue(h, "application.deploy", ["applicationId": app, "description": "nightly"])
      let r = await h.run(
        """
        try {
          deploy application.deploy applicationId=\(app) description=nightly every 1s
        } catch $e {
          print $e.code, len($e.deployments)
        }
        application.deploy applicationId=\(app) description=nightly
        deploy application.deploy applicationId=\(app) description=nightly every 1s
        """)
      #expect(r.code == ExitStatus.deployFailed.code, "\(r.diagnostics)")
      #expect(r.sink.lines.first == "DEPLOY_AMBIGUOUS 2", "\(r.sink.lines)")
      let text = QueueHarness.text(r.diagnostics)
      #expect(text.contains("cannot tell which of 2 new deployments"), "\(text)")
      for row in h.server.deployments(app).prefix(2) { #expect(text.contains(Self.id(row)), "\(text)") }
    } teardown: {
      await h.stop()
    }
  }

  @Test func theSandboxFollowsOurOwnDeployPastOnesQueuedJustBefore() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = await h.run(
        source: """
          $p = project.create name=p
          $id = (application.create name=web environmentId=$p.environment.environmentId).applicationId
          application.saveDockerProvider applicationId=$id dockerImage=nginx:alpine username=null password=null registryUrl=null
          application.deploy applicationId=$id
          $d = deploy application.deploy applicationId=$id every 50ms
          application.deploy applicationId=$id description=nightly
          $e = deploy application.deploy applicationId=$id description=nightly every 50ms
          $rows = deployment.all applicationId=$id
          print len($rows), $d.deploymentId == $rows[2].deploymentId, $e.deploymentId == $rows[0].deploymentId
          print startsWith($d.description, "dok "), $e.description
          """)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output == "4 true true\ntrue nightly", "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test(arguments: [
    ("compose.redeploy", "composeId"), ("compose.deploy", "composeId"), ("application.redeploy", "applicationId"),
    ("previewDeployment.redeploy", "previewDeploymentId"),
  ])
  func everyQueuedProcedureFollowsItsOwnRowPastAnEarlierOne(procedure: String, idParameter: String) async throws {
    let h = try await QueueHarness.start(Self.options())
    try await withTeardown {
      let id =
        switch idParameter {
        case "composeId": h.server.addCompose()
        case "previewDeploymentId": h.server.addPreview()
        default: h.server.addApplication()
        }
      try await Self.queue(h, procedure, [idParameter: id])
      let r = await h.run("$d = deploy \(procedure) \(idParameter)=\(id) every 0.05s\nprint $d.deploymentId")
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(id)
      #expect(rows.count == 2)
      #expect(r.sink.lines == [Self.id(rows.first)], "\(procedure): \(r.sink.lines) \(rows)")
    } teardown: {
      await h.stop()
    }
  }
}
