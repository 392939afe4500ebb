import DokCore

extension Routers {
  /// The `network` router's procedures.
  static let network: [Procedure] = [
    .table("network.all", "", ""),
    .table("network.one", "", ""),
    .table("network.create", "", ""),
    .recorded("network.networksToSync", .value(["importable": [], "missing": []], "services/network.ts:136")),
    .code("network.import", "{imported, errors}", "services/network.ts:184", changesState: true) { s, input, _ in
      try s.importNetworks(input)
    },
    .recorded("network.inspect", .value(networkInspect, "services/network.ts:323")),
    .recorded("network.recreate", .row("network", "services/network.ts:288")),
    .table("network.remove", "", ""),
  ]
}
