import DokCore
import DokRuntime
import DokScript
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// A database deploys inside the request; when its build fails a real server sets
/// `applicationStatus` to `error` and answers 500 ("Error on deploy postgres…"). `deploy` makes
/// that `DEPLOY_FAILED` (exit 7) with the row as `$err.deployment` and `<kind>.readLogs`' lines
/// as `$err.log`, for every database kind, against the queueing server and the sandbox.
@Suite(.serialized, .timeLimit(.minutes(2))) struct DatabaseDeployFailureTests {
  static let kinds = ["postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  @Test(arguments: kinds) func aFailedDatabaseDeployIsDeployFailedWithTheRowAndLog(kind: String) async throws {
    var o = QueueingDokploy.Options()
    o.buildSeconds = 0.05
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let db = h.server.addDatabase(kind, image: "registry.example/\(kind):fail")
      let r = await h.run(
        """
        try {
          deploy \(kind).deploy \(kind)Id=\(db) every 0.05s
        } catch $e {
          print $e.code, $e.deployment.\(kind)Id, $e.deployment.applicationStatus, len($e.log), $e.log[-1]
        }
        deploy \(kind).deploy \(kind)Id=\(db) every 0.05s
        """)
      #expect(r.code == ExitStatus.deployFailed.code, "\(r.diagnostics)")
      #expect(r.sink.lines.count == 1)
      let words = r.sink.lines.first?.split(separator: " ").map(String.init) ?? []
      #expect(Array(words.prefix(4)) == ["DEPLOY_FAILED", db, "error", "20"], "\(r.sink.lines)")
      #expect(r.sink.lines.first?.hasSuffix("request 30 served") == true, "\(r.sink.lines)")
      let text = QueueHarness.text(r.diagnostics)
      #expect(text.contains("ended with applicationStatus error"), "\(text)")
      #expect(text.contains("answered 500: Error on deploy \(kind)"), "\(text)")
    } teardown: {
      await h.stop()
    }
  }

  /// The sandbox's five database kinds fail a deploy of an image it cannot pull, as a real server does.
  @Test func theSandboxsFailedDatabaseDeploysAreDeployFailed() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let credentials: [String: String] = [
        "postgres": "databaseName=db databaseUser=u databasePassword=secret-pw-1",
        "mysql": "databaseName=db databaseUser=u databasePassword=secret-pw-1",
        "mariadb": "databaseName=db databaseUser=u databasePassword=secret-pw-1",
        "mongo": "databaseUser=u databasePassword=secret-pw-1",
        "redis": "databasePassword=secret-pw-1",
      ]
      for kind in ["postgres", "mysql", "mariadb", "mongo", "redis"] {
        let r = await h.run(
          source: """
            $p = project.create name=p
            $db = \(kind).create name=db environmentId=$p.environment.environmentId \(credentials[kind]!) dockerImage=nope/fail:1
            $id = $db.\(kind)Id
            try {
              deploy \(kind).deploy \(kind)Id=$id every 50ms
            } catch $e {
              print $e.code, $e.deployment.\(kind)Id == $id, $e.deployment.applicationStatus, type($e.log)
            }
            """)
        #expect(r.code == 0, "\(kind): \(r.diagnostics)")
        #expect(r.output == "DEPLOY_FAILED true error array", "\(kind): \(r.output)")
      }
    } teardown: {
      await h.stop()
    }
  }
}
