import DokCore

extension SandboxState {
  mutating func application(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    if proc == "create" {
      let env = try requireEnvironment(input.str("environmentId"))
      let name = input.str("name") ?? ""
      var a = Entities.application(
        id: Support.nanoid(), name: name, appName: Support.appName(given: input.str("appName"), type: "app"),
        description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
      if let s = input["sourceType"] { a["sourceType"] = s }
      if let s = input["serverId"] { a["serverId"] = s }
      applications.put(a)
      return .object(a)
    }
    var a = try requireApplication(input.str("applicationId"))
    let id = a.str("applicationId")!
    switch proc {
    case "one":
      var v = view(a, "applications", "application.one")
      v["hasGitProviderAccess"] = true
      v["unauthorizedProvider"] = .null
      return .object(v)
    case "update", "saveEnvironment", "saveBuildType":
      // Foreign keys are real; `update` silently ignores appName.
      if let t = DokployFacts.shared.tables["applications"] { try checkReferences(t, input) }
      a.merge(input, except: ["applicationId", "appName"])
      applications.put(a)
      return true
    case "delete":
      removeApplication(id)
      return .object(a)
    case "deploy", "redeploy":
      // Self-hosted: the job is only queued; the reply is empty.
      enqueue("application", id, type: proc, input: input, now: now)
      return nil
    case "start", "stop":
      // The reply is the row read before the change.
      var changed = a
      changed["applicationStatus"] = proc == "start" ? "done" : "idle"
      applications.put(changed)
      return .object(a)
    case "reload":
      a["applicationStatus"] = "done"
      applications.put(a)
      return true
    case "saveDockerProvider", "saveGitProvider":
      a.merge(input, except: ["applicationId"])
      a["sourceType"] = proc == "saveDockerProvider" ? "docker" : "git"
      a["applicationStatus"] = "idle"
      applications.put(a)
      return true
    case "cancelDeployment":
      throw .badRequest("Deployment cancellation only available in cloud version")
    case "killBuild":
      killBuild(service: "application", now: now)
      return nil
    case "cleanQueues":
      cleanQueue(service: "application", id: id)
      return nil
    default:
      return try generic("application.\(proc)", input, now: now)
    }
  }

  mutating func deployment(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "all":
      return .array(deploymentsOf("applicationId", input.str("applicationId") ?? "").map(JSON.object))
    case "allByCompose":
      // Unknown ids in list lookups answer [] on a real server.
      return .array(deploymentsOf("composeId", input.str("composeId") ?? "").map(JSON.object))
    case "readLogs":
      return try readLogs(input, now: now)
    case "killProcess":
      // routers/deployment.ts:169-190: the row (404), then its `pid`, which only a schedule's or
      // backup's run sets: never an application's or compose's deployment here.
      guard let id = input.str("deploymentId"), let row = deployments[id] else { throw .notFound("Deployment") }
      if row["pid"] == nil || row["pid"] == .null { throw .badRequest("Deployment is not running") }
      return nil
    default:
      return try generic("deployment.\(proc)", input, now: now)
    }
  }

  /// The application with this id, or 404.
  func requireApplication(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let a = applications[id] else { throw .notFound("Application") }
    return a
  }

  /// Removes an application with its deployments and domains.
  mutating func removeApplication(_ id: String) {
    removeDependents(of: "applicationId", id)
    applications[id] = nil
  }

  /// Why a deploy of this application fails, decided when it starts; nil when it succeeds.
  static func applicationFailure(_ a: JSONObject) -> String? {
    func empty(_ k: String) -> Bool { (a.str(k) ?? "").isEmpty }
    let missing: String?
    switch a.str("sourceType") ?? "github" {
    case "docker": missing = empty("dockerImage") ? "Docker image not found" : nil
    case "git": missing = empty("customGitUrl") ? "Error: Repository URL is required" : nil
    case "github": missing = empty("repository") ? "Error: GitHub Provider not found" : nil
    case "gitlab": missing = empty("gitlabRepository") ? "Error: Gitlab Provider not found" : nil
    case "bitbucket": missing = empty("bitbucketRepository") ? "Error: Bitbucket Provider not found" : nil
    case "gitea": missing = empty("giteaRepository") ? "Error: Gitea Provider not found" : nil
    default: missing = empty("dropBuildPath") ? "Error: no source code uploaded" : nil
    }
    if let missing { return missing }
    if let image = a.str("dockerImage"), image.contains("fail") {
      let repo = String(image.prefix { $0 != ":" })
      return
        "Error response from daemon: pull access denied for \(repo), repository does not exist or may require 'docker login': denied: requested access to the resource is denied"
    }
    return nil
  }
}
