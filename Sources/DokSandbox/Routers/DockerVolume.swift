import DokCore

extension Routers {
  /// The `dockerVolume` router's procedures.
  static let dockerVolume: [Procedure] = [
    .recorded(
      "dockerVolume.getVolumes",
      .value(
        [
          [
            "Driver": "local", "Labels": "", "Links": "N/A", "Mountpoint": "/var/lib/docker/volumes/dokploy-postgres/_data",
            "Name": "dokploy-postgres", "Scope": "local", "Size": "N/A",
          ]
        ], "services/docker-volume.ts:29")),
    .recorded(
      "dockerVolume.getVolumesSize", .value([["name": "dokploy-postgres", "size": "48MB"]], "services/docker-volume.ts:49")),
    .recorded("dockerVolume.listVolumeFiles", .value(files, "services/docker-volume.ts:92")),
    .recorded("dockerVolume.readVolumeFile", .value(["content": "", "truncated": false], "services/docker-volume.ts:122")),
    .recorded("dockerVolume.writeVolumeFile", .void("routers/docker-volume.ts:107")),
    .recorded("dockerVolume.deleteVolumeFile", .void("routers/docker-volume.ts:140")),
    .recorded(
      "dockerVolume.getVolumeConfig",
      .value(
        [
          "CreatedAt": "2026-01-01T00:00:00Z", "Driver": "local", "Labels": .null,
          "Mountpoint": "/var/lib/docker/volumes/dokploy-postgres/_data", "Name": "dokploy-postgres", "Options": .null,
          "Scope": "local",
        ], "services/docker-volume.ts:71")),
    .recorded("dockerVolume.removeVolume", .void("routers/docker-volume.ts:190")),
  ]
}
