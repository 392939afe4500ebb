import DokClient
import DokCore
import DokRuntime
import DokSandbox
import DokScript
import DokSpec
import DokTestSupport
import Synchronization
import Testing

/// Issue 21 item 1: `<kind>=PATH` twins of the id parameters, resolved before anything is sent.
@Suite struct PathArgumentTests {
  /// The client as the caller, noting every procedure it sends.
  final class RecordingCaller: ProcedureCaller, Sendable {
    let session: DokSession
    private let sent = Mutex<[String]>([])
    init(_ session: DokSession) { self.session = session }
    var procedures: [String] { sent.withLock { $0 } }
    func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
      sent.withLock { $0.append(procedure) }
      return try await session.call(procedure: procedure, arguments: arguments)
    }
  }

  static func run(_ h: SandboxHarness, _ source: String, caller: (any ProcedureCaller)? = nil, trace: Bool = false) async
    -> (code: Int32, output: String, diagnostics: [Diagnostic])
  {
    let host = DokScriptHost(catalog: h.catalog, caller: caller ?? SessionCaller(session: h.session))
    let sink = CapturingSink()
    let interpreter = Interpreter(host: host, sink: sink, options: ScriptOptions(trace: trace))
    let outcome = await interpreter.execute(source: source, file: "paths.dok")
    return (outcome.exitCode, sink.text, outcome.diagnostics)
  }

  static let setUp = """
    $p = project.create name="my shop"
    $s = environment.create name=staging projectId=$p.project.projectId
    application.create name=web environmentId=$p.environment.environmentId
    application.create name="a/b" environmentId=$s.environmentId
    postgres.create name=db appName=db databaseName=d databaseUser=u databasePassword=secret-pw environmentId=$s.environmentId
    """

  /// The same runbook, written with paths, runs unchanged on two servers whose ids differ.
  static let runbook = """
    $web = application.one application="my shop/web"
    $prod = environment.one environment="my shop"
    $slash = application.one application="my shop/staging/a\\\\/b"
    $db = postgres.one postgres="my shop/staging/db"
    application.update application="my shop/production/web" description="by path"
    print $web.name, $prod.name, $slash.name, $db.name, (application.one application="my shop/web").description
    print $web.applicationId
    """

  @Test func aRunbookWithPathsRunsUnchangedOnTwoServers() async throws {
    let a = try await SandboxHarness.start()
    let b = try await SandboxHarness.start()
    try await withTeardown {
      // B gets an extra project first, so nothing lines up by position either.
      _ = await Self.run(b, "project.create name=other")
      var ids: [String] = []
      for h in [a, b] {
        let setUp = await Self.run(h, Self.setUp)
        #expect(setUp.code == 0, "\(setUp.diagnostics)")
        let r = await Self.run(h, Self.runbook)
        #expect(r.code == 0, "\(r.diagnostics)")
        let lines = r.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "web production a/b db by path", "\(r.output)")
        ids.append(lines.last ?? "")
      }
      #expect(ids.count == 2 && ids[0] != ids[1] && !ids[0].isEmpty, "\(ids)")
    } teardown: {
      await a.stop()
      await b.stop()
    }
  }

  @Test func unknownAndAmbiguousNamesAreRefusedBeforeAnythingIsSent() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let setUp = await Self.run(h, "project.create name=shop\nproject.create name=twin\nproject.create name=twin")
      #expect(setUp.code == 0, "\(setUp.diagnostics)")

      let unknown = RecordingCaller(h.session)
      let r1 = await Self.run(h, "application.create name=web environment=shopp/production", caller: unknown)
      #expect(r1.code == 3, "\(r1.diagnostics)")
      let d1 = r1.diagnostics.map { $0.message + " " + $0.notes.joined(separator: " ") }.joined()
      #expect(d1.contains("NOT_FOUND") && d1.contains("did you mean 'shop'"), "\(d1)")
      #expect(unknown.procedures == ["project.all"], "\(unknown.procedures)")

      let ambiguous = RecordingCaller(h.session)
      let r2 = await Self.run(h, "try { project.update project=twin name=x } catch $e { print $e.code }", caller: ambiguous)
      #expect(r2.output == "AMBIGUOUS", "\(r2)")
      #expect(ambiguous.procedures == ["project.all"], "\(ambiguous.procedures)")

      let missingService = RecordingCaller(h.session)
      let r3 = await Self.run(h, "application.deploy application=shop/web", caller: missingService)
      #expect(r3.code == 3, "\(r3.diagnostics)")
      #expect(missingService.procedures == ["project.all"], "\(missingService.procedures)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func oneListingPerRunRefreshedAfterAChange() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let caller = RecordingCaller(h.session)
      let r = await Self.run(
        h,
        """
        $p = project.create name=shop
        application.create name=web environment=shop
        application.one application=shop/web
        application.one application=shop/production/web
        """, caller: caller)
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(
        caller.procedures == [
          "project.create", "project.all", "application.create", "project.all", "application.one", "application.one",
        ],
        "\(caller.procedures)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func traceShowsTheResolvedIdAndDeployTakesAPath() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = await Self.run(
        h,
        """
        $p = project.create name=shop
        $a = application.create name=web environment=shop
        application.saveDockerProvider application=shop/web dockerImage=nginx:alpine username=null password=null registryUrl=null
        $d = deploy application.deploy application=shop/web every 100ms timeout 1m
        print $d.status, $a.applicationId
        """, trace: true)
      #expect(r.code == 0, "\(r.diagnostics)")
      let printed = r.output.split(separator: "\n").first { $0.hasPrefix("done ") } ?? ""
      let id = String(printed.dropFirst(5))
      #expect(!id.isEmpty, "\(r.output)")
      #expect(r.output.contains("application.deploy applicationId=\"\(id)\""), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func givingBothTheIdAndThePathIsACheckError() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let caller = RecordingCaller(h.session)
      let r = await Self.run(h, "project.all\napplication.one applicationId=x application=shop/web", caller: caller)
      #expect(r.code == 2, "\(r.diagnostics)")
      #expect(r.diagnostics.contains { $0.message.contains("not both") }, "\(r.diagnostics)")
      #expect(caller.procedures.isEmpty, "\(caller.procedures)")
    } teardown: {
      await h.stop()
    }
  }
}
