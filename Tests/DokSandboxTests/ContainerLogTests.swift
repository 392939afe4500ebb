import DokCore
import Foundation
import Testing

@testable import DokSandbox

/// `<service>.readLogs` reads the service's container log as Dokploy does
/// (`routers/application.ts:1113` → `services/docker.ts:421` `getContainerLogs`): `docker
/// container logs --timestamps --tail N`, filtered by `search`; with no container, Dokploy's
/// "No container or service found for: <appName>" as a 500. The sandbox used to answer `""`.
@Suite struct ContainerLogTests {
  @Test func aServiceWithoutAContainerIsAnErrorAndADeployedOneHasStampedLines() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.1)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      try s.setImage(app, "nginx:alpine")
      let appName = try #require(try s.get("application.one", [("applicationId", app)]).json?["appName"]?.stringValue)
      let before = try s.get("application.readLogs", [("applicationId", app)])
      #expect(before.status == 500, "body: \(before.body)")
      #expect(before.json?["message"]?.stringValue == "No container or service found for: \(appName)", "body: \(before.body)")

      #expect(try await s.deployUntilDone(app))
      let lines = try await logLines(s, app, within: 5)
      #expect(lines.count >= 2, "\(lines)")
      // Docker's --timestamps: RFC 3339 with nanoseconds, then the line.
      #expect(
        lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z "#, options: .regularExpression) != nil },
        "\(lines)")
      #expect(lines.contains { $0.contains("nginx:alpine") }, "\(lines)")

      let one = try s.get("application.readLogs", [("applicationId", app), ("tail", "1")]).json?.stringValue ?? ""
      #expect(one.split(separator: "\n").count == 1, "\(one)")
      let found = try s.get("application.readLogs", [("applicationId", app), ("search", "LISTENING")]).json?.stringValue ?? ""
      #expect(found.split(separator: "\n").count == 1 && found.contains("listening"), "\(found)")
      let unknown = try s.get("application.readLogs", [("applicationId", "nope")])
      #expect(unknown.status == 404, "body: \(unknown.body)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// All of the application's startup lines, once they have all been printed.
  func logLines(_ s: SandboxClient, _ app: String, within seconds: Double) async throws -> [String] {
    var lines: [String] = []
    _ = try await eventually(within: seconds) {
      let text = try s.get("application.readLogs", [("applicationId", app)]).json?.stringValue ?? ""
      lines = text.split(separator: "\n").map(String.init)
      return lines.count >= 2
    }
    return lines
  }
}
