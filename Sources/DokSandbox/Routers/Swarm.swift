import DokCore

extension Routers {
  /// The `swarm` router's procedures.
  static let swarm: [Procedure] = [
    .recorded("swarm.getNodes", .value([swarmNode], "services/docker.ts:578")),
    .recorded("swarm.getNodeInfo", .value(clusterNode, "services/docker.ts:606")),
    .recorded("swarm.getNodeApps", .value([], "services/docker.ts:642")),
    .recorded("swarm.getContainerStats", .value([], "services/docker.ts:715")),
  ]
}
