import DokCore

extension SandboxState {
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
