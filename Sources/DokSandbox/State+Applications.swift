import DokCore

extension SandboxState {
  mutating func application(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    if proc == "create" {
      let env = try requireEnvironment(input.str("environmentId"))
      let name = input.str("name") ?? ""
      var a = Entities.application(
        id: Support.nanoid(), name: name, appName: input.str("appName") ?? Support.appName(from: name),
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
      var v = a
      v["deployments"] = .array(deploymentsOf("applicationId", id).map(JSON.object))
      v["domains"] = .array(domains.filter("applicationId", id).map(JSON.object))
      v["mounts"] = []
      v["redirects"] = []
      v["security"] = []
      v["ports"] = []
      v["registry"] = .null
      v["server"] = .null
      v["previewDeployments"] = []
      if let e = environmentWithProject(a.str("environmentId")) { v["environment"] = .object(e) }
      return .object(v)
    case "update", "saveEnvironment", "saveBuildType":
      a.merge(input, except: ["applicationId"])
      applications.put(a)
      return true
    case "delete":
      removeApplication(id)
      return .object(a)
    case "deploy", "redeploy":
      a["applicationStatus"] = "running"
      applications.put(a)
      startDeploy(
        service: "application", key: "applicationId", row: a, input: input,
        defaultTitle: proc == "deploy" ? "Manual deployment" : "Rebuild deployment", failure: Self.applicationFailure(a),
        now: now)
      return nil
    case "start", "reload":
      a["applicationStatus"] = "done"
      applications.put(a)
      return proc == "reload" ? true : .object(a)
    case "stop":
      a["applicationStatus"] = "idle"
      applications.put(a)
      return .object(a)
    case "saveDockerProvider":
      a.merge(input, except: ["applicationId"])
      a["sourceType"] = "docker"
      applications.put(a)
      return true
    case "saveGitProvider":
      a.merge(input, except: ["applicationId"])
      a["sourceType"] = "git"
      applications.put(a)
      return true
    case "cancelDeployment":
      guard cancelRunning(service: "application", id: id, now: now) > 0 else {
        throw .badRequest("No running deployment found for this application")
      }
      a["applicationStatus"] = "idle"
      applications.put(a)
      return ["success": true, "message": "Deployment cancellation requested"]
    default:
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"application.\(proc)\"")
    }
  }

  mutating func deployment(_ proc: String, _ input: JSONObject) throws(SandboxError) -> JSON? {
    switch proc {
    case "all":
      let a = try requireApplication(input.str("applicationId"))
      return .array(deploymentsOf("applicationId", a.str("applicationId")!).map(JSON.object))
    case "allByCompose":
      let c = try requireCompose(input.str("composeId"))
      return .array(deploymentsOf("composeId", c.str("composeId")!).map(JSON.object))
    default:
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"deployment.\(proc)\"")
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
    case "docker": missing = empty("dockerImage") ? "Docker image not configured" : nil
    case "git": missing = empty("customGitUrl") ? "Git repository URL not configured" : nil
    case "github": missing = empty("repository") ? "GitHub repository not configured" : nil
    case "gitlab": missing = empty("gitlabRepository") ? "GitLab repository not configured" : nil
    case "bitbucket": missing = empty("bitbucketRepository") ? "Bitbucket repository not configured" : nil
    case "gitea": missing = empty("giteaRepository") ? "Gitea repository not configured" : nil
    default: missing = empty("dropBuildPath") ? "No source code uploaded" : nil
    }
    if let missing { return "\(missing): nothing to build for \(a.str("appName") ?? "application")" }
    if let image = a.str("dockerImage"), image.contains("fail") {
      return
        "Error response from daemon: pull access denied for \(image), repository does not exist or may require 'docker login'"
    }
    return nil
  }
}
