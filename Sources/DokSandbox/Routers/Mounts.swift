import DokCore

extension Routers {
  /// The `mounts` router's procedures.
  static let mounts: [Procedure] = [
    .table(
      "mounts.create", "row of mounts (inserted)", "routers/mount.ts:77",
      refusedInsert: .init(code: .BAD_REQUEST, message: "Error <query>", source: "services/mount.ts:72")),
    .table("mounts.remove", "row of mounts (deleted)", "routers/mount.ts:92"),
    .table("mounts.one", "row of mounts", "routers/mount.ts:118"),
    .table("mounts.update", "row of mounts", "routers/mount.ts:138"),
    .recorded("mounts.allNamedByApplicationId", .void("routers/mount.ts:164")),
    .recorded(
      "mounts.listByServiceId",
      .findMany(
        "mounts.listByServiceId", ["<input.serviceType>Id": "<input.serviceId>"], "services/mount.ts:205")),
  ]
}
