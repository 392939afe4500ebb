import DokCore

/// `ai.deploy` (`routers/ai.ts:341-393`): deploys an AI suggestion as a new compose service in
/// the environment: the compose row (`sourceType: raw`, the suggestion's file and env), a
/// compose domain per suggested domain and a file mount per config file; the reply is null.
extension SandboxState {
  mutating func aiDeploy(_ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    // findEnvironmentById / findProjectById: 404 for an unknown environment.
    let env = try requireEnvironment(input.str("environmentId"))
    let project = projects[env.str("projectId") ?? ""]
    var server = JSONObject()
    server["serverId"] = input["serverId"]
    if let t = DokployFacts.shared.tables["compose"] { try checkReferences(t, server) }
    // `${slugify(`${project.name} ${input.id}`)}-${generatePassword(6)}`, then cleanAppName.
    let base = Self.slugify("\(project?.str("name") ?? "") \(input.str("id") ?? "")")
    var c = Entities.compose(
      id: Support.nanoid(), name: input.str("name") ?? "", appName: "\(base)-\(Support.suffix())",
      description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
    c["composeFile"] = input["dockerCompose"] ?? ""
    c["env"] = input["envVariables"] ?? .null
    c["sourceType"] = "raw"
    if let s = input["serverId"] { c["serverId"] = s }
    compose.put(c)
    let composeId = JSON.string(c.str("composeId")!)
    for case .object(let d) in input["domains"]?.arrayValue ?? [] {
      var domainInput = d
      domainInput["domainType"] = "compose"
      domainInput["certificateType"] = "none"
      domainInput["composeId"] = composeId
      _ = try call("domain.create", domainInput, now: now)
    }
    if let mounts = DokployFacts.shared.tables["mounts"] {
      for case .object(let f) in input["configFiles"]?.arrayValue ?? [] {
        var m = JSONObject()
        m["filePath"] = f["filePath"] ?? ""
        m["mountPath"] = ""
        m["content"] = f["content"] ?? ""
        m["serviceType"] = "compose"
        m["type"] = "file"
        m["composeId"] = composeId
        _ = try insert(mounts, m, now: now)
      }
    }
    return .null
  }

  /// `slugify` of `apps/dokploy/lib/slug.ts`: only ASCII letters, digits and spaces kept
  /// ("service" when nothing is left), lower case, runs of spaces joined by `-`.
  static func slugify(_ text: String) -> String {
    var cleaned = String(text.trimming().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0.isWhitespace })
    if cleaned.isEmpty { cleaned = "service" }
    return cleaned.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
  }
}
