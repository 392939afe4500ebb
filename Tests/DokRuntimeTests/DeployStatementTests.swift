import DokCore
import DokRuntime
import DokScript
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// `deploy` against a server that queues deploys like a real Dokploy (one worker, a delay
/// before the row appears, the previous status visible meanwhile).
@Suite(.serialized, .timeLimit(.minutes(2))) struct DeployStatementTests {
  static func fast() -> QueueingDokploy.Options {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.3
    o.buildSeconds = 0.3
    return o
  }

  @Test func redeployToAFailingImageIsExit7WithTheFailingLogLine() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let app = h.server.addApplication(image: "nginx:alpine")
      let first = await h.run("deploy application.deploy applicationId=\(app) every 0.05s")
      #expect(first.code == 0, "\(first.diagnostics)")
      #expect(h.server.status(app) == "done")
      h.server.setImage(app, "registry.example/fail:2")
      // The naive idiom answers at once with the previous deploy's `done`: the reason `deploy` exists.
      let naive = await h.run(
        """
        application.redeploy applicationId=\(app)
        wait application.one applicationId=\(app) until .applicationStatus in ["done", "error"] every 0.05s
        print $_.applicationStatus
        """)
      #expect(naive.sink.output == "done")
      let r = await h.run("deploy application.redeploy applicationId=\(app) every 0.05s")
      #expect(r.code == ExitStatus.deployFailed.code, "\(r.diagnostics)")
      let text = QueueHarness.text(r.diagnostics)
      #expect(text.contains("ERROR: pull access denied for registry.example/fail:2"), "\(text)")
      #expect(text.contains("ended with status error"), "\(text)")
      #expect(r.sink.logs.filter { $0.contains("ERROR: pull access denied") }.count == 1, "\(r.sink.logs)")
      #expect(r.sink.phases == [.queued, .running], "\(r.sink.phases)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func twoDeploysInARowEachFollowTheirOwn() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let app = h.server.addApplication()
      let r = await h.run(
        """
        $a = deploy application.deploy applicationId=\(app) title=first every 0.05s
        $b = deploy application.deploy applicationId=\(app) title=second every 0.05s
        print $a.deploymentId, $a.title, $a.status
        print $b.deploymentId, $b.title, $b.status
        """)
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(app)
      let ids = rows.compactMap { $0["deploymentId"]?.stringValue }
      #expect(ids.count == 2)
      #expect(r.sink.lines == ["\(ids[1]) first done", "\(ids[0]) second done"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func aDeployQueuedBehindAnotherServicesLongDeployIsFollowedToItsEnd() async throws {
    var o = Self.fast()
    o.queueDelay = 0.05
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let other = h.server.addApplication(name: "big")
      h.server.setBuildSeconds(other, 1.5)
      let app = h.server.addApplication()
      let r = await h.run(
        """
        application.deploy applicationId=\(other)
        $d = deploy application.deploy applicationId=\(app) every 0.05s
        print $d.applicationId, $d.status
        """)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["\(app) done"], "\(r.sink.lines)")
      // It waited queued while the other service built.
      #expect(h.server.status(other) == "done")
      #expect(r.sink.phases.first == .queued)
    } teardown: {
      await h.stop()
    }
  }

  @Test func elevenRowPruningDoesNotConfuseIt() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let app = h.server.addApplication()
      h.server.seedDeployments(app, count: 11)
      let oldest = h.server.deployments(app).last?["deploymentId"]?.stringValue
      let r = await h.run("$d = deploy application.deploy applicationId=\(app) every 0.05s\nprint $d.deploymentId")
      #expect(r.code == 0, "\(r.diagnostics)")
      let rows = h.server.deployments(app)
      #expect(rows.count == 11)
      #expect(!rows.contains { $0["deploymentId"]?.stringValue == oldest })
      #expect(r.sink.lines == [rows[0]["deploymentId"]?.stringValue ?? "?"])
    } teardown: {
      await h.stop()
    }
  }

  @Test func composeDeployAndRedeploy() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let c = h.server.addCompose()
      let r = await h.run(
        """
        $d = deploy compose.deploy composeId=\(c) every 0.05s
        $e = deploy compose.redeploy composeId=\(c) every 0.05s
        print $d.composeId, $d.status, $e.status, $d.deploymentId != $e.deploymentId
        """)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["\(c) done done true"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func databaseDeployFollowsTheServiceRow() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let db = h.server.addPostgres()
      let r = await h.run("$d = deploy postgres.deploy postgresId=\(db) every 0.05s\nprint $d.postgresId, $d.applicationStatus")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["\(db) done"], "\(r.sink.lines)")
      let bad = h.server.addPostgres(name: "bad", image: "postgres:fail")
      let f = await h.run("deploy postgres.deploy postgresId=\(bad) every 0.05s")
      #expect(f.code == ExitStatus.deployFailed.code, "\(f.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func aDatabaseDeployThatOutlastsTheRequestTimeoutIsStillFollowed() async throws {
    var o = Self.fast()
    o.buildSeconds = 1.2
    let h = try await QueueHarness.start(o, requestTimeout: 0.3)
    try await withTeardown {
      let db = h.server.addPostgres()
      let r = await h.run("$d = deploy postgres.deploy postgresId=\(db) every 0.05s\nprint $d.applicationStatus")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["done"], "\(r.sink.lines)")
      #expect(r.sink.notes.contains { $0.contains("following postgres.one instead") }, "\(r.sink.notes)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func previewDeploymentRedeploy() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let pr = h.server.addPreview()
      let r = await h.run(
        "$d = deploy previewDeployment.redeploy previewDeploymentId=\(pr) every 0.05s\nprint $d.previewDeploymentId, $d.status")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["\(pr) done"], "\(r.sink.lines)")
      #expect(h.server.requests("deployment.allByType") >= 2)
    } teardown: {
      await h.stop()
    }
  }

  @Test func timeoutInTheQueuedPhase() async throws {
    var o = Self.fast()
    o.queueDelay = 5
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let app = h.server.addApplication()
      let started = Date()
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.05s timeout 0.4s")
      #expect(r.code == ExitStatus.timeout.code, "\(r.diagnostics)")
      #expect(QueueHarness.text(r.diagnostics).contains("in phase queued"), "\(r.diagnostics)")
      #expect(Date().timeIntervalSince(started) < 3)
    } teardown: {
      await h.stop()
    }
  }

  @Test func timeoutInTheRunningPhase() async throws {
    var o = Self.fast()
    o.queueDelay = 0.05
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let app = h.server.addApplication()
      h.server.setBuildSeconds(app, 5)
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.05s timeout 0.6s")
      #expect(r.code == ExitStatus.timeout.code, "\(r.diagnostics)")
      let text = QueueHarness.text(r.diagnostics)
      #expect(text.contains("in phase running"), "\(text)")
      #expect(text.contains("the deploy goes on on the server"), "\(text)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func interruptingStopsFollowingAndSaysTheDeployGoesOn() async throws {
    var o = Self.fast()
    o.queueDelay = 0.05
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let app = h.server.addApplication()
      h.server.setBuildSeconds(app, 5)
      let task = Task { await h.run("deploy application.deploy applicationId=\(app) every 0.05s") }
      for _ in 0..<100 where h.server.deployments(app).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
      // Interrupt once the follower has listed the deployments again (it has seen the running row).
      let listed = h.server.requests("deployment.all")
      for _ in 0..<250 where h.server.requests("deployment.all") <= listed { try await Task.sleep(for: .milliseconds(20)) }
      #expect(h.server.requests("deployment.all") > listed)
      task.cancel()
      let r = await task.value
      #expect(r.code == ExitStatus.interrupted.code)
      #expect(r.sink.notes.contains { $0.contains("the deploy goes on on the server") }, "\(r.sink.notes)")
      #expect(h.server.status(app) == "running")
    } teardown: {
      await h.stop()
    }
  }

  @Test func tryCatchesDeployFailed() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let app = h.server.addApplication(image: "fail:1")
      let r = await h.run("try { deploy application.deploy applicationId=\(app) every 0.05s } catch $e { print $e.code }")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["DEPLOY_FAILED"])
    } teardown: {
      await h.stop()
    }
  }

  @Test func aCallThatStartsNoDeployIsACheckError() async throws {
    let h = try await QueueHarness.start(Self.fast())
    try await withTeardown {
      let r = await h.run("print 1\ndeploy project.all")
      #expect(r.code == ExitStatus.usage.code)
      #expect(r.sink.lines.isEmpty)
      #expect(QueueHarness.text(r.diagnostics).contains("project.all starts no deploy that dok can follow"), "\(r.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }
}
