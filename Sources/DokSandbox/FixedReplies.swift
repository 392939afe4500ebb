import DokCore
import DokployDocument

/// Replies of procedures with no state effect in the sandbox and no reply shape in
/// `tables.json`: values of the real reply's shape, read from Dokploy's routers.
enum FixedReplies {
  /// Known replies by procedure name.
  static let known: [String: JSON] = [
    "settings.getDokployVersion": .string(DokployDocument.dokployVersion),
    "settings.getReleaseTag": "latest",
    "settings.isCloud": false,
    "settings.isUserSubscribed": false,
    "settings.getIp": "127.0.0.1",
    "settings.haveTraefikDashboardPortEnabled": false,
    "settings.haveActivateRequests": false,
    "settings.getTraefikPorts": [],
    "settings.getDokployCloudIps": [],
    "settings.getLogCleanupStatus": ["enabled": false, "cronExpression": .null],
    "settings.getUpdateData": ["latestVersion": .null, "updateAvailable": false],
    "settings.checkGPUStatus": [
      "driverInstalled": false, "driverVersion": .null, "gpuModel": .null, "runtimeInstalled": false,
      "runtimeConfigured": false, "cudaSupport": false, "cudaVersion": .null, "memoryInfo": .null,
      "availableGPUs": 0, "swarmEnabled": false, "gpuResources": 0,
    ],
    "settings.readTraefikConfig": "", "settings.readWebServerTraefikConfig": "",
    "settings.readMiddlewareTraefikConfig": "", "settings.readTraefikFile": "", "settings.readTraefikEnv": "",
    "settings.readDirectories": [],
    "settings.getDockerDiskUsage": [],
    "settings.checkInfrastructureHealth": ["healthy": true],
    "stripe.canCreateMoreServers": true,
    "stripe.getProducts": ["products": [], "subscriptions": []],
    "stripe.getCurrentPlan": .null,
    "stripe.getInvoices": [],
    "licenseKey.haveValidLicenseKey": false,
    "licenseKey.getEnterpriseSettings": ["enableEnterpriseFeatures": false, "licenseKey": .null],
    "sso.showSignInWithSSO": false,
    "sso.listProviders": [], "sso.getTrustedOrigins": [],
    "whitelabeling.get": .null, "whitelabeling.getPublic": .null,
    "forwardAuth.getAuthDomain": .null, "forwardAuth.listProviders": [],
    "forwardAuth.status": ["enabled": false], "forwardAuth.serverStatus": ["running": false],
    "cluster.getNodes": [], "swarm.getNodes": [], "swarm.getNodeApps": [], "swarm.getNodeInfo": .null,
    "swarm.getContainerStats": [],
    "docker.getConfig": .null, "docker.getServerHealth": ["healthy": true],
    "docker.getEvents": [], "docker.listContainerFiles": [], "docker.readContainerFile": "",
    "dockerImage.getImages": [], "dockerImage.getImageConfig": .null,
    "dockerVolume.getVolumes": [], "dockerVolume.getVolumesSize": [], "dockerVolume.listVolumeFiles": [],
    "dockerVolume.readVolumeFile": "", "dockerVolume.getVolumeConfig": .null,
    "dockerDiskUsage.getDiskUsage": [], "dockerDiskUsage.getBuildCache": [],
    "user.getPermissions": [], "user.listPasskeys": [], "user.haveRootAccess": true, "user.getBackups": .null,
    "user.getServerMetrics": [], "user.listSessions": [], "user.getMetricsToken": "", "user.getInvitations": [],
    "user.getContainerMetrics": [], "user.checkUserOrganizations": 1, "user.getBookmarkedTemplates": [],
    "user.getUserByToken": .null,
    "ai.getModels": [], "ai.getCustomProviders": [], "ai.getEnabledProviders": [], "ai.getAll": [],
    "ai.analyzeLogs": "", "ai.suggest": [],
    "customRole.getStatements": [], "customRole.membersByRole": [],
    "scim.listProviders": [], "scim.generateToken": "",
    "auditLog.all": ["items": [], "total": 0],
    "overview.services": [], "overview.backups": [], "overview.domains": [],
    "patch.readRepoDirectories": [], "patch.readRepoFile": "",
    "network.networksToSync": [], "network.inspect": .null,
    "dnsProvider.listZones": [], "dnsProvider.listRecords": [], "dnsProvider.testConnection": true,
    "vaultProvider.listSecretNames": [], "vaultProvider.testConnection": true,
  ]

  /// The reply for `name`: a known value, else by the name's form (`all`/`get…s`/`list…` → `[]`,
  /// `is…`/`have…`/`can…` → `false`, other queries `null`, mutations `true`).
  static func value(_ name: String) -> JSON? {
    if let v = known[name] { return v }
    let proc = String(name.drop { $0 != "." }.dropFirst())
    let isQuery = ProcedureTable.byName[name]?.kind == .query
    if !isQuery { return true }
    if proc == "all" || proc.hasPrefix("list") || proc.hasPrefix("getAll") || (proc.hasPrefix("get") && proc.hasSuffix("s")) {
      return []
    }
    if proc.hasPrefix("is") || proc.hasPrefix("have") || proc.hasPrefix("can") { return false }
    return .null
  }
}
