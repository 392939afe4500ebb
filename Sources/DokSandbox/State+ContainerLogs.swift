import DokCore

/// `<service>.readLogs` (`routers/application.ts:1113` and its twins in compose and the database
/// routers): Dokploy runs `docker container logs --timestamps --tail N [--since S]` on the
/// service's container (`services/docker.ts:421`, `getContainerLogs`), piped through
/// `grep -iF SEARCH` when a search is given. A service with no container (never deployed, or
/// stopped) makes it throw "No container or service found for: <appName>", which tRPC answers as
/// a 500. The sandbox's container runs while the service's status is `done`, as in `docker.getContainers`.
extension SandboxState {
  /// The routers whose `readLogs` reads a container's log, with their id member and status member.
  static let containerLogRouters: [String: (table: String, idKey: String, statusKey: String, thing: String)] = {
    var routers: [String: (table: String, idKey: String, statusKey: String, thing: String)] = [
      "application": ("applications", "applicationId", "applicationStatus", "Application"),
      "compose": ("compose", "composeId", "composeStatus", "Compose"),
    ]
    for k in DatabaseKind.allCases { routers[k.rawValue] = (k.rawValue, k.idKey, "applicationStatus", k.displayName) }
    return routers
  }()

  /// `<router>.readLogs` for `input`: the last `tail` lines (default 100) of the container's log,
  /// each stamped as Docker stamps them, filtered by `since` (`all` or `N[smhd]`) and `search`.
  func containerLogs(router: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON {
    guard let r = Self.containerLogRouters[router] else { throw .notFound("Procedure") }
    let row: JSONObject?
    switch router {
    case "application": row = input.str(r.idKey).flatMap { applications[$0] }
    case "compose": row = input.str(r.idKey).flatMap { compose[$0] }
    default: row = DatabaseKind(rawValue: router).flatMap { k in input.str(r.idKey).flatMap { databases[k]?[$0] } }
    }
    guard let row else { throw .notFound(r.thing) }
    let appName = row.str("appName") ?? ""
    guard row.str(r.statusKey) == "done" else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, "No container or service found for: \(appName)")
    }
    // The container started when its newest successful deployment finished (else when it was made).
    let finished = deploymentsOf(r.idKey, row.str(r.idKey) ?? "").first { $0.str("status") == "done" }?.str("finishedAt")
    let start = (finished ?? row.str("createdAt")).flatMap(Support.unixTime(iso:)) ?? now
    var lines = Self.startupLines(router: router, row: row).enumerated().map { i, text in
      (at: start + Double(i) * 0.25, text: text)
    }
    lines = lines.filter { $0.at <= now }
    if let since = input.str("since"), since != "all", let seconds = Self.seconds(since) {
      lines = lines.filter { $0.at >= now - seconds }
    }
    if let search = input.str("search"), !search.isEmpty {
      lines = lines.filter { $0.text.lowercased().contains(search.lowercased()) }
    }
    let tail = input["tail"]?.numberValue.flatMap(Support.int) ?? 100
    return .string(lines.suffix(max(tail, 0)).map { Self.dockerStamp($0.at) + " " + $0.text + "\n" }.joined())
  }

  /// What the service's program prints when it starts.
  static func startupLines(router: String, row: JSONObject) -> [String] {
    let appName = row.str("appName") ?? "app"
    switch router {
    case "postgres":
      return [
        "PostgreSQL init process complete; ready for start up.",
        "LOG:  starting PostgreSQL on x86_64-pc-linux-gnu", "LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
        "LOG:  database system is ready to accept connections",
      ]
    case "mysql", "mariadb":
      return [
        "[Note] [Entrypoint]: Entrypoint script for \(router) Server started.", "[System] [Server] starting as process 1",
        "[System] [Server] /usr/sbin/mysqld: ready for connections. Port: 3306",
      ]
    case "mongo":
      return [
        #"{"s":"I","c":"NETWORK","msg":"Listening on","attr":{"address":"0.0.0.0"}}"#,
        #"{"s":"I","c":"NETWORK","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}"#,
      ]
    case "redis":
      return ["* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", "* Server initialized", "* Ready to accept connections tcp"]
    case "compose":
      return ["\(appName)  | starting", "\(appName)  | ready"]
    default:
      let image = row.str("dockerImage") ?? "\(appName):latest"
      return ["\(appName): container started from \(image)", "\(appName): listening on 0.0.0.0:3000"]
    }
  }

  /// `N[smhd]` → seconds (the router's schema allows only these forms).
  static func seconds(_ since: String) -> Double? {
    guard let unit = since.last, let n = Double(since.dropLast()) else { return nil }
    switch unit {
    case "s": return n
    case "m": return n * 60
    case "h": return n * 3600
    case "d": return n * 86400
    default: return nil
    }
  }

  /// Docker's `--timestamps` form: RFC 3339 with nanoseconds (`2026-01-02T03:04:05.678000000Z`).
  static func dockerStamp(_ t: Double) -> String {
    let iso = Support.iso(t)
    return String(iso.dropLast()) + "000000Z"
  }
}
