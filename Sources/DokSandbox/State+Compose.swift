import DokCore

extension SandboxState {
  mutating func composeCall(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    if proc == "create" {
      let env = try requireEnvironment(input.str("environmentId"))
      let name = input.str("name") ?? ""
      var c = Entities.compose(
        id: Support.nanoid(), name: name, appName: input.str("appName") ?? Support.appName(from: name),
        description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
      if let f = input["composeFile"] {
        c["composeFile"] = f
        c["sourceType"] = "raw"
      }
      for k in ["composeType", "sourceType", "serverId"] { if let v = input[k] { c[k] = v } }
      compose.put(c)
      return .object(c)
    }
    var c = try requireCompose(input.str("composeId"))
    let id = c.str("composeId")!
    switch proc {
    case "one":
      var v = c
      v["deployments"] = .array(deploymentsOf("composeId", id).map(JSON.object))
      v["domains"] = .array(domains.filter("composeId", id).map(JSON.object))
      v["mounts"] = []
      v["backups"] = []
      v["server"] = .null
      if let e = environmentWithProject(c.str("environmentId")) { v["environment"] = .object(e) }
      return .object(v)
    case "update":
      c.merge(input, except: ["composeId"])
      compose.put(c)
      return .object(c)
    case "delete":
      removeCompose(id)
      return .object(c)
    case "deploy", "redeploy":
      c["composeStatus"] = "running"
      compose.put(c)
      startDeploy(
        service: "compose", key: "composeId", row: c, input: input,
        defaultTitle: proc == "deploy" ? "Manual deployment" : "Rebuild deployment", failure: Self.composeFailure(c), now: now)
      return nil
    case "start":
      c["composeStatus"] = "done"
      compose.put(c)
      return .object(c)
    case "stop":
      c["composeStatus"] = "idle"
      compose.put(c)
      return .object(c)
    default:
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"compose.\(proc)\"")
    }
  }

  /// The compose service with this id, or 404.
  func requireCompose(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let c = compose[id] else { throw .notFound("Compose") }
    return c
  }

  /// Removes a compose service with its deployments and domains.
  mutating func removeCompose(_ id: String) {
    removeDependents(of: "composeId", id)
    compose[id] = nil
  }

  /// Why a deploy of this compose service fails; nil when it succeeds.
  static func composeFailure(_ c: JSONObject) -> String? {
    func empty(_ k: String) -> Bool { (c.str(k) ?? "").isEmpty }
    let file = c.str("composeFile") ?? ""
    let missing: Bool
    switch c.str("sourceType") ?? "github" {
    case "raw": missing = file.isEmpty
    case "git": missing = empty("customGitUrl")
    case "github": missing = empty("repository") && file.isEmpty
    case "gitlab": missing = empty("gitlabRepository")
    case "bitbucket": missing = empty("bitbucketRepository")
    case "gitea": missing = empty("giteaRepository")
    default: missing = file.isEmpty
    }
    if missing { return "No compose file or repository configured for \(c.str("appName") ?? "compose")" }
    if file.contains("fail") {
      return "Error response from daemon: pull access denied: an image in the compose file does not exist"
    }
    return nil
  }
}
