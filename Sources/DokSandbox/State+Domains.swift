import DokCore

extension SandboxState {
  mutating func domain(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      let appId = input.str("applicationId")
      let composeId = input.str("composeId")
      if let appId { _ = try requireApplication(appId) }
      if let composeId { _ = try requireCompose(composeId) }
      if appId == nil, composeId == nil { throw .badRequest("A domain needs an applicationId or a composeId") }
      var d = JSONObject()
      d["domainId"] = .string(Support.nanoid())
      d["host"] = input["host"] ?? ""
      d["https"] = input["https"] ?? false
      d["port"] = input["port"] ?? 3000
      d["path"] = input["path"] ?? "/"
      d["serviceName"] = input["serviceName"] ?? .null
      d["domainType"] = input["domainType"] ?? .string(appId != nil ? "application" : "compose")
      d["uniqueConfigKey"] = .number(Double(domains.count + 1))
      d["createdAt"] = .string(Support.iso(now))
      d["composeId"] = composeId.map(JSON.string) ?? .null
      d["customCertResolver"] = input["customCertResolver"] ?? .null
      d["applicationId"] = appId.map(JSON.string) ?? .null
      d["previewDeploymentId"] = input["previewDeploymentId"] ?? .null
      d["certificateType"] = input["certificateType"] ?? "none"
      d["internalPath"] = input["internalPath"] ?? "/"
      d["stripPath"] = input["stripPath"] ?? false
      d["customEntrypoint"] = input["customEntrypoint"] ?? .null
      d["middlewares"] = input["middlewares"] ?? .null
      d["forwardAuthEnabled"] = input["forwardAuthEnabled"] ?? false
      d["enabled"] = true
      domains.put(d)
      return .object(d)
    case "one":
      return .object(try requireDomain(input.str("domainId")))
    case "byApplicationId":
      let a = try requireApplication(input.str("applicationId"))
      return .array(domains.filter("applicationId", a.str("applicationId")!).map(JSON.object))
    case "byComposeId":
      let c = try requireCompose(input.str("composeId"))
      return .array(domains.filter("composeId", c.str("composeId")!).map(JSON.object))
    case "update":
      var d = try requireDomain(input.str("domainId"))
      d.merge(input, except: ["domainId"])
      domains.put(d)
      return .object(d)
    case "delete":
      let d = try requireDomain(input.str("domainId"))
      domains[d.str("domainId")!] = nil
      return .object(d)
    default:
      return try generic("domain.\(proc)", input, now: now)
    }
  }

  /// The domain with this id, or 404.
  func requireDomain(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let d = domains[id] else { throw .notFound("Domain") }
    return d
  }
}
