import DokClient
import DokCore
import DokLive
import DokRuntime
import DokScript
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// Issue 14: Ctrl-C while `deploy`'s own call (a POST) is being sent, against a server on
/// 127.0.0.1 that lists the service's deployments and then never answers the deploy: the run
/// says the request may have reached the server (a deploy may have been queued), not only
/// "interrupted".
@Suite struct InterruptedDeployCallTests {
  @Test(.timeLimit(.minutes(1))) func ctrlCDuringTheDeployCallSaysItsEffectIsUnknown() async throws {
    let server = try HostileServer { r in
      String(r.path.prefix { $0 != "?" }) == "/api/deployment.all" ? .json(200, "[]") : .silent
    }
    defer { server.stop() }
    let catalog = try SpecLoader.catalog(from: QueueingDocument.json())
    let session = DokSession(
      connection: Connection(baseURL: server.url + "/api", apiKey: "k-test-key-1"), catalog: catalog,
      retry: RetryPolicy(maxRetries: 0))
    let interpreter = Interpreter(host: DokScriptHost(catalog: catalog, caller: session))
    let run = Task { await interpreter.execute(source: "deploy application.deploy applicationId=a1", file: "d.dok") }
    for _ in 0..<400 where !server.requests.contains(where: { $0.path.hasPrefix("/api/application.deploy") }) {
      try await Task.sleep(for: .milliseconds(25))
    }
    try #require(server.requests.contains { $0.path.hasPrefix("/api/application.deploy") }, "the deploy was never sent")
    run.cancel()
    let outcome = await run.value
    await session.shutdown()
    #expect(outcome.exitCode == ExitStatus.interrupted.code)
    let d = try #require(outcome.diagnostics.first)
    #expect(
      d.message
        == "interrupted while application.deploy was being sent: the request may have reached the server, so its effect is unknown",
      "\(outcome.diagnostics)")
    #expect(d.location?.description == "d.dok:1:8")
  }
}
