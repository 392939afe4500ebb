import DokCore

extension SandboxState {
  mutating func domain(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      // `apiCreateDomain` refines `host` (validations/domain.ts:9-18): an input validation failure.
      try Self.checkHost(input["host"]?.stringValue ?? "")
      let appId = input.str("applicationId")
      let composeId = input.str("composeId")
      // routers/domain.ts:38-64: everything inside the `try` becomes a 400 with the error's
      // message; a service that does not exist fails the insert's foreign key (services/domain.ts:19).
      if appId.map({ applications[$0] == nil }) == true || composeId.map({ compose[$0] == nil }) == true {
        var values = input
        values["domainId"] = .string(Support.nanoid())
        values["createdAt"] = .string(Support.iso(now))
        throw .badRequest(Self.failedInsert("domains", values))
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
      d["middlewares"] = input["middlewares"] ?? []
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

  /// Zod's refinements of a domain's host (validations/domain.ts:9-18, utils/hostname-validation.ts):
  /// no surrounding spaces, then an RFC 1123 hostname.
  static func checkHost(_ host: String) throws(SandboxError) {
    func fail(_ message: String) -> SandboxError {
      SandboxError(
        .BAD_REQUEST, "Input validation failed",
        issues: [["code": "custom", "path": ["host"], "message": .string(message)]])
    }
    guard !host.isEmpty else { return }
    if host != host.trimming() { throw fail("Domain name cannot have leading or trailing spaces") }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    let valid = labels.allSatisfy { label in
      label.count >= 1 && label.count <= 63 && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
    if !valid {
      throw fail(
        "Invalid domain name. Use only letters, numbers, hyphens and dots (e.g. example.com). Underscores are not allowed.")
    }
  }

  /// The domain with this id, or 404.
  func requireDomain(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let d = domains[id] else { throw .notFound("Domain") }
    return d
  }
}
