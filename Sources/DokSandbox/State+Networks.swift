import DokCore

/// `network.import` (`routers/network.ts:75-97`, `services/network.ts:140-184`): imports Docker
/// networks by name as `network` rows. The sandbox's daemon has only Docker's and Dokploy's own
/// networks (which `network.networksToSync` therefore never offers), so each name is either
/// already a row ("Already imported"), one of those reserved networks, or unknown to the
/// daemon (dockerode's 404 message); nothing is imported.
extension SandboxState {
  /// Networks the sandbox's daemon has: `RESERVED_NETWORKS` of `services/network.ts:10`.
  static let daemonNetworks: Set<String> = ["bridge", "host", "none", "ingress", "docker_gwbridge", "dokploy-network"]

  mutating func importNetworks(_ input: JSONObject) throws(SandboxError) -> JSON? {
    let serverId = input.str("serverId")
    // getRemoteDocker(serverId): findServerById for a remote server.
    if let serverId, self[table: "server"]?[serverId] == nil { throw .notFound("Server") }
    let existing = Set(
      (self[table: "network"]?.all ?? []).filter {
        $0.str("organizationId") == organizationId && $0.str("serverId") == serverId
      }.compactMap { $0.str("name") })
    var errors: [JSON] = []
    for case .string(let name) in input["names"]?.arrayValue ?? [] {
      let error: String
      if existing.contains(name) {
        error = "Already imported"
      } else if Self.daemonNetworks.contains(name) {
        error = "Network is reserved or not supported"
      } else {
        // dockerode (docker-modem): "(HTTP code <status>) <reason> - <daemon's message> ".
        error = "(HTTP code 404) no such network - network \(name) not found "
      }
      errors.append(["name": .string(name), "error": .string(error)])
    }
    return ["imported": [], "errors": .array(errors)]
  }
}
