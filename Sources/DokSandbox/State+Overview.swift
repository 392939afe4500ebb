import DokCore

extension SandboxState {
  /// `overview.services` (`getAllServicesForOrganization`, services/overview.ts:229): every
  /// service in `SERVICE_TYPE_CONFIGS` order, with its project, environment and last deploy.
  func overviewServices() -> [JSON] {
    var out: [JSON] = []
    func add(_ row: JSONObject, type: String, idKey: String, statusKey: String) {
      guard let id = row.str(idKey) else { return }
      let env = row.str("environmentId").flatMap { environments[$0] }
      let project = env?.str("projectId").flatMap { projects[$0] }
      let last = deployments.filter(idKey, id).compactMap { $0.str("createdAt") }.max()
      out.append([
        "id": .string(id), "type": .string(type), "name": row["name"] ?? "", "appName": row["appName"] ?? "",
        "status": row[statusKey] ?? .null, "createdAt": row["createdAt"] ?? "", "serverId": row["serverId"] ?? .null,
        "serverName": .null, "icon": row["icon"] ?? .null, "projectId": project?["projectId"] ?? "",
        "projectName": project?["name"] ?? "", "environmentId": env?["environmentId"] ?? "",
        "environmentName": env?["name"] ?? "", "lastDeployAt": last.map(JSON.string) ?? .null,
      ])
    }
    for a in applications.all { add(a, type: "application", idKey: "applicationId", statusKey: "applicationStatus") }
    for k in DatabaseKind.allCases {
      for d in databases[k]?.all ?? [] { add(d, type: k.rawValue, idKey: k.idKey, statusKey: "applicationStatus") }
    }
    for c in compose.all { add(c, type: "compose", idKey: "composeId", statusKey: "composeStatus") }
    for l in self[table: "libsql"]?.all ?? [] { add(l, type: "libsql", idKey: "libsqlId", statusKey: "applicationStatus") }
    return out
  }

  /// `overview.domains` (`getAllDomainsForOrganization`, services/overview.ts:700): every
  /// application and compose domain with its service, project and environment.
  func overviewDomains() -> [JSON] {
    domains.all.compactMap { d -> JSON? in
      let (ownerType, ownerKey, table) =
        d.str("applicationId") != nil
        ? ("application", "applicationId", applications) : ("compose", "composeId", compose)
      guard let ownerId = d.str(ownerKey), let owner = table[ownerId] else { return nil }
      let env = owner.str("environmentId").flatMap { environments[$0] }
      let project = env?.str("projectId").flatMap { projects[$0] }
      return [
        "domainId": d["domainId"] ?? "", "host": d["host"] ?? "", "path": d["path"] ?? .null, "port": d["port"] ?? .null,
        "customEntrypoint": d["customEntrypoint"] ?? .null, "https": d["https"] ?? false,
        "certificateType": d["certificateType"] ?? "none", "createdAt": d["createdAt"] ?? "",
        "enabled": d["enabled"] ?? true, "domainType": d["domainType"] ?? .null, "serviceOwnerId": .string(ownerId),
        "serviceOwnerType": .string(ownerType), "serviceName": owner["name"] ?? "",
        "projectId": project?["projectId"] ?? "", "projectName": project?["name"] ?? "",
        "environmentId": env?["environmentId"] ?? "", "environmentName": env?["name"] ?? "",
      ]
    }
  }

  /// `project.homeStats` (routers/project.ts:515) for an owner: counts over the organization,
  /// a service `done` counting as running, `error` as error, any other status as idle.
  func homeStats() -> JSON {
    let services = overviewServices()
    var running = 0
    var errors = 0
    for s in services {
      switch s["status"]?.stringValue {
      case "done": running += 1
      case "error": errors += 1
      default: break
      }
    }
    let apps = applications.count
    let stacks = compose.count
    let dbs = services.count - apps - stacks
    return [
      "projects": .number(Double(projects.count)), "environments": .number(Double(environments.count)),
      "applications": .number(Double(apps)), "compose": .number(Double(stacks)), "databases": .number(Double(dbs)),
      "services": .number(Double(services.count)),
      "status": [
        "running": .number(Double(running)), "error": .number(Double(errors)),
        "idle": .number(Double(services.count - running - errors)),
      ],
    ]
  }
}
