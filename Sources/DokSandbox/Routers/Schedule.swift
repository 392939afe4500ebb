import DokCore

extension Routers {
  /// The `schedule` router's procedures.
  static let schedule: [Procedure] = [
    .table("schedule.create", "row of schedules (inserted)", "routers/schedule.ts:32"),
    .table("schedule.update", "row of schedules (updated)", "routers/schedule.ts:88"),
    .table("schedule.delete", "true", "routers/schedule.ts:163"),
    .recorded("schedule.list", RouterReply(kind: .schedules, source: "routers/schedule.ts:201")),
    .table("schedule.one", "row of schedules", "routers/schedule.ts:286"),
    .recorded("schedule.runManually", RouterReply(kind: .scheduleRun, source: "routers/schedule.ts:313")),
  ]
}
