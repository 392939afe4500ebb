import DokCore
import DokTestSupport
import Foundation
import Testing

/// Every runbook in examples/ is executed against the sandbox and its outcome checked.
@Suite(.serialized) struct ExampleRunbookTests {
  @Test func everyExampleIsCoveredHere() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: SandboxHarness.packageRoot + "/examples")
      .filter { $0.hasSuffix(".dok") }.sorted()
    #expect(
      files == [
        "audit-applications.dok", "deploy-image.dok", "project-with-database.dok", "redeploy-with-retries.dok",
        "support-repro.dok",
      ])
  }

  @Test func deployImageSucceeds() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/deploy-image.dok", arguments: ["image=nginx:alpine", "name=web"])
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output.contains("deployed nginx:alpine as"), "\(r.output)")
      #expect(r.output.hasSuffix("status done"), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func deployImageFailsWithExit7ForABadImage() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/deploy-image.dok", arguments: ["image=registry.example/fail:1"])
      #expect(r.code == ExitStatus.deployFailed.code)
      #expect(
        r.diagnostics.contains { ([$0.message] + $0.notes).joined().contains("ended with status error") }, "\(r.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func projectWithDatabase() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/project-with-database.dok", arguments: ["name=shop"])
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output.contains("project shop has 1 application and 1 postgres database"), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func redeployWithRetriesRecovers() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/redeploy-with-retries.dok", arguments: ["retries=3"])
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output.contains("attempt 1 ended error"), "\(r.output)")
      #expect(r.output.contains("attempt 2 ended done"), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func redeployGivesUpAfterTheBudget() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let setup = await h.run(
        source: """
          $p = project.create name=x
          $a = application.create name=y environmentId=$p.environment.environmentId
          application.saveDockerProvider applicationId=$a.applicationId dockerImage=fail/forever username=null password=null registryUrl=null
          print $a.applicationId
          """)
      let id = try #require(setup.output.split(separator: "\n").last.map(String.init))
      let r = try await h.run(file: "examples/redeploy-with-retries.dok", arguments: ["applicationId=\(id)", "retries=2"])
      #expect(r.code == 1)
      #expect(r.output.contains("attempt 2 ended error"), "\(r.output)")
      #expect(r.diagnostics.contains { ([$0.message] + $0.notes).joined().contains("still failing after 2 attempts") })
    } teardown: {
      await h.stop()
    }
  }

  @Test func auditFindsTheFailedApplication() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      _ = try await h.run(file: "examples/deploy-image.dok", arguments: ["name=good"])
      let clean = try await h.run(file: "examples/audit-applications.dok")
      #expect(clean.code == 0, "\(clean.diagnostics)")
      #expect(clean.output.contains("audited 1 applications, 0 with a failed last deployment"), "\(clean.output)")
      _ = try await h.run(file: "examples/deploy-image.dok", arguments: ["name=bad", "image=fail/x"])
      let dirty = try await h.run(file: "examples/audit-applications.dok")
      #expect(dirty.code == 1)
      #expect(dirty.output.contains("audited 2 applications, 1 with a failed last deployment"), "\(dirty.output)")
      #expect(dirty.output.contains("/ bad : error last deploy error"), "\(dirty.output)")
    } teardown: {
      await h.stop()
    }
  }

  // The same runbooks against a server that queues deploys like a real Dokploy.

  @Test func deployImageOnAQueueingServer() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      let source = try String(contentsOfFile: SandboxHarness.packageRoot + "/examples/deploy-image.dok", encoding: .utf8)
      let good = await h.run(source)
      #expect(good.code == 0, "\(good.diagnostics)")
      #expect(good.sink.output.hasSuffix("status done"), "\(good.sink.output)")
      #expect(good.sink.logs.contains("Pulling image nginx:alpine"), "\(good.sink.logs)")
      let bad = await h.run(source, variables: ["image": "registry.example/fail:7"])
      #expect(bad.code == ExitStatus.deployFailed.code)
      #expect(
        QueueHarness.text(bad.diagnostics).contains("| ERROR: pull access denied for registry.example/fail:7"),
        "\(bad.diagnostics)"
      )
    } teardown: {
      await h.stop()
    }
  }

  @Test func redeployWithRetriesOnAQueueingServer() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      let source = try String(contentsOfFile: SandboxHarness.packageRoot + "/examples/redeploy-with-retries.dok", encoding: .utf8)
      let r = await h.run(source)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["attempt 1 ended error", "attempt 2 ended done"], "\(r.sink.lines)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func supportReproPrintsTheFailingBuildsLog() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      _ = h.server.addApplication(name: "ticket", image: "registry.example/fail:9")
      let source = try String(contentsOfFile: SandboxHarness.packageRoot + "/examples/support-repro.dok", encoding: .utf8)
      let r = await h.run(source, variables: ["app": "queue/production/ticket"])
      #expect(r.code == 0, "\(r.diagnostics)")
      let out = r.sink.output
      #expect(out.contains("deploy failed: DEPLOY_FAILED"), "\(out)")
      #expect(out.contains("| ERROR: pull access denied for registry.example/fail:9"), "\(out)")
      #expect(out.contains("== last deployments\nerror support repro"), "\(out)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func supportReproRehearses() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/support-repro.dok")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output.contains("deploy ended done"), "\(r.output)")
      #expect(r.output.contains("== last deployments\ndone support repro"), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }
}
