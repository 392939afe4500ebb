import DokCore

extension Routers {

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
