import DokCore

extension Routers {
  /// The `docker` router's procedures.
  static let docker: [Procedure] = [
    .code("docker.getContainers", "", "", changesState: false) { s, input, now in
      try s.misc("docker.getContainers", input, now: now)
    },
    .recorded("docker.getServerHealth", .value(serverHealth, "services/server-health.ts:281")),
    .recorded("docker.restartContainer", .void("routers/docker.ts:80")),
    .recorded("docker.startContainer", .void("routers/docker.ts:106")),
    .recorded("docker.stopContainer", .void("routers/docker.ts:132")),
    .recorded("docker.killContainer", .void("routers/docker.ts:158")),
    .recorded("docker.removeContainer", .void("routers/docker.ts:184")),
    // `docker inspect` of a container the sandbox does not run fails, and getConfig returns undefined.
    .recorded("docker.getConfig", .void("services/docker.ts:97")),
    .recorded(
      "docker.getContainersByAppNameMatch", .containers(["containerId", "name", "state", "status"], "services/docker.ts:159")),
    .recorded("docker.getContainersByAppLabel", .containers(["containerId", "name", "state"], "services/docker.ts:408")),
    .recorded(
      "docker.getStackContainersByAppName",
      .containers(
        ["containerId", "name", "state", "node", "currentState", "error"], "services/docker.ts:276")),
    .recorded(
      "docker.getServiceContainersByAppName",
      .containers(
        ["containerId", "name", "state", "node", "currentState", "error"], "services/docker.ts:341")),
    .recorded(
      "docker.uploadFileToContainer", .value(["success": true, "message": "File uploaded successfully"], "routers/docker.ts:338")),
    .recorded("docker.listContainerFiles", .value(files, "services/docker.ts:794")),
    .recorded("docker.readContainerFile", .value(["content": "", "truncated": false], "services/docker.ts:827")),
    .recorded("docker.writeContainerFile", .void("routers/docker.ts:391")),
    .recorded("docker.deleteContainerFile", .void("routers/docker.ts:424")),
    .recorded("docker.getEvents", .value(["events": [], "fetchedAt": .string(RouterReply.nowMarker)], "services/docker.ts:923")),
  ]
}
