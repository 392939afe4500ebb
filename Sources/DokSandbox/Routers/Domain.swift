import DokCore

extension Routers {
  /// The `domain` router's procedures.
  static let domain: [Procedure] = [
    .code("domain.create", "row of domains (inserted)", "routers/domain.ts:35", changesState: true) { s, input, now in
      // `apiCreateDomain` refines `host` (validations/domain.ts:9-18): an input validation failure.
      try SandboxState.checkHost(input["host"]?.stringValue ?? "")
      let appId = input.str("applicationId")
      let composeId = input.str("composeId")
      // routers/domain.ts:38-64: everything inside the `try` becomes a 400 with the error's
      // message; a service that does not exist fails the insert's foreign key (services/domain.ts:19).
      if appId.map({ s.applications[$0] == nil }) == true || composeId.map({ s.compose[$0] == nil }) == true {
        var values = input
        values["domainId"] = .string(Support.nanoid())
        values["createdAt"] = .string(Support.iso(now))
        throw SandboxError.badRequest(SandboxState.failedInsert("domains", values))
      }
      var d = JSONObject()
      d["domainId"] = .string(Support.nanoid())
      d["host"] = input["host"] ?? ""
      d["https"] = input["https"] ?? false
      d["port"] = input["port"] ?? 3000
      d["path"] = input["path"] ?? "/"
      d["serviceName"] = input["serviceName"] ?? .null
      // The column's default (schema/domain.ts:37), whichever service the domain is for.
      d["domainType"] = input["domainType"] ?? "application"
      d["uniqueConfigKey"] = .number(Double(s.domains.count + 1))
      d["createdAt"] = .string(Support.iso(now))
      d["composeId"] = composeId.map(JSON.string) ?? .null
      d["customCertResolver"] = input["customCertResolver"] ?? .null
      d["applicationId"] = appId.map(JSON.string) ?? .null
      d["previewDeploymentId"] = input["previewDeploymentId"] ?? .null
      d["certificateType"] = input["certificateType"] ?? "none"
      d["internalPath"] = input["internalPath"] ?? "/"
      d["stripPath"] = input["stripPath"] ?? false
      d["customEntrypoint"] = input["customEntrypoint"] ?? .null
      d["middlewares"] = input["middlewares"] ?? []
      d["forwardAuthEnabled"] = input["forwardAuthEnabled"] ?? false
      d["enabled"] = true
      s.domains.put(d)
      return .object(d)
    },
    // routers/domain.ts:67-82: the permission check looks nothing up (services/permission.ts:244),
    // so an unknown service answers []; each row carries its service's {id, appName, name}
    // (services/domain.ts:97-121).
    .code("domain.byApplicationId", "rows of domains", "routers/domain.ts:67", changesState: false) { s, input, _ in
      .array(
        s.domains.filter("applicationId", input.str("applicationId") ?? "").map { .object(s.withService($0, "application")) })
    },
    .code("domain.byComposeId", "rows of domains", "routers/domain.ts:75", changesState: false) { s, input, _ in
      .array(s.domains.filter("composeId", input.str("composeId") ?? "").map { .object(s.withService($0, "compose")) })
    },
    .recorded("domain.generateDomain", .value("<input.appName>-<hex6>-127-0-0-1.sslip.io", "routers/domain.ts:83")),
    .recorded(
      "domain.canGenerateTraefikMeDomains",
      RouterReply(
        kind: .column("server", "ipAddress"), source: "routers/domain.ts:98"
      ).requiring("serverId", "server")),
    // findDomainById (404), then the update's returned row (services/domain.ts:123-137).
    .code("domain.update", "row of domains (updated)", "routers/domain.ts:103", changesState: true) { s, input, _ in
      var d = try s.requireDomain(input.str("domainId"))
      d.merge(input, except: ["domainId"])
      s.domains.put(d)
      return .object(d)
    },
    // Updates whose reply is the updated row (tables.json's "row … (updated)" was answered as stored).
    .recorded(
      "domain.toggleEnable",
      RouterReply(
        kind: .updateRow(table: "domains", columns: [], toggle: "enabled"), source: "routers/domain.ts:144")),
    // findDomainById: the row with its application's {applicationId, appName, name} or null
    // (services/domain.ts:79-95).
    .code("domain.one", "row of domains", "routers/domain.ts:196", changesState: false) { s, input, _ in
      .object(s.withService(try s.requireDomain(input.str("domainId")), "application"))
    },
    .code("domain.delete", "row of domains (deleted)", "routers/domain.ts:213", changesState: true) { s, input, _ in
      let d = try s.requireDomain(input.str("domainId"))
      s.domains[d.str("domainId")!] = nil
      return .object(d)
    },
    .recorded("domain.validateDomain", RouterReply(kind: .validateDomain, source: "services/domain.ts:155")),
  ]
}

extension SandboxState {
  /// A domain row with drizzle's `with: {<service>: {columns: {<service>Id, appName, name}}}`:
  /// the service's three columns, or null when the domain is not for such a service.
  fileprivate func withService(_ domain: JSONObject, _ service: String) -> JSONObject {
    var d = domain
    let key = "\(service)Id"
    let row = domain.str(key).flatMap { service == "application" ? applications[$0] : compose[$0] }
    if let row {
      var r = JSONObject()
      r[key] = row[key] ?? .null
      r["appName"] = row["appName"] ?? .null
      r["name"] = row["name"] ?? .null
      d[service] = .object(r)
    } else {
      d[service] = .null
    }
    return d
  }
}
