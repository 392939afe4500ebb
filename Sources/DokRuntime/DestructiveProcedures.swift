/// Which procedures ask before they are sent at the prompt and from `dok call` on a terminal:
/// the reviewed table of procedures that remove, delete, kill, clean, stop (or drop, prune,
/// clear, reset, revoke) something on the server.
///
/// The table is derived from the procedures' names (``verbs``, matched on the words of the
/// procedure part: `removeContainer`, `cleanUnusedImages`) and then reviewed: every procedure of
/// the bundled document whose name matches is listed in ``destructive`` or, explicitly, in
/// ``notDestructive``; a few whose names do not match are destructive too (``destructive`` holds
/// them as well). `DestructiveProceduresTests` walks the document, so a new procedure fails it
/// until it is reviewed here. A procedure that is not reviewed (a newer server's document) is
/// destructive when its name matches and it is not a query: it asks rather than not.
public enum DestructiveProcedures {
  /// The verbs a procedure's name is matched on (a word of the procedure part starting with one).
  public static let verbs = [
    "remove", "delete", "kill", "clean", "stop", "drop", "prune", "clear", "reset", "revoke", "destroy", "purge", "wipe",
  ]

  /// Reviewed: these ask first.
  public static let destructive: Set<String> = [
    "ai.delete", "application.cleanQueues", "application.clearDeployments", "application.delete",
    "application.dropDeployment", "application.killBuild", "application.stop", "backup.remove",
    "certificates.remove", "cluster.removeWorker", "compose.cleanQueues", "compose.clearDeployments",
    "compose.delete", "compose.killBuild", "compose.stop", "customRole.remove", "deployment.killProcess",
    "deployment.removeDeployment", "destination.remove", "dnsProvider.deleteRecord", "dnsProvider.remove",
    "docker.deleteContainerFile", "docker.killContainer", "docker.removeContainer", "docker.stopContainer",
    "dockerDiskUsage.pruneBuildCache", "dockerImage.removeImage", "dockerVolume.deleteVolumeFile",
    "dockerVolume.removeVolume", "domain.delete", "environment.remove", "forwardAuth.removeAuthDomain",
    "forwardAuth.removeOnServer", "gitProvider.remove", "libsql.remove", "libsql.stop", "mariadb.remove",
    "mariadb.stop", "mongo.remove", "mongo.stop", "mounts.remove", "mysql.remove", "mysql.stop",
    "network.remove", "notification.remove", "organization.delete", "organization.removeInvitation",
    "patch.cleanPatchRepos", "patch.delete", "port.delete", "postgres.remove", "postgres.stop",
    "previewDeployment.delete", "project.remove", "redirects.delete", "redis.remove", "redis.stop",
    "registry.remove", "rollback.delete", "schedule.delete", "scim.deleteProvider", "security.delete",
    "server.remove", "settings.cleanAll", "settings.cleanAllDeploymentQueue", "settings.cleanDockerBuilder",
    "settings.cleanDockerPrune", "settings.cleanMonitoring", "settings.cleanSSHPrivateKey",
    "settings.cleanStoppedContainers", "settings.cleanUnusedImages", "settings.cleanUnusedVolumes",
    "sshKey.remove", "sso.deleteProvider", "sso.removeTrustedOrigin", "tag.remove", "tag.removeFromProject",
    "user.deleteApiKey", "user.remove", "user.revokeSession", "vaultProvider.remove", "volumeBackups.delete",
    "whitelabeling.reset",
    // Names without a destructive verb that still take something away:
    "settings.reloadServer",  // restarts Dokploy itself: the dashboard and the API go away meanwhile
    "settings.reloadTraefik",  // restarts the proxy: every site is unreachable meanwhile
  ]

  /// Reviewed: their names match a verb, but they take nothing away.
  public static let notDestructive: Set<String> = [
    "settings.getLogCleanupStatus",  // a query
    "settings.updateDockerCleanup",  // a setting (whether to clean daily), not a cleaning
    "settings.updateLogCleanup",  // a setting (the log cleanup schedule)
  ]

  /// True when the procedure part of `procedure` (`router.procedure`) has a word starting with
  /// one of ``verbs``.
  public static func matchesVerb(_ procedure: String) -> Bool {
    let name = procedure.split(separator: ".").last.map(String.init) ?? procedure
    return words(of: name).contains { word in verbs.contains { word.hasPrefix($0) } }
  }

  /// True when the table lists `procedure` either way.
  public static func isReviewed(_ procedure: String) -> Bool {
    destructive.contains(procedure) || notDestructive.contains(procedure)
  }

  /// Whether `procedure` asks first: the table's answer, or (not reviewed) a name that matches a
  /// verb on a procedure that is not a query.
  public static func isDestructive(_ procedure: String, isQuery: Bool) -> Bool {
    if destructive.contains(procedure) { return true }
    if notDestructive.contains(procedure) { return false }
    return !isQuery && matchesVerb(procedure)
  }

  /// The lowercased camel-case words of a name: `cleanSSHPrivateKey` → clean, ssh, private, key.
  public static func words(of name: String) -> [String] {
    var out: [String] = []
    var current = ""
    let chars = Array(name)
    for (i, c) in chars.enumerated() {
      let startsWord =
        c.isUppercase && !current.isEmpty
        && (!(chars[i - 1].isUppercase) || (i + 1 < chars.count && chars[i + 1].isLowercase))
      if startsWord || !(c.isLetter || c.isNumber) {
        if !current.isEmpty { out.append(current.lowercased()) }
        current = ""
        if !(c.isLetter || c.isNumber) { continue }
      }
      current.append(c)
    }
    if !current.isEmpty { out.append(current.lowercased()) }
    return out
  }
}
