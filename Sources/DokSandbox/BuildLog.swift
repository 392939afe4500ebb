import DokCore

/// The build log a real Dokploy writes for a deploy, as text lines: what was pulled or cloned
/// and built, and for a failure the error and Dokploy's closing line.
enum BuildLog {
  /// The lines of a deploy of `row` (an application or compose row), ending `done` or with `failure`.
  static func lines(service: String, row: JSONObject, failure: String?) -> [String] {
    var out = ["Initializing deployment"]
    let appName = row.str("appName") ?? "app"
    let source = row.str("sourceType") ?? "github"
    if service == "application", source == "docker" {
      let image = row.str("dockerImage") ?? ""
      if image.isEmpty { return out + ["Docker image not found", "", "Error occurred ❌, check the logs for details."] }
      out.append("Pulling \(image)")
      let (repo, tag) = split(image)
      out.append("\(tag): Pulling from \(repo.contains("/") ? repo : "library/" + repo)")
      if let failure {
        return out + [failure, "❌ Pulling image failed", "", "Error occurred ❌, check the logs for details."]
      }
      let digest = digestOf(image)
      out += [
        "\(digest.prefix(12)): Pull complete", "Digest: sha256:\(digest)",
        "Status: Downloaded newer image for \(image)", "docker.io/\(repo.contains("/") ? repo : "library/" + repo):\(tag)",
        "✅ Pulling image completed.", "Starting service \(appName)", "✅ Service \(appName) deployed",
      ]
      return out
    }
    if service == "compose" {
      if let failure { return out + [failure, "", "Error occurred ❌, check the logs for details."] }
      return out + [
        "Building compose \(appName)",
        "docker compose -p \(appName) -f \(row.str("composePath") ?? "./docker-compose.yml") up -d --build --remove-orphans",
        " Network \(appName)_default  Created", " Container \(appName)-1  Started", "Docker Compose Deployed: ✅",
      ]
    }
    let repo =
      row.str("repository") ?? row.str("customGitUrl") ?? row.str("gitlabRepository") ?? row.str("giteaRepository")
      ?? row.str("bitbucketRepository") ?? ""
    if let failure, repo.isEmpty { return out + [failure, "", "Error occurred ❌, check the logs for details."] }
    out.append("Cloning Repo \(repo) to /etc/dokploy/applications/\(appName)/code: ✅")
    let build = row.str("buildType") ?? "nixpacks"
    out += ["Build \(build): ✅", "Building image \(appName)"]
    if let failure { return out + [failure, "", "Error occurred ❌, check the logs for details."] }
    return out + [
      "Successfully built and tagged \(appName):latest", "Starting service \(appName)", "✅ Service \(appName) deployed",
    ]
  }

  private static func split(_ image: String) -> (String, String) {
    let lastSlash = image.lastIndex(of: "/")
    if let colon = image.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
      return (String(image[..<colon]), String(image[image.index(after: colon)...]))
    }
    return (image, "latest")
  }

  private static func digestOf(_ s: String) -> String {
    var h: UInt64 = 1_469_598_103_934_665_603
    var out = ""
    for round in 0..<4 {
      for b in (s + String(round)).utf8 { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
      let hex = String(h, radix: 16)
      out += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return out
  }
}
