/// Every procedure the sandbox answers, declared once each in its router's file
/// (`Routers/<Router>.swift`): the one place that decides who answers a procedure.
/// `ProcedureCatalogTests` checks that each procedure of the bundled document has exactly one
/// declaration and that `docs/sandbox-procedures.md` is generated from these.
enum Routers {
  /// The routers, in the document's order.
  static let routers: [[Procedure]] = [
    admin,
    application,
    backup,
    bitbucket,
    network,
    certificates,
    cluster,
    compose,
    deployment,
    destination,
    dnsProvider,
    docker,
    dockerDiskUsage,
    dockerImage,
    dockerVolume,
    domain,
    gitea,
    gitProvider,
    github,
    gitlab,
    libsql,
    mariadb,
    mongo,
    mounts,
    mysql,
    notification,
    port,
    postgres,
    previewDeployment,
    project,
    redirects,
    redis,
    registry,
    security,
    server,
    settings,
    sshKey,
    stripe,
    swarm,
    user,
    vaultProvider,
    ai,
    organization,
    licenseKey,
    sso,
    scim,
    forwardAuth,
    whitelabeling,
    customRole,
    auditLog,
    schedule,
    rollback,
    volumeBackups,
    environment,
    tag,
    patch,
    overview,
  ]

  /// Every declaration, router by router.
  static let all: [Procedure] = routers.flatMap { $0 }

  /// The declaration of each procedure, by `router.procedure` (the first, should one repeat).
  static let byName: [String: Procedure] = Dictionary(all.map { ($0.name, $0) }) { first, _ in first }
}
