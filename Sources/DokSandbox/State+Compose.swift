import DokCore

extension SandboxState {
  mutating func composeCall(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    if proc == "create" {
      let env = try requireEnvironment(input.str("environmentId"))
      let name = input.str("name") ?? ""
      var c = Entities.compose(
        id: Support.nanoid(), name: name, appName: Support.appName(given: input.str("appName"), type: "compose"),
        description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
      // sourceType stays `github` (the column default) even when a composeFile is given.
      if let f = input["composeFile"] { c["composeFile"] = f }
      for k in ["composeType", "sourceType", "serverId"] { if let v = input[k] { c[k] = v } }
      compose.put(c)
      return .object(c)
    }
    var c = try requireCompose(input.str("composeId"))
    let id = c.str("composeId")!
    switch proc {
    case "one":
      var v = view(c, "compose", "compose.one")
      v["hasGitProviderAccess"] = true
      v["unauthorizedProvider"] = .null
      return .object(v)
    case "update":
      if let t = DokployFacts.shared.tables["compose"] { try checkReferences(t, input) }
      c.merge(input, except: ["composeId", "appName"])
      compose.put(c)
      return .object(c)
    case "delete":
      removeCompose(id)
      return .object(c)
    case "deploy", "redeploy":
      enqueue("compose", id, type: proc, input: input, now: now)
      return [
        "success": true, "message": proc == "deploy" ? "Deployment queued" : "Redeployment queued",
        "composeId": .string(id),
      ]
    case "start", "stop":
      var changed = c
      changed["composeStatus"] = proc == "start" ? "done" : "idle"
      compose.put(changed)
      return .object(c)
    case "cancelDeployment":
      throw .badRequest("Deployment cancellation only available in cloud version")
    case "killBuild":
      killBuild(service: "compose", now: now)
      return nil
    case "cleanQueues":
      cleanQueue(service: "compose", id: id)
      return nil
    default:
      return try generic("compose.\(proc)", input, now: now)
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
    case "github": missing = empty("repository")
    case "gitlab": missing = empty("gitlabRepository")
    case "bitbucket": missing = empty("bitbucketRepository")
    case "gitea": missing = empty("giteaRepository")
    default: missing = file.isEmpty
    }
    if missing {
      let source = c.str("sourceType") ?? "github"
      return source == "raw"
        ? "Error: compose file is empty" : "Error: \(source.prefix(1).uppercased() + source.dropFirst()) Provider not found"
    }
    if file.contains("fail") {
      return "Error response from daemon: pull access denied: an image in the compose file does not exist"
    }
    return nil
  }
}
