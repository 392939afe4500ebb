import DokCore
import DokSpec

/// What `dok ls [PATH]` and `:ls` show: projects → environments → services, with each
/// service's kind, status, last deployment and domains, read with as few calls as possible.
///
/// `project.all` gives the tree, applications' and compose services' names and statuses; one
/// `deployment.allCentralized` gives every application's and compose service's last deployment.
/// Two things need a call each and are read for at most ``detailBound`` of them: a database's
/// name and status (`environment.one` of its environment) and a service's domains
/// (`domain.byApplicationId` / `domain.byComposeId`). Past the bound, or when the server refuses
/// one, the value is unknown (null in JSON, "—" in the table) and ``notes`` says why: nothing is
/// guessed.
public struct TreeListing: Sendable {
  /// How many environments (for databases) and how many services (for domains) are read one call each.
  public static let detailBound = 20

  /// The projects listed (one when the path names a project, an environment or a service).
  public var projects: [ServerTree.Project]
  /// The newest deployment of an application or compose service, by its id.
  public var deployments: [String: JSON] = [:]
  /// Domains' hosts by service id; a service not in it has unknown domains.
  public var domains: [String: [String]] = [:]
  /// Why some values are unknown (for stderr).
  public var notes: [String] = []

  /// Reads the listing through `caller`, narrowed to `path` (`shop`, `shop/staging`,
  /// `shop/staging/web` or `shop/web`). An unknown name is a `NOT_FOUND` error with "did you mean".
  public static func read(caller: any ProcedureCaller, catalog: Catalog, path: ResourcePath?) async throws(CallError)
    -> TreeListing
  {
    let tree = try await PathResolver(caller: caller, catalog: catalog).tree()
    var listing = TreeListing(projects: tree.projects)
    if let path { listing.projects = [try await narrow(tree, to: path, caller: caller)] }
    try await listing.nameDatabases(caller: caller)
    try await listing.readDeployments(caller: caller, catalog: catalog)
    try await listing.readDomains(caller: caller)
    return listing
  }

  /// The project of `path` with only what the path names.
  static func narrow(_ tree: ServerTree, to path: ResourcePath, caller: any ProcedureCaller) async throws(CallError)
    -> ServerTree.Project
  {
    let s = path.segments
    guard s.count <= 3 else {
      throw CallError(
        kind: .argument,
        message: "'\(path)' has \(s.count) names; a path is PROJECT, PROJECT/ENVIRONMENT or PROJECT/ENVIRONMENT/NAME")
    }
    var project = try PathMatch.one(
      tree.projects.filter { $0.name == s[0] }, named: s[0], kind: "project", among: tree.projects.map(\.name), id: \.id)
    guard s.count > 1 else { return project }
    var environment: ServerTree.Environment
    var service: String?
    if s.count == 3 {
      environment = try PathMatch.one(
        project.environments.filter { $0.name == s[1] }, named: s[1], kind: "environment",
        among: project.environments.map(\.name), id: \.id, within: "project '\(project.name)'")
      service = s[2]
    } else if let e = project.environments.first(where: { $0.name == s[1] }) {
      environment = e
    } else {
      // PROJECT/NAME: a service of the default environment.
      environment = try PathMatch.defaultEnvironment(of: project)
      service = s[1]
    }
    if let name = service {
      environment = try await withNames(environment, caller: caller)
      let matches = environment.services.filter { $0.name == name }
      guard !matches.isEmpty else {
        let within = "\(ResourcePath.escape(project.name))/\(ResourcePath.escape(environment.name))"
        let kinds = s.count == 2 ? "environment or service" : "service"
        throw PathMatch.notFound(
          "no \(kinds) named '\(name)' in \(within)", name: name,
          among: environment.services.compactMap(\.name) + (s.count == 2 ? project.environments.map(\.name) : []))
      }
      environment.services = matches
    }
    project.environments = [environment]
    return project
  }

  /// `environment` with its databases' names and statuses from `environment.one`, when the
  /// listing left them out.
  public static func withNames(_ environment: ServerTree.Environment, caller: any ProcedureCaller) async throws(CallError)
    -> ServerTree.Environment
  {
    guard environment.services.contains(where: { $0.name == nil }) else { return environment }
    let reply = try await caller.call(
      procedure: "environment.one", arguments: [CallArgument(name: "environmentId", value: .value(.string(environment.id)))])
    guard var e = ServerTree.environment(reply) else { return environment }
    e.isDefault = environment.isDefault
    return e
  }

  private mutating func nameDatabases(caller: any ProcedureCaller) async throws(CallError) {
    let wanting = projects.flatMap { p in p.environments.filter { e in e.services.contains { $0.name == nil } }.map(\.id) }
    guard !wanting.isEmpty else { return }
    guard wanting.count <= Self.detailBound else {
      notes.append(
        "databases' names and statuses are read for up to \(Self.detailBound) environments (\(wanting.count) have databases): name a project or environment to see them"
      )
      return
    }
    var refused = false
    for pi in projects.indices {
      for ei in projects[pi].environments.indices where wanting.contains(projects[pi].environments[ei].id) {
        do {
          projects[pi].environments[ei] = try await Self.withNames(projects[pi].environments[ei], caller: caller)
        } catch  where !Task.isCancelled {
          refused = true
        }
      }
    }
    if refused { notes.append("environment.one failed for some environments: their databases' names are unknown") }
  }

  private mutating func readDeployments(caller: any ProcedureCaller, catalog: Catalog) async throws(CallError) {
    let ids = Set(services.filter { $0.kind == .application || $0.kind == .compose }.map(\.id))
    guard !ids.isEmpty else { return }
    guard catalog.procedure(named: "deployment.allCentralized") != nil else {
      notes.append("this server has no deployment.allCentralized: last deployments are unknown")
      return
    }
    let rows: JSON
    do {
      rows = try await caller.call(procedure: "deployment.allCentralized", arguments: [])
    } catch  where !Task.isCancelled {
      notes.append("deployment.allCentralized failed (\(error.message)): last deployments are unknown")
      return
    }
    // Newest first; the first row of a service is its last deployment.
    for row in rows.arrayValue ?? [] {
      guard let id = row["applicationId"]?.stringValue ?? row["composeId"]?.stringValue, ids.contains(id),
        deployments[id] == nil
      else { continue }
      deployments[id] = row
    }
    for id in ids where deployments[id] == nil { deployments[id] = .null }  // known: never deployed
  }

  private mutating func readDomains(caller: any ProcedureCaller) async throws(CallError) {
    let wanting = services.filter { $0.kind == .application || $0.kind == .compose }
    guard !wanting.isEmpty else { return }
    guard wanting.count <= Self.detailBound else {
      notes.append(
        "domains are read for up to \(Self.detailBound) services (\(wanting.count) listed): name a project or environment to see them"
      )
      return
    }
    var refused = false
    for s in wanting {
      let procedure = s.kind == .application ? "domain.byApplicationId" : "domain.byComposeId"
      do {
        let rows = try await caller.call(
          procedure: procedure, arguments: [CallArgument(name: s.kind.idName, value: .value(.string(s.id)))])
        domains[s.id] = (rows.arrayValue ?? []).compactMap { $0["host"]?.stringValue }
      } catch  where !Task.isCancelled {
        refused = true
      }
    }
    if refused { notes.append("some domain listings failed: those domains are unknown") }
  }

  /// Every service listed.
  public var services: [ServerTree.Service] { projects.flatMap { $0.environments.flatMap(\.services) } }

  /// The listing as JSON (`--output json|yaml`, and what the table is drawn from): an array of
  /// projects, each with its environments, each with its services. Unknown values are null;
  /// `lastDeployment` is `{}` for a service never deployed, `domains` `[]` for one without.
  public func json() -> JSON {
    .array(
      projects.map { p in
        var po = JSONObject()
        po["name"] = .string(p.name)
        po["projectId"] = .string(p.id)
        po["path"] = .string(ResourcePath.escape(p.name))
        po["environments"] = .array(
          p.environments.map { e in
            var eo = JSONObject()
            eo["name"] = .string(e.name)
            eo["environmentId"] = .string(e.id)
            eo["isDefault"] = .bool(e.isDefault)
            let envPath = ResourcePath.escape(p.name) + "/" + ResourcePath.escape(e.name)
            eo["path"] = .string(envPath)
            eo["services"] = .array(e.services.map { service($0, in: envPath) })
            return .object(eo)
          })
        return .object(po)
      })
  }

  private func service(_ s: ServerTree.Service, in envPath: String) -> JSON {
    var o = JSONObject()
    o["name"] = s.name.map(JSON.string) ?? .null
    o["kind"] = .string(s.kind.rawValue)
    o["id"] = .string(s.id)
    o["path"] = s.name.map { .string(envPath + "/" + ResourcePath.escape($0)) } ?? .null
    o["status"] = s.status.map(JSON.string) ?? .null
    if s.kind == .application || s.kind == .compose, let d = deployments[s.id] {
      if d == .null {
        o["lastDeployment"] = .object(JSONObject())  // known: never deployed
      } else {
        var dep = JSONObject()
        dep["status"] = d["status"] ?? .null
        dep["createdAt"] = d["createdAt"] ?? .null
        dep["deploymentId"] = d["deploymentId"] ?? .null
        o["lastDeployment"] = .object(dep)
      }
    } else {
      o["lastDeployment"] = .null
    }
    // Only applications and compose services have domains.
    o["domains"] = s.kind.isDatabase ? .array([]) : domains[s.id].map { .array($0.map(JSON.string)) } ?? .null
    return .object(o)
  }
}
