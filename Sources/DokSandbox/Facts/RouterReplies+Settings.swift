import DokCore
import DokployDocument

extension RouterReplies {
  /// `settings`, `admin`: what the routers return on a self-hosted server (`IS_CLOUD` false).
  static let settings: [String: RouterReply] = [
    "settings.reloadServer": .value(true, "routers/settings.ts:102"),
    "settings.cleanAllDeploymentQueue": .value(true, "server/queues/queueSetup.ts:120"),
    "settings.reloadTraefik": .value(true, "routers/settings.ts:130"),
    "settings.toggleDashboard": .value(true, "routers/settings.ts:178"),
    "settings.cleanUnusedImages": .value(true, "routers/settings.ts:189"),
    "settings.cleanUnusedVolumes": .value(true, "routers/settings.ts:200"),
    "settings.cleanStoppedContainers": .value(true, "routers/settings.ts:211"),
    "settings.cleanDockerBuilder": .void("routers/settings.ts:213"),
    "settings.cleanDockerPrune": .value(true, "routers/settings.ts:233"),
    "settings.cleanAll": .value(
      ["status": "scheduled", "message": "Docker cleanup has been initiated in the background"],
      "utils/docker/utils.ts:417"),
    "settings.cleanMonitoring": .value(true, "routers/settings.ts:258"),
    "settings.getDockerDiskUsage": .value(dockerDiskUsage, "utils/docker/utils.ts:303"),
    "settings.saveSSHPrivateKey": .value(true, "routers/settings.ts:280"),
    "settings.cleanSSHPrivateKey": .value(true, "routers/settings.ts:326"),
    "settings.updateDockerCleanup": .value(true, "routers/settings.ts:410"),
    "settings.updateRemoteServersOnly": .enterprise("routers/settings.ts:413"),
    "settings.updateBuildsConcurrency": .value(true, "routers/settings.ts:454"),
    "settings.updateEnforceSSO": .enterprise("routers/settings.ts:457"),
    "settings.readTraefikConfig": .value(.string(traefikYAML), "utils/traefik/web-server.ts:107"),
    "settings.updateTraefikConfig": .value(true, "routers/settings.ts:499"),
    "settings.readWebServerTraefikConfig": .value(.string(webServerYAML), "utils/traefik/application.ts:131"),
    "settings.updateWebServerTraefikConfig": .value(true, "routers/settings.ts:521"),
    "settings.readMiddlewareTraefikConfig": .value(.string(middlewaresYAML), "utils/traefik/application.ts:131"),
    "settings.updateMiddlewareTraefikConfig": .value(true, "routers/settings.ts:544"),
    "settings.getUpdateData": .value(["latestVersion": .null, "updateAvailable": false], "services/settings.ts:22"),
    "settings.updateServer": .value(true, "routers/settings.ts:575"),
    "settings.getDokployVersion": .value(.string(DokployDocument.dokployVersion), "routers/settings.ts:579"),
    "settings.getReleaseTag": .value("latest", "services/settings.ts:29"),
    "settings.readDirectories": .value(traefikTree, "services/settings.ts:146"),
    "settings.updateTraefikFile": .value(true, "routers/settings.ts:611"),
    "settings.readTraefikFile": .value(.string(webServerYAML), "utils/traefik/application.ts:208"),
    "settings.getOpenApiDocument": RouterReply(kind: .document, source: "routers/settings.ts:738"),
    "settings.readTraefikEnv": .value("TRAEFIK_LOG_LEVEL=INFO", "services/settings.ts:336"),
    "settings.writeTraefikEnv": .value(true, "routers/settings.ts:770"),
    "settings.haveTraefikDashboardPortEnabled": .value(false, "routers/settings.ts:776"),
    "settings.haveActivateRequests": .value(false, "routers/settings.ts:855"),
    "settings.toggleRequests": .value(true, "routers/settings.ts:895"),
    "settings.isCloud": .value(false, "routers/settings.ts:898"),
    "settings.isUserSubscribed": RouterReply(kind: .anyRows(["server", "projects"]), source: "routers/settings.ts:910"),
    "settings.checkInfrastructureHealth": .value(
      ["postgres": ["status": "healthy"], "traefik": ["status": "healthy"]], "routers/settings.ts:934"),
    "settings.setupGPU": .value(["success": true], "routers/settings.ts:954"),
    "settings.checkGPUStatus": .value(
      [
        "driverInstalled": false, "runtimeInstalled": false, "runtimeConfigured": false, "cudaSupport": false,
        "availableGPUs": 0, "swarmEnabled": false, "gpuResources": 0,
      ], "utils/gpu-setup.ts:30"),
    "settings.updateTraefikPorts": .value(true, "routers/settings.ts:1050"),
    "settings.getTraefikPorts": .value(
      [
        ["targetPort": 80, "publishedPort": 80, "protocol": "tcp"],
        ["targetPort": 443, "publishedPort": 443, "protocol": "tcp"],
      ], "services/settings.ts:339"),
    "settings.updateLogCleanup": .value(true, "utils/access-log/handler.ts:76"),
    "settings.getLogCleanupStatus": .value(["enabled": false, "cronExpression": .null], "utils/access-log/handler.ts:89"),
    "settings.getDokployCloudIps": .value([], "routers/settings.ts:1098"),
  ]

  /// `docker system df` as `getDockerDiskUsage` maps it.
  static let dockerDiskUsage: JSON = [
    ["type": "Images", "totalCount": 3, "active": 2, "size": "1.2GB", "reclaimable": "240MB (20%)", "sizeBytes": 1_200_000_000],
    ["type": "Containers", "totalCount": 2, "active": 2, "size": "12kB", "reclaimable": "0B (0%)", "sizeBytes": 12000],
    ["type": "Local Volumes", "totalCount": 2, "active": 2, "size": "48MB", "reclaimable": "0B (0%)", "sizeBytes": 48_000_000],
    ["type": "Build Cache", "totalCount": 0, "active": 0, "size": "0B", "reclaimable": "0B", "sizeBytes": 0],
  ]

  /// `/etc/dokploy/traefik` as `readDirectory` lists it (TreeDataItem[]).
  static let traefikTree: JSON = [
    ["id": "/etc/dokploy/traefik/traefik.yml", "name": "traefik.yml", "type": "file"],
    [
      "id": "/etc/dokploy/traefik/dynamic", "name": "dynamic", "type": "directory",
      "children": [
        ["id": "/etc/dokploy/traefik/dynamic/dokploy.yml", "name": "dokploy.yml", "type": "file"],
        ["id": "/etc/dokploy/traefik/dynamic/middlewares.yml", "name": "middlewares.yml", "type": "file"],
      ],
    ],
  ]

  /// The main `traefik.yml` a fresh install writes.
  static let traefikYAML = """
    providers:
      swarm:
        exposedByDefault: false
        watch: true
      docker:
        exposedByDefault: false
        watch: true
        network: dokploy-network
      file:
        directory: /etc/dokploy/traefik/dynamic
        watch: true
    entryPoints:
      web:
        address: :80
      websecure:
        address: :443
        http3:
          advertisedPort: 443
        http:
          tls:
            certResolver: letsencrypt
    api:
      insecure: true

    """

  /// `dynamic/dokploy.yml`: the web server's router.
  static let webServerYAML = """
    http:
      routers:
        dokploy-router-app:
          rule: Host(`dokploy.docker.localhost`) && PathPrefix(`/`)
          service: dokploy-service-app
          entryPoints:
            - web
      services:
        dokploy-service-app:
          loadBalancer:
            servers:
              - url: http://dokploy:3000
            passHostHeader: true

    """

  /// `dynamic/middlewares.yml` on a fresh install.
  static let middlewaresYAML = """
    http:
      middlewares:
        redirect-to-https:
          redirectScheme:
            scheme: https
            permanent: true

    """
}
