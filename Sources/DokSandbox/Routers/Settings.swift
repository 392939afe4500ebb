import DokCore
import DokployDocument

extension Routers {
  /// The `settings` router's procedures.
  static let settings: [Procedure] = [
    .code("settings.getWebServerSettings", "row of webServerSettings", "routers/settings.ts:90", changesState: false) {
      s, input, now in try s.webServer("settings.getWebServerSettings", input, now: now)
    },
    .recorded("settings.reloadServer", .value(true, "routers/settings.ts:102")),
    .recorded("settings.cleanAllDeploymentQueue", .value(true, "server/queues/queueSetup.ts:120")),
    .recorded("settings.reloadTraefik", .value(true, "routers/settings.ts:130")),
    .recorded("settings.toggleDashboard", .value(true, "routers/settings.ts:178")),
    .recorded("settings.cleanUnusedImages", .value(true, "routers/settings.ts:189")),
    .recorded("settings.cleanUnusedVolumes", .value(true, "routers/settings.ts:200")),
    .recorded("settings.cleanStoppedContainers", .value(true, "routers/settings.ts:211")),
    .recorded("settings.cleanDockerBuilder", .void("routers/settings.ts:213")),
    .recorded("settings.cleanDockerPrune", .value(true, "routers/settings.ts:233")),
    .recorded(
      "settings.cleanAll",
      .value(
        ["status": "scheduled", "message": "Docker cleanup has been initiated in the background"],
        "utils/docker/utils.ts:417")),
    .recorded("settings.cleanMonitoring", .value(true, "routers/settings.ts:258")),
    .recorded("settings.getDockerDiskUsage", .value(diskUsage, "utils/docker/utils.ts:303")),
    .recorded("settings.saveSSHPrivateKey", .value(true, "routers/settings.ts:280")),
    .code("settings.assignDomainServer", "row of webServerSettings", "routers/settings.ts:312", changesState: true) {
      s, input, now in try s.webServer("settings.assignDomainServer", input, now: now)
    },
    .recorded("settings.cleanSSHPrivateKey", .value(true, "routers/settings.ts:326")),
    .recorded("settings.updateDockerCleanup", .value(true, "routers/settings.ts:410")),
    .recorded("settings.updateRemoteServersOnly", .enterprise("routers/settings.ts:413")),
    .recorded("settings.updateBuildsConcurrency", .value(true, "routers/settings.ts:454")),
    .recorded("settings.updateEnforceSSO", .enterprise("routers/settings.ts:457")),
    .recorded("settings.readTraefikConfig", .value(.string(traefikYAML), "utils/traefik/web-server.ts:107")),
    .recorded("settings.updateTraefikConfig", .value(true, "routers/settings.ts:499")),
    .recorded("settings.readWebServerTraefikConfig", .value(.string(webServerYAML), "utils/traefik/application.ts:131")),
    .recorded("settings.updateWebServerTraefikConfig", .value(true, "routers/settings.ts:521")),
    .recorded("settings.readMiddlewareTraefikConfig", .value(.string(middlewaresYAML), "utils/traefik/application.ts:131")),
    .recorded("settings.updateMiddlewareTraefikConfig", .value(true, "routers/settings.ts:544")),
    .recorded("settings.getUpdateData", .value(["latestVersion": .null, "updateAvailable": false], "services/settings.ts:22")),
    .recorded("settings.updateServer", .value(true, "routers/settings.ts:575")),
    .recorded("settings.getDokployVersion", .value(.string(DokployDocument.dokployVersion), "routers/settings.ts:579")),
    .recorded("settings.getReleaseTag", .value("latest", "services/settings.ts:29")),
    .recorded("settings.readDirectories", .value(traefikTree, "services/settings.ts:146")),
    .recorded("settings.updateTraefikFile", .value(true, "routers/settings.ts:611")),
    .recorded("settings.readTraefikFile", .value(.string(webServerYAML), "utils/traefik/application.ts:208")),
    .code("settings.getIp", "string: serverIp or \"\"", "routers/settings.ts:634", changesState: false) { s, input, now in
      try s.webServer("settings.getIp", input, now: now)
    },
    .code("settings.updateServerIp", "row of webServerSettings", "routers/settings.ts:654", changesState: true) { s, input, now in
      try s.webServer("settings.updateServerIp", input, now: now)
    },
    .recorded("settings.getOpenApiDocument", RouterReply(kind: .document, source: "routers/settings.ts:738")),
    .recorded("settings.readTraefikEnv", .value("TRAEFIK_LOG_LEVEL=INFO", "services/settings.ts:336")),
    .recorded("settings.writeTraefikEnv", .value(true, "routers/settings.ts:770")),
    .recorded("settings.haveTraefikDashboardPortEnabled", .value(false, "routers/settings.ts:776")),
    .recorded("settings.haveActivateRequests", .value(false, "routers/settings.ts:855")),
    .recorded("settings.toggleRequests", .value(true, "routers/settings.ts:895")),
    .recorded("settings.isCloud", .value(false, "routers/settings.ts:898")),
    .recorded(
      "settings.isUserSubscribed", RouterReply(kind: .anyRows(["server", "projects"]), source: "routers/settings.ts:910")),
    .code("settings.health", "", "", changesState: false) { s, input, now in try s.misc("settings.health", input, now: now) },
    .recorded(
      "settings.checkInfrastructureHealth",
      .value(
        ["postgres": ["status": "healthy"], "traefik": ["status": "healthy"]], "routers/settings.ts:934")),
    .recorded("settings.setupGPU", .value(["success": true], "routers/settings.ts:954")),
    .recorded(
      "settings.checkGPUStatus",
      .value(
        [
          "driverInstalled": false, "runtimeInstalled": false, "runtimeConfigured": false, "cudaSupport": false,
          "availableGPUs": 0, "swarmEnabled": false, "gpuResources": 0,
        ], "utils/gpu-setup.ts:30")),
    .recorded("settings.updateTraefikPorts", .value(true, "routers/settings.ts:1050")),
    .recorded(
      "settings.getTraefikPorts",
      .value(
        [
          ["targetPort": 80, "publishedPort": 80, "protocol": "tcp"],
          ["targetPort": 443, "publishedPort": 443, "protocol": "tcp"],
        ], "services/settings.ts:339")),
    .recorded("settings.updateLogCleanup", .value(true, "utils/access-log/handler.ts:76")),
    .recorded(
      "settings.getLogCleanupStatus", .value(["enabled": false, "cronExpression": .null], "utils/access-log/handler.ts:89")),
    .recorded("settings.getDokployCloudIps", .value([], "routers/settings.ts:1098")),
  ]
}
