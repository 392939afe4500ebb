import DokCore

extension Routers {
  /// The `cluster` router's procedures.
  static let cluster: [Procedure] = [
    .recorded("cluster.getNodes", .value([clusterNode], "routers/cluster.ts:34")),
    .recorded("cluster.removeWorker", .value(true, "routers/cluster.ts:71")),
    .recorded(
      "cluster.addWorker",
      .value(
        ["command": "docker swarm join --token SWMTKN-1-sandbox-worker 127.0.0.1:2377", "version": "28.5.1"],
        "routers/cluster.ts:109")),
    .recorded(
      "cluster.addManager",
      .value(
        ["command": "docker swarm join --token SWMTKN-1-sandbox-manager 127.0.0.1:2377", "version": "28.5.1"],
        "routers/cluster.ts:142")),
  ]
}
