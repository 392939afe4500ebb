import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// The web server's settings row (`services/web-server-settings.ts`): `settings.updateServerIp`
/// (routers/settings.ts:636-654) and `settings.assignDomainServer` (l.282-312) update it and
/// return it; `settings.getIp` (l.629-634) and `settings.getWebServerSettings` read it back.
@Suite struct WebServerSettingsTests {
  @Test func updateServerIpIsWhatGetIpReturns() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      #expect(try s.get("settings.getIp").json == "127.0.0.1")
      let before = try #require(try s.get("settings.getWebServerSettings").json)
      // One row: reading twice gives the same row.
      #expect(try s.get("settings.getWebServerSettings").json?["id"] == before["id"])
      let r = try s.post("settings.updateServerIp", ["serverIp": "203.0.113.7"])
      #expect(r.status == 200)
      #expect(r.json?["serverIp"] == "203.0.113.7")
      #expect(r.json?["id"] == before["id"])
      #expect(r.json?["updatedAt"] != before["updatedAt"])
      #expect(try s.get("settings.getIp").json == "203.0.113.7")
      #expect(try s.trpcGet("settings.getIp", .null).json?["result"]?["data"]?["json"] == "203.0.113.7")
      #expect(try s.get("settings.getWebServerSettings").json?["serverIp"] == "203.0.113.7")
      // An empty IP is stored; getIp answers `settings?.serverIp || ""`.
      #expect(try s.post("settings.updateServerIp", ["serverIp": ""]).status == 200)
      #expect(try s.get("settings.getIp").json == "")
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func assignDomainServerSetsTheHost() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.post(
        "settings.assignDomainServer",
        ["host": "dokploy.example.com", "certificateType": "letsencrypt", "letsEncryptEmail": "ops@example.com"])
      #expect(r.status == 200)
      #expect(r.json?["host"] == "dokploy.example.com")
      let row = try s.get("settings.getWebServerSettings").json
      #expect(row?["host"] == "dokploy.example.com")
      #expect(row?["certificateType"] == "letsencrypt")
      #expect(row?["letsEncryptEmail"] == "ops@example.com")
      #expect(row?["https"] == false, "not given: unchanged")
      #expect(row?["serverIp"] == "127.0.0.1")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// A write like the others: with `--state` the IP survives a restart (and the row keeps its id).
  @Test func serverIpIsJournalled() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-ip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s1 = try await SandboxClient.start(statePath: path)
    let id = try s1.get("settings.getWebServerSettings").json?["id"]
    #expect(try s1.post("settings.updateServerIp", ["serverIp": "198.51.100.4"]).status == 200)
    await s1.sb.stop()
    let s2 = try await SandboxClient.start(statePath: path)
    try await withTeardown { () async throws in
      #expect(try s2.get("settings.getIp").json == "198.51.100.4")
      #expect(try s2.get("settings.getWebServerSettings").json?["id"] == id)
    } teardown: {
      await s2.sb.stop()
    }
  }
}
