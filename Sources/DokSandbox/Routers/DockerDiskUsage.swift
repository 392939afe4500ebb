import DokCore

extension Routers {
  /// The `dockerDiskUsage` router's procedures.
  static let dockerDiskUsage: [Procedure] = [
    .recorded("dockerDiskUsage.getDiskUsage", .value(diskUsage, "utils/docker/utils.ts:303")),
    .recorded("dockerDiskUsage.getBuildCache", .value([], "utils/docker/utils.ts:339")),
    .recorded("dockerDiskUsage.pruneBuildCache", .void("routers/docker-disk-usage.ts:45")),
  ]
}
