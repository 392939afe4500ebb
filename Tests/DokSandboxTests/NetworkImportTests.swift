import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `network.import` (services/network.ts:140-184) reports, per name, why it was not imported:
/// a network Dokploy already has is "Already imported"; Docker's and Dokploy's own networks are
/// "reserved or not supported"; a name the daemon does not know gets dockerode's 404 message.
@Suite struct NetworkImportTests {
  @Test func importReportsEachNameAsTheServiceDoes() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      #expect(try s.post("network.create", ["name": "backend", "driver": "overlay"]).status == 200)
      let r = try s.post("network.import", ["names": ["backend", "dokploy-network", "ghost"]])
      #expect(r.status == 200)
      #expect(r.json?["imported"] == [])
      #expect(
        r.json?["errors"] == [
          ["name": "backend", "error": "Already imported"],
          ["name": "dokploy-network", "error": "Network is reserved or not supported"],
          ["name": "ghost", "error": "(HTTP code 404) no such network - network ghost not found "],
        ])
      // A remote server's daemon is reached through the server row: an unknown one is 404.
      let remote = try s.post("network.import", ["names": ["backend"], "serverId": "nope"])
      #expect(remote.status == 404)
      #expect(remote.json?["message"] == "Server not found")
    } teardown: {
      await s.sb.stop()
    }
  }
}
