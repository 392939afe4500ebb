import DokCore

extension RouterReplies {
  /// `docker`, `dockerImage`, `dockerVolume`, `dockerDiskUsage`, `swarm`, `cluster`, `network`:
  /// the shapes Docker's CLI output takes after the services map it.
  static let docker: [String: RouterReply] = [
    "docker.getServerHealth": .value(serverHealth, "services/server-health.ts:281"),
    "docker.restartContainer": .void("routers/docker.ts:80"),
    "docker.startContainer": .void("routers/docker.ts:106"),
    "docker.stopContainer": .void("routers/docker.ts:132"),
    "docker.killContainer": .void("routers/docker.ts:158"),
    "docker.removeContainer": .void("routers/docker.ts:184"),
    // `docker inspect` of a container the sandbox does not run fails, and getConfig returns undefined.
    "docker.getConfig": .void("services/docker.ts:97"),
    "docker.getContainersByAppNameMatch": .containers(["containerId", "name", "state", "status"], "services/docker.ts:159"),
    "docker.getContainersByAppLabel": .containers(["containerId", "name", "state"], "services/docker.ts:408"),
    "docker.getStackContainersByAppName": .containers(
      ["containerId", "name", "state", "node", "currentState", "error"], "services/docker.ts:276"),
    "docker.getServiceContainersByAppName": .containers(
      ["containerId", "name", "state", "node", "currentState", "error"], "services/docker.ts:341"),
    "docker.uploadFileToContainer": .value(["success": true, "message": "File uploaded successfully"], "routers/docker.ts:338"),
    "docker.listContainerFiles": .value(files, "services/docker.ts:794"),
    "docker.readContainerFile": .value(["content": "", "truncated": false], "services/docker.ts:827"),
    "docker.writeContainerFile": .void("routers/docker.ts:391"),
    "docker.deleteContainerFile": .void("routers/docker.ts:424"),
    "docker.getEvents": .value(["events": [], "fetchedAt": .string(RouterReply.nowMarker)], "services/docker.ts:923"),
    "dockerDiskUsage.getDiskUsage": .value(dockerDiskUsage, "utils/docker/utils.ts:303"),
    "dockerDiskUsage.getBuildCache": .value([], "utils/docker/utils.ts:339"),
    "dockerDiskUsage.pruneBuildCache": .void("routers/docker-disk-usage.ts:45"),
    "dockerImage.getImages": .value(images, "services/docker-image.ts:27"),
    "dockerImage.getImageConfig": .value(imageConfig, "services/docker-image.ts:44"),
    "dockerImage.removeImage": .void("routers/docker-image.ts:46"),
    "dockerVolume.getVolumes": .value(
      [
        [
          "Driver": "local", "Labels": "", "Links": "N/A", "Mountpoint": "/var/lib/docker/volumes/dokploy-postgres/_data",
          "Name": "dokploy-postgres", "Scope": "local", "Size": "N/A",
        ]
      ], "services/docker-volume.ts:29"),
    "dockerVolume.getVolumesSize": .value([["name": "dokploy-postgres", "size": "48MB"]], "services/docker-volume.ts:49"),
    "dockerVolume.listVolumeFiles": .value(files, "services/docker-volume.ts:92"),
    "dockerVolume.readVolumeFile": .value(["content": "", "truncated": false], "services/docker-volume.ts:122"),
    "dockerVolume.writeVolumeFile": .void("routers/docker-volume.ts:107"),
    "dockerVolume.deleteVolumeFile": .void("routers/docker-volume.ts:140"),
    "dockerVolume.getVolumeConfig": .value(
      [
        "CreatedAt": "2026-01-01T00:00:00Z", "Driver": "local", "Labels": .null,
        "Mountpoint": "/var/lib/docker/volumes/dokploy-postgres/_data", "Name": "dokploy-postgres", "Options": .null,
        "Scope": "local",
      ], "services/docker-volume.ts:71"),
    "dockerVolume.removeVolume": .void("routers/docker-volume.ts:190"),
    "swarm.getNodes": .value([swarmNode], "services/docker.ts:578"),
    "swarm.getNodeInfo": .value(clusterNode, "services/docker.ts:606"),
    "swarm.getNodeApps": .value([], "services/docker.ts:642"),
    "swarm.getContainerStats": .value([], "services/docker.ts:715"),
    "cluster.getNodes": .value([clusterNode], "routers/cluster.ts:34"),
    "cluster.removeWorker": .value(true, "routers/cluster.ts:71"),
    "cluster.addWorker": .value(
      ["command": "docker swarm join --token SWMTKN-1-sandbox-worker 127.0.0.1:2377", "version": "28.5.1"],
      "routers/cluster.ts:109"),
    "cluster.addManager": .value(
      ["command": "docker swarm join --token SWMTKN-1-sandbox-manager 127.0.0.1:2377", "version": "28.5.1"],
      "routers/cluster.ts:142"),
    "network.networksToSync": .value(["importable": [], "missing": []], "services/network.ts:136"),
    "network.inspect": .value(networkInspect, "services/network.ts:323"),
    "network.recreate": .row("network", "services/network.ts:288"),
  ]

  /// `ls -1Ap` of a directory, mapped to `{name, isDirectory}` (directories first).
  static let files: JSON = [
    ["name": "data", "isDirectory": true], ["name": "config.json", "isDirectory": false],
  ]

  /// `getServerHealth` of a quiet single-node server.
  static let serverHealth: JSON = [
    "checkedAt": .string(RouterReply.nowMarker),
    "containers": ["containerCount": 3, "serviceCount": 3],
    "resources": ["memTotalBytes": 4_108_378_112, "memUsedBytes": 1_232_347_136, "cpuCount": 2],
    "inotify": [
      "maxWatches": 65536, "maxInstances": 128, "maxQueuedEvents": 16384, "currentInstances": 12, "persisted": false,
    ],
    "disk": ["totalBytes": 42_006_183_936, "usedBytes": 9_663_676_416],
    "dockerNetworks": ["count": 5, "addressPools": .null, "usage": []],
    "daemonErrors": [], "daemonLogsWindow": .null, "reservation": .null,
  ]

  /// `docker images --format '{{json .}}'`.
  static let images: JSON = [
    [
      "Containers": "N/A", "CreatedAt": "2026-01-01 00:00:00 +0000 UTC", "CreatedSince": "2 weeks ago", "Digest": "<none>",
      "ID": "4a1cf0f35c3d", "Repository": "dokploy/dokploy", "SharedSize": "N/A", "Size": "1.21GB", "Tag": "v0.30.2",
      "UniqueSize": "N/A", "VirtualSize": "1.21GB",
    ],
    [
      "Containers": "N/A", "CreatedAt": "2026-01-01 00:00:00 +0000 UTC", "CreatedSince": "2 weeks ago", "Digest": "<none>",
      "ID": "9c2a0f1d8e7b", "Repository": "traefik", "SharedSize": "N/A", "Size": "224MB", "Tag": "v3.6.1",
      "UniqueSize": "N/A", "VirtualSize": "224MB",
    ],
  ]

  /// `docker image inspect` (its first element).
  static let imageConfig: JSON = [
    "Id": "sha256:4a1cf0f35c3d", "RepoTags": ["dokploy/dokploy:v0.30.2"], "RepoDigests": [],
    "Created": "2026-01-01T00:00:00Z", "Architecture": "amd64", "Os": "linux", "Size": 1_210_000_000,
    "Config": ["Env": ["PATH=/usr/local/bin:/usr/bin:/bin"], "Cmd": ["pnpm", "start"], "WorkingDir": "/app"],
  ]

  /// `docker node ls --format '{{json .}}'`.
  static let swarmNode: JSON = [
    "Availability": "Active", "EngineVersion": "28.5.1", "Hostname": "sandbox", "ID": "sandboxnode0000000000000",
    "ManagerStatus": "Leader", "Self": true, "Status": "Ready", "TLSStatus": "Ready",
  ]

  /// A node as dockerode's `listNodes` / `docker node inspect` give it.
  static let clusterNode: JSON = [
    "ID": "sandboxnode0000000000000", "Version": ["Index": 9], "CreatedAt": "2026-01-01T00:00:00Z",
    "UpdatedAt": "2026-01-01T00:00:00Z",
    "Spec": ["Labels": .object(JSONObject()), "Role": "manager", "Availability": "active"],
    "Description": [
      "Hostname": "sandbox", "Platform": ["Architecture": "x86_64", "OS": "linux"],
      "Resources": ["NanoCPUs": 2_000_000_000, "MemoryBytes": 4_108_378_112], "Engine": ["EngineVersion": "28.5.1"],
    ],
    "Status": ["State": "ready", "Addr": "127.0.0.1"],
    "ManagerStatus": ["Leader": true, "Reachability": "reachable", "Addr": "127.0.0.1:2377"],
  ]

  /// `docker network inspect dokploy-network`.
  static let networkInspect: JSON = [
    "Name": "dokploy-network", "Id": "f3b1c2d4e5a6", "Created": "2026-01-01T00:00:00Z", "Scope": "swarm",
    "Driver": "overlay", "EnableIPv6": false,
    "IPAM": ["Driver": "default", "Options": .null, "Config": [["Subnet": "10.0.1.0/24", "Gateway": "10.0.1.1"]]],
    "Internal": false, "Attachable": true, "Ingress": false, "Containers": .object(JSONObject()),
    "Options": .object(JSONObject()), "Labels": .object(JSONObject()),
  ]
}
