import DokCore

extension Routers {
  /// The `volumeBackups` router's procedures.
  static let volumeBackups: [Procedure] = [
    .recorded(
      "volumeBackups.list",
      .findMany(
        "volumeBackups.list", ["<input.volumeBackupType>Id": "<input.id>"], "routers/volume-backups.ts:54")),
    .table("volumeBackups.create", "row of volumeBackups (inserted)", "routers/volume-backups.ts:82"),
    .table("volumeBackups.one", "row of volumeBackups", "routers/volume-backups.ts:132"),
    .table("volumeBackups.delete", "void", "routers/volume-backups.ts:156"),
    .table("volumeBackups.update", "row of volumeBackups (updated)", "routers/volume-backups.ts:186"),
    .shape("volumeBackups.runManually", "void", "routers/volume-backups.ts:246"),
  ]
}
