import DokCore

/// The web server's settings: one `webServerSettings` row (`services/web-server-settings.ts`),
/// which the first sign-up gives the server's public IP (`lib/auth.ts:229`; the sandbox's is
/// 127.0.0.1). `settings.updateServerIp`, `settings.assignDomainServer` and
/// `admin.setupMonitoring` change it; `settings.getIp`, `settings.getWebServerSettings` and
/// `user.getMetricsToken` read it back.
extension SandboxState {
  mutating func webServer(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    var row = webServerSettings
    switch name {
    case "settings.getWebServerSettings":
      return .object(row)
    case "settings.getIp":
      return .string(row.str("serverIp") ?? "")
    case "settings.updateServerIp":
      row["serverIp"] = input["serverIp"] ?? row["serverIp"]
    case "user.getMetricsToken":
      // routers/user.ts:381-390: the owner's enablePaidFeatures and the settings' IP and metrics.
      return [
        "serverIp": row["serverIp"] ?? .null, "enabledFeatures": userRow["enablePaidFeatures"] ?? false,
        "metricsConfig": row["metricsConfig"] ?? .null,
      ]
    case "admin.setupMonitoring":
      // routers/admin.ts:23-44: the metrics configuration as given (services' lists default to []).
      let server = input["metricsConfig"]?["server"]
      let containers = input["metricsConfig"]?["containers"]
      row["metricsConfig"] = [
        "server": [
          "type": "Dokploy", "refreshRate": server?["refreshRate"] ?? .null, "port": server?["port"] ?? .null,
          "token": server?["token"] ?? .null, "cronJob": server?["cronJob"] ?? .null,
          "urlCallback": server?["urlCallback"] ?? .null, "retentionDays": server?["retentionDays"] ?? .null,
          "thresholds": [
            "cpu": server?["thresholds"]?["cpu"] ?? .null, "memory": server?["thresholds"]?["memory"] ?? .null,
          ],
        ],
        "containers": [
          "refreshRate": containers?["refreshRate"] ?? .null,
          "services": [
            "include": containers?["services"]?["include"] ?? [], "exclude": containers?["services"]?["exclude"] ?? [],
          ],
        ],
      ]
    case "settings.assignDomainServer":
      // routers/settings.ts:289-294: given members only (drizzle drops undefined ones).
      for key in ["host", "letsEncryptEmail", "certificateType", "https"] { if let v = input[key] { row[key] = v } }
    default:
      return try generic(name, input, now: now)
    }
    // `updateWebServerSettings` sets `updatedAt` with every update (services/web-server-settings.ts:37).
    row["updatedAt"] = .string(Support.iso(now))
    store("webServerSettings", row)
    return .object(row)
  }

  /// The settings row (the first by `createdAt`, as `getWebServerSettings` reads it; the engine
  /// makes it at start, see ``ensureWebServerSettings()``).
  var webServerSettings: JSONObject {
    if let row = self[table: "webServerSettings"]?.all.first { return row }
    var state = self
    return state.initialWebServerSettings()
  }

  /// Creates the settings row when there is none, as the real server has it once its owner signed
  /// up (the engine calls this at start, after replaying the state file's journal).
  mutating func ensureWebServerSettings() {
    guard self[table: "webServerSettings"]?.count ?? 0 == 0 else { return }
    store("webServerSettings", initialWebServerSettings())
  }

  private mutating func initialWebServerSettings() -> JSONObject {
    var row = JSONObject()
    for c in DokployFacts.shared.tables["webServerSettings"]?.columns ?? [] { row[c.name] = defaultValue(c, now: 0) }
    row["serverIp"] = "127.0.0.1"
    row["createdAt"] = .string(createdAt)
    row["updatedAt"] = .string(createdAt)
    return row
  }
}
