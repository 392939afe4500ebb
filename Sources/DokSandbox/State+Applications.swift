import DokCore

extension SandboxState {
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
