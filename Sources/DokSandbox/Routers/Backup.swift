import DokCore

extension Routers {
  /// The `backup` router's procedures.
  static let backup: [Procedure] = [
    .table(
      "backup.create", "void", "routers/backup.ts:83",
      refusedInsert: .init(code: .BAD_REQUEST, message: nil, source: "routers/backup.ts:161")),
    .table("backup.one", "row of backups", "routers/backup.ts:173"),
    .table("backup.update", "void", "routers/backup.ts:193"),
    .table("backup.remove", "row of backups (deleted)", "routers/backup.ts:250"),
    .shape("backup.manualBackupPostgres", "true", "routers/backup.ts:293"),
    .shape("backup.manualBackupMySql", "true", "routers/backup.ts:324"),
    .shape("backup.manualBackupMariadb", "true", "routers/backup.ts:351"),
    .shape("backup.manualBackupCompose", "true", "routers/backup.ts:378"),
    .shape("backup.manualBackupMongo", "true", "routers/backup.ts:405"),
    .shape("backup.manualBackupLibsql", "true", "routers/backup.ts:432"),
    .shape("backup.manualBackupWebServer", "true", "routers/backup.ts:459"),
    // The listing of an (empty) bucket; `findDestinationById`'s 404 is rethrown as a 400 by the catch (routers/backup.ts:553).
    .recorded(
      "backup.listBackupFiles",
      .value([], "routers/backup.ts:472").requiring(
        "destinationId", "destinations", "Destination not found", code: .BAD_REQUEST)),
  ]
}
