import DokClient
import DokCore
import DokRuntime
import DokSandbox
import DokScript
import DokSpec
import Synchronization
import Testing

/// Issue 21 item 5: `dok run --rehearse PROFILE FILE` copies what the runbook names from
/// production (read calls only) into a fresh sandbox and runs it there.
@Suite struct RehearsalTests {
  static let production = #"""
    $p = project.create name=shop
    $web = application.create name=web appName=web environmentId=$p.environment.environmentId
    application.saveDockerProvider applicationId=$web.applicationId dockerImage=nginx:1.25 username=null password=null registryUrl=null
    application.saveEnvironment applicationId=$web.applicationId env="API_TOKEN=prod-token-123" buildArgs=null buildSecrets=null createEnvFile=true
    postgres.create name=db appName=db databaseName=shop databaseUser=shop databasePassword=prod-pass-123 environmentId=$p.environment.environmentId
    project.create name=unrelated
    """#

  /// A runbook that changes production's shop: a new image, a domain, a deploy.
  static let runbook = #"""
    application.saveDockerProvider application=shop/web dockerImage=nginx:1.27 username=null password=null registryUrl=null
    domain.create application="shop/production/web" host=new.example.com port:=80 https:=false
    $d = deploy application.deploy application=shop/web every 100ms timeout 30s
    $web = application.one application=shop/web
    print $d.status, $web.dockerImage, len($web.domains), (postgres.one postgres=shop/db).databasePassword
    """#

  @Test func aRehearsalReadsProductionOnlyAndRunsOnACopy() async throws {
    let a = try await SandboxHarness.start()
    let b = try await SandboxHarness.start()
    defer { Task { await a.stop() } }
    defer { Task { await b.stop() } }
    #expect(await a.run(source: Self.production).code == 0)
    // Production as the rehearsal sees it: a session of its own whose every request is noted.
    let requests = Mutex<[String]>([])
    let observed = DokSession(
      connection: a.session.connection, catalog: a.catalog,
      observer: { event in
        if case .request(let r, _) = event { requests.withLock { $0.append("\(r.method) \(r.url)") } }
      })
    defer { Task { await observed.shutdown() } }
    let rehearsal = Rehearsal(production: SessionCaller(session: observed), catalog: a.catalog)
    #expect(Rehearsal.projectNames(in: Self.runbook) == ["shop"])
    let exports = try await rehearsal.exports(of: ["shop"], source: "profile 'prod'")
    #expect(exports.map(\.project) == ["shop"])
    let copyHost = DokScriptHost(catalog: b.catalog, caller: SessionCaller(session: b.session))
    for e in exports {
      let outcome = await Rehearsal.replay(e.runbook, project: e.project, on: copyHost)
      #expect(outcome.succeeded, "\(outcome.diagnostics.map(\.message))\n\(e.runbook)")
      #expect(!e.runbook.contains("prod-token-123") && !e.runbook.contains("prod-pass-123"))
    }
    let run = await b.run(source: Self.runbook, file: "change.dok")
    #expect(run.code == 0, "\(run.diagnostics.map(\.message))")
    // The copy was changed, with placeholder secrets…
    #expect(run.output == "done nginx:1.27 1 rehearsal-db_password")
    // …and production received read calls only, and is as it was.
    let sent = requests.withLock { $0 }
    #expect(!sent.isEmpty)
    #expect(sent.allSatisfy { $0.hasPrefix("GET ") }, "\(sent)")
    #expect(rehearsal.sentToProduction.allSatisfy { a.catalog.procedure(named: $0)?.isQuery == true })
    let prod = await a.run(
      source:
        "$w = application.one application=shop/web\nprint $w.dockerImage, len($w.domains), len(deployment.all applicationId=$w.applicationId)"
    )
    #expect(prod.output == "nginx:1.25 0 0")
  }

  @Test func theReadOnlyCallerRefusesAChangeBeforeSendingIt() async throws {
    let a = try await SandboxHarness.start()
    defer { Task { await a.stop() } }
    let reader = ReadOnlyCaller(base: SessionCaller(session: a.session), catalog: a.catalog)
    await #expect(throws: CallError.self) {
      _ = try await reader.call(
        procedure: "project.create", arguments: [CallArgument(name: "name", value: .value(.string("x")))])
    }
    #expect(reader.procedures.isEmpty)
    #expect(await a.run(source: "assert len(project.all) == 0").code == 0)
  }

  @Test func theProjectsARunbookNamesByPath() {
    let text = #"""
      application.deploy application=shop/web
      $x = postgres.one postgres="my shop/staging/db"   # a comment with project=nope
      environment.one environment=a\/b/staging
      application.one application=$path
      print "project=shop2"
      compose.deploy compose=shop/stack
      """#
    // A path inside a string or a comment is no argument; `$path` is known only at run time.
    #expect(Rehearsal.projectNames(in: text) == ["shop", "my shop", "a/b"])
  }
}
