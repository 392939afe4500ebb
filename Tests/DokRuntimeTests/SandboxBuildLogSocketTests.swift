import DokClient
import DokCore
import DokLive
import DokRuntime
import DokSandbox
import DokScript
import DokSpec
import Foundation
import Synchronization
import Testing

/// The sandbox serves Dokploy's `/listen-deployment` WebSocket for its simulated builds, so
/// `deploy` on the sandbox streams the build log the way it does on a real server (issue 13,
/// item 2) instead of falling back to polling `deployment.readLogs`.
@Suite(.timeLimit(.minutes(1))) struct SandboxBuildLogSocketTests {
  final class Events: Sendable {
    let list = Mutex<[DeployEvent]>([])
    func add(_ e: DeployEvent) { list.withLock { $0.append(e) } }
    var logs: [String] { list.withLock { $0.compactMap { if case .log(let l) = $0 { l } else { nil } } } }
    var notes: [String] { list.withLock { $0.compactMap { if case .note(let n) = $0 { n } else { nil } } } }
  }

  /// Without a WebSocket (no connection to open one on) the log is polled with
  /// `deployment.readLogs`, whose real schema caps `tail` at 10,000: the poll must fit it, or a
  /// real server (and the sandbox, which validates like one) rejects every read.
  @Test func withoutTheSocketTheLogIsPolledWithinTheRealSchema() async throws {
    let (row, events) = try await deployOnSandbox(connected: false)
    #expect(row["status"]?.stringValue == "done")
    #expect(!events.notes.contains { $0.contains("failed") }, "\(events.notes)")
    #expect(events.logs.contains { $0.contains("Pulling nginx:alpine") }, "\(events.logs)")
    #expect(Set(events.logs).count == events.logs.count, "a line was shown twice: \(events.logs)")
  }

  @Test func aDeployOnTheSandboxStreamsItsBuildLogOverTheWebSocket() async throws {
    let (row, events) = try await deployOnSandbox(connected: true)
    #expect(row["status"]?.stringValue == "done")
    #expect(events.notes.isEmpty, "the log was not streamed: \(events.notes)")
    #expect(events.logs.contains { $0.contains("Pulling nginx:alpine") }, "\(events.logs)")
    #expect(events.logs.contains { $0.contains("deployed") }, "\(events.logs)")
    #expect(Set(events.logs).count == events.logs.count, "a line was shown twice: \(events.logs)")
  }

  /// Deploys nginx:alpine on a fresh sandbox through the tracker; `connected` gives the tracker
  /// the session's log streams (so it can open the log socket).
  func deployOnSandbox(connected: Bool) async throws -> (JSON, Events) {
    let sandbox = try await Sandbox.start(SandboxOptions(deploySeconds: 0.5, queueDelay: 0.2))
    let catalog = try SpecLoader.catalog(from: sandbox.engine.openAPIDocument)
    let session = DokSession(connection: Connection(baseURL: sandbox.url + "/api", source: .flag), catalog: catalog)
    func call(_ p: String, _ args: [String: String]) async throws -> JSON {
      try await session.call(procedure: p, arguments: args.map { CallArgument(name: $0.key, value: .bare($0.value)) })
    }
    let project = try await call("project.create", ["name": "logs"])
    let env = try #require(project["environment"]?["environmentId"]?.stringValue)
    let app = try #require(
      try await call("application.create", ["name": "web", "environmentId": env])["applicationId"]?.stringValue)
    _ = try await call(
      "application.saveDockerProvider",
      ["applicationId": app, "dockerImage": "nginx:alpine", "username": "null", "password": "null", "registryUrl": "null"])

    let tracker = DeploymentTracker(caller: session, catalog: catalog, logStreams: connected ? session.logStreams : nil)
    let events = Events()
    let request = DeployRequest(
      procedure: "application.deploy", arguments: [CallArgument(name: "applicationId", value: .bare(app))], every: 0.1,
      timeout: 30,
      location: SourceLocation(file: "test", line: 1, column: 1))
    let row = try await tracker.deploy(request) { events.add($0) }
    await session.shutdown()
    await sandbox.stop()
    return (row, events)
  }
}
