import DokCore

extension RecordedReplies {
  /// Replies the real router derives from a row of the state (a compose file, a schedule).
  static func derived(_ kind: RouterReply.Kind, _ input: JSONObject, state: inout SandboxState, now: Double)
    throws(SandboxError) -> JSON?
  {
    let compose = input.str("composeId").flatMap { state.compose[$0] } ?? JSONObject()
    let file = compose.str("composeFile") ?? ""
    switch kind {
    case .randomizedCompose:
      // utils/docker/compose.ts:25: the input's suffix, else `crypto.randomBytes(4)` in hex.
      let given = input.str("suffix") ?? ""
      let suffix = given.isEmpty ? Support.random(8, from: "0123456789abcdef") : given
      return .string(ComposeRandomizer(suffix: suffix).randomize(file))
    case .isolatedCompose:
      return .string(try isolated(file, compose, suffix: input.str("suffix")))
    case .composeCommand:
      return .string("docker " + command(compose))
    case .scheduleRun:
      return try scheduleRun(input, state: &state, now: now)
    case .schedules:
      return schedules(input, state: state)
    case .traefikConfig:
      guard let id = input.str("applicationId"), let app = state.applications[id] else { return .null }
      let config = TraefikConfig(
        application: app, domains: state.domains.filter("applicationId", id),
        redirectKeys: (state[table: "redirects"]?.filter("applicationId", id) ?? []).map {
          $0["uniqueConfigKey"].map { $0.numberValue.map(JSONWriter.formatNumber) ?? $0.stringValue ?? "" } ?? ""
        },
        secured: !(state[table: "security"]?.filter("applicationId", id) ?? []).isEmpty)
      return .string(config.yaml)
    case .validateDomain:
      return validateDomain(input.str("domain") ?? "", expected: input.str("serverIp"))
    default:
      return nil
    }
  }

  /// `randomizeIsolatedDeploymentComposeFile` (utils/docker/collision.ts:28): the file as is,
  /// or, when the compose's `isolatedDeployment` is on, with a network named after the suffix
  /// (the input's, else the compose's `appName`) added to every service and to the root
  /// `networks` as `{name, external: true}`, and volumes suffixed when `isolatedDeploymentsVolume` is on.
  static func isolated(_ file: String, _ compose: JSONObject, suffix: String?) throws(SandboxError) -> String {
    guard file.contains(where: { !$0.isWhitespace }) else {
      // The cloned file parses to null: collision.ts:51 throws (an unwrapped error: a 500).
      throw SandboxError(.INTERNAL_SERVER_ERROR, "Compose data not found")
    }
    var text = file.hasSuffix("\n") ? file : file + "\n"
    guard compose["isolatedDeployment"] == .bool(true) else { return text }
    let given = suffix ?? ""
    let name = given.isEmpty ? compose.str("appName") ?? "" : given
    if compose["isolatedDeploymentsVolume"] == .bool(true) {
      text = ComposeRandomizer(suffix: name, volumesOnly: true).randomize(text)
    }
    return addNetwork(name, to: text)
  }

  /// The file with network `name` on every service (`collision/root-network.ts:24`) and in the root `networks`.
  static func addNetwork(_ name: String, to yaml: String) -> String {
    var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    func depth(_ l: String) -> Int? {
      let body = l.drop { $0 == " " }
      return body.isEmpty || body.hasPrefix("#") ? nil : l.count - body.count
    }
    func end(of start: Int, deeperThan d: Int) -> Int {
      var last = start
      var i = start + 1
      while i < lines.count {
        if let k = depth(lines[i]) {
          if k <= d { break }
          last = i
        }
        i += 1
      }
      return last
    }
    // Services, bottom up so earlier indices stay valid.
    if let s = lines.firstIndex(where: { depth($0) == 0 && $0.hasPrefix("services:") }) {
      let sEnd = end(of: s, deeperThan: 0)
      let serviceDepth = (s + 1...max(s + 1, sEnd)).lazy.compactMap { $0 < lines.count ? depth(lines[$0]) : nil }.first ?? 2
      let starts = (s + 1..<(sEnd + 1)).filter { depth(lines[$0]) == serviceDepth }
      for start in starts.reversed() {
        let last = end(of: start, deeperThan: serviceDepth)
        let fieldDepth = (start + 1..<(last + 1)).lazy.compactMap { depth(lines[$0]) }.first ?? serviceDepth + 2
        let pad = String(repeating: " ", count: fieldDepth)
        guard
          let n = (start + 1..<(last + 1)).first(where: {
            depth(lines[$0]) == fieldDepth && lines[$0].drop { $0 == " " }.hasPrefix("networks:")
          })
        else {
          lines.insert(contentsOf: [pad + "networks:", pad + "  - " + name], at: last + 1)
          continue
        }
        let nEnd = end(of: n, deeperThan: fieldDepth)
        guard nEnd > n, let itemDepth = depth(lines[n + 1]) else { continue }
        let item = String(repeating: " ", count: itemDepth)
        if lines[n + 1].drop(while: { $0 == " " }).hasPrefix("- ") {
          let present = (n + 1...nEnd).contains { lines[$0].trimming() == "- " + name }
          if !present { lines.insert(item + "- " + name, at: nEnd + 1) }
        } else {
          lines.insert(item + name + ": {}", at: nEnd + 1)
        }
      }
    }
    let entry = ["  " + name + ":", "    name: " + name, "    external: true"]
    if let r = lines.firstIndex(where: { depth($0) == 0 && $0.hasPrefix("networks:") }) {
      lines.insert(contentsOf: entry, at: end(of: r, deeperThan: 0) + 1)
    } else {
      lines.append("networks:")
      lines.append(contentsOf: entry)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `createCommand` (utils/builders/compose.ts:122): the compose's own command (trimmed, words
  /// unquoted), else `compose -p APP -f PATH up -d --build --remove-orphans` (`stack deploy -c
  /// PATH APP --prune --with-registry-auth` for a stack); a raw compose's path is `docker-compose.yml`.
  static func command(_ compose: JSONObject) -> String {
    if let own = compose.str("command"), !own.isEmpty {
      return own.trimming().split(whereSeparator: \.isWhitespace).map { word -> String in
        word.count >= 2 && word.hasPrefix("\"") && word.hasSuffix("\"") ? String(word.dropFirst().dropLast()) : String(word)
      }.joined(separator: " ")
    }
    let appName = compose.str("appName") ?? ""
    let path = compose.str("sourceType") == "raw" ? "docker-compose.yml" : compose.str("composePath") ?? ""
    switch compose.str("composeType") {
    case "stack": return "stack deploy -c \(path) \(appName) --prune --with-registry-auth"
    case "docker-compose": return "compose -p \(appName) -f \(path) up -d --build --remove-orphans"
    default: return ""
    }
  }

  /// `schedule.runManually` (routers/schedule.ts:313, utils/schedules/utils.ts:40): the run's
  /// deployment, `done` when the command could run (a host schedule, or the service's container is
  /// running), `error` when the container is not found; its log under `/etc/dokploy/schedules/APP/`.
  /// The run's deployment row is stored (`deployment.allByType type=schedule` lists it).
  static func scheduleRun(_ input: JSONObject, state: inout SandboxState, now: Double) throws(SandboxError) -> JSON {
    let schedule = input.str("scheduleId").flatMap { state[table: "schedules"]?[$0] } ?? JSONObject()
    let appName = schedule.str("appName") ?? ""
    let running: Bool
    switch schedule.str("scheduleType") {
    case "application":
      running = schedule.str("applicationId").flatMap { state.applications[$0]?.str("applicationStatus") } == "done"
    case "compose":
      running = schedule.str("composeId").flatMap { state.compose[$0]?.str("composeStatus") } == "done"
    default:
      running = true
    }
    // `format(new Date(), "yyyy-MM-dd:HH:mm:ss")` (services/deployment.ts:470).
    let stamp = String(Support.iso(now).prefix(19).map { $0 == "T" ? ":" : $0 })
    let logPath = "/etc/dokploy/schedules/\(appName)/\(appName)-\(stamp).log"
    let status: JSON = running ? "done" : "error"
    var fields = JSONObject()
    fields["scheduleId"] = input["scheduleId"] ?? .null
    fields["title"] = "Schedule"
    fields["description"] = "Schedule"
    fields["logPath"] = .string(logPath)
    // services/deployment.ts:482 inserts it `running`; runCommand ends it done or error (utils.ts:196).
    fields["status"] = status
    fields["startedAt"] = .string(Support.iso(now))
    fields["finishedAt"] = .string(Support.iso(now))
    guard let table = DokployFacts.shared.tables["deployments"] else { return .null }
    let row = try state.insert(table, fields, now: now)
    return ["status": status, "deploymentId": row["deploymentId"] ?? .null, "logPath": .string(logPath)]
  }

  /// `schedule.list` (routers/schedule.ts:201): the schedules whose `applicationId`, `composeId`
  /// or `serverId` is the input's `id` (the organization's for `dokploy-server`), oldest first,
  /// with the relations tables.json lists.
  static func schedules(_ input: JSONObject, state: SandboxState) -> JSON {
    guard let t = DokployFacts.shared.tables["schedules"] else { return [] }
    let id = input.str("id")
    let rows = (state[table: "schedules"]?.all ?? []).filter { row in
      switch input.str("scheduleType") {
      case "application": return row.str("applicationId") == id
      case "compose": return row.str("composeId") == id
      case "server": return row.str("serverId") == id
      case "dokploy-server": return row.str("organizationId") == state.organizationId
      default: return false
      }
    }.sorted { ($0.str("createdAt") ?? "") < ($1.str("createdAt") ?? "") }
    let plan = RelationPlan.forReply("schedule.list")
    return .array(rows.map { .object(state.expand($0, t, plan, depth: 0)) })
  }

  /// `validateDomain` (services/domain.ts:155) without the network: the sandbox resolves
  /// `localhost` names to 127.0.0.1 and wildcard-DNS names (`sslip.io`, `nip.io`, `traefik.me`)
  /// to the address they spell; any other name fails as `dns.resolve4` does offline.
  static func validateDomain(_ domain: String, expected: String?) -> JSON {
    var clean = domain
    for scheme in ["https://", "http://"] where clean.hasPrefix(scheme) { clean = String(clean.dropFirst(scheme.count)) }
    clean = String(clean.split(separator: "/", omittingEmptySubsequences: false).first ?? "")
    guard let ip = resolve(clean.lowercased()) else {
      return ["isValid": false, "error": .string("queryA ENOTFOUND \(clean)")]
    }
    guard let expected, !expected.isEmpty else { return ["isValid": true, "resolvedIp": .string(ip)] }
    if ip == expected { return ["isValid": true, "resolvedIp": .string(ip)] }
    return [
      "isValid": false, "resolvedIp": .string(ip),
      "error": .string("Domain resolves to \(ip) but should point to \(expected)"),
    ]
  }

  /// The address a wildcard-DNS or `localhost` name stands for, nil for any other name.
  static func resolve(_ host: String) -> String? {
    if host == "localhost" || host.hasSuffix(".localhost") { return "127.0.0.1" }
    for zone in [".sslip.io", ".nip.io", ".traefik.me"] where host.hasSuffix(zone) {
      let labels = host.dropLast(zone.count).split(whereSeparator: { $0 == "." || $0 == "-" })
      let octets = labels.suffix(4).compactMap { UInt8($0) }
      if labels.count >= 4 && octets.count == 4 { return octets.map(String.init).joined(separator: ".") }
    }
    return nil
  }
}
