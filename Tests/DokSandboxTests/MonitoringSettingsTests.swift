import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `admin.setupMonitoring` stores the metrics configuration in the settings row
/// (routers/admin.ts:23-50) and `user.getMetricsToken` reads it back with the server's IP
/// (routers/user.ts:381-390).
@Suite struct MonitoringSettingsTests {
  @Test func setupMonitoringIsWhatGetMetricsTokenReturns() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let config: JSON = [
        "server": [
          "refreshRate": 30, "port": 4500, "token": "metrics-token", "urlCallback": "http://127.0.0.1:3000/api/metrics",
          "retentionDays": 7, "cronJob": "0 0 * * *", "thresholds": ["cpu": 80, "memory": 90],
        ],
        "containers": ["refreshRate": 30, "services": ["include": ["web"], "exclude": []]],
      ]
      let r = try s.post("admin.setupMonitoring", ["metricsConfig": config])
      #expect(r.status == 200, "\(r.body)")
      #expect(r.json?["metricsConfig"]?["server"]?["token"] == "metrics-token")
      let token = try #require(try s.get("user.getMetricsToken").json)
      #expect(token["serverIp"] == "127.0.0.1")
      #expect(token["enabledFeatures"] == false)
      #expect(token["metricsConfig"]?["server"]?["type"] == "Dokploy")
      #expect(token["metricsConfig"]?["server"]?["port"] == 4500)
      #expect(token["metricsConfig"]?["containers"]?["services"]?["include"] == ["web"])
      #expect(try s.get("settings.getWebServerSettings").json?["metricsConfig"]?["server"]?["retentionDays"] == 7)
    } teardown: {
      await s.sb.stop()
    }
  }
}
