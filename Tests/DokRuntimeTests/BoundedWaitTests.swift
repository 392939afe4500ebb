import DokClient
import DokCore
import DokRuntime
import DokScript
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// `wait until <expr>` whose condition makes calls is bounded like `wait <call> until`: a call in
/// flight at the timeout is cancelled, transport errors are retried until then, the result is
/// `WAIT_TIMEOUT` (exit 5) — against a server that never answers and against a closed port.
@Suite(.timeLimit(.minutes(1))) struct BoundedWaitTests {
  static func run(_ url: String, _ source: String) async throws -> (outcome: RunOutcome, seconds: Double) {
    let catalog = try SpecLoader.catalog(from: QueueingDocument.json())
    // The client's own timeout (30 s by default) is far beyond the wait's.
    let session = DokSession(connection: Connection(baseURL: url + "/api", apiKey: "k-test-key-1"), catalog: catalog)
    let interpreter = Interpreter(host: DokScriptHost(catalog: catalog, caller: session))
    let started = Date()
    let outcome = await interpreter.execute(source: source, file: "w.dok")
    let seconds = Date().timeIntervalSince(started)
    await session.shutdown()
    return (outcome, seconds)
  }

  static let source = "wait until (application.one applicationId=a1) != null every 200ms timeout 1s"

  @Test func aConditionCallTheServerNeverAnswersIsCancelledAtTheTimeout() async throws {
    let server = try HostileServer { _ in .silent }
    defer { server.stop() }
    let r = try await Self.run(server.url, Self.source)
    #expect(r.outcome.exitCode == ExitStatus.timeout.code, "\(r.outcome.diagnostics)")
    // Far below the client's own 30 s timeout (which the old code waited for, then exit 4).
    #expect(r.seconds < 10, "took \(r.seconds)s")
    let text = r.outcome.diagnostics.map { ([$0.message] + $0.notes).joined(separator: "\n") }.joined(separator: "\n")
    #expect(text.contains("wait timed out after"), "\(text)")
    #expect(text.contains("was cancelled"), "\(text)")
  }

  @Test func aConditionCallToAClosedPortIsRetriedUntilTheTimeout() async throws {
    let server = try HostileServer { _ in .silent }
    let url = server.url
    server.stop()
    let r = try await Self.run(url, Self.source)
    #expect(r.outcome.exitCode == ExitStatus.timeout.code, "\(r.outcome.diagnostics)")
    // Retried until the timeout, not a transport error at once (exit 4).
    #expect(r.seconds >= 0.9 && r.seconds < 10, "took \(r.seconds)s")
    let text = r.outcome.diagnostics.map { ([$0.message] + $0.notes).joined(separator: "\n") }.joined(separator: "\n")
    #expect(text.contains("last attempt failed") && text.contains("connection refused"), "\(text)")
  }
}
