import DokCore

extension SandboxState {
  mutating func misc(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch name {
    case "settings.health": return ["status": "ok"]
    case "user.get": return userView
    case "user.update": return try updateUser(input)
    case "user.getBookmarkedTemplates", "user.toggleTemplateBookmark": return templateBookmarks(name, input)
    case "docker.getContainers": return .array(containers(now: now))
    default: return try generic(name, input, now: now)
    }
  }

  /// The sandbox's single owner, shaped like `user.get`'s member-with-user reply.
  var userView: JSON {
    let stored = userRow
    var user = JSONObject()
    for key in [
      "id", "name", "firstName", "lastName", "email", "emailVerified", "image", "role", "createdAt", "updatedAt",
      "twoFactorEnabled", "serverIp", "enablePaidFeatures", "allowImpersonation",
    ] {
      user[key] = stored[key] ?? .null
    }
    // Not user columns: the display name and the web server's IP.
    user["name"] = .string("\(stored.str("firstName") ?? "") \(stored.str("lastName") ?? "")")
    user["serverIp"] = "127.0.0.1"
    return [
      "id": .string(userId), "organizationId": .string(organizationId), "userId": .string(userId), "role": "owner",
      "createdAt": .string(createdAt), "isDefault": .bool(ownMembershipIsDefault), "canCreateProjects": true,
      "canCreateServices": true,
      "canDeleteProjects": true, "canDeleteServices": true, "canAccessToDocker": true, "canAccessToAPI": true,
      "accessedProjects": [], "accessedEnvironments": [], "accessedServices": [], "user": .object(user),
    ]
  }

  /// One container per service whose status is `done` (running), shaped like `docker ps` output.
  func containers(now: Double) -> [JSON] {
    var out: [JSON] = []
    func add(_ row: JSONObject, image: String, statusKey: String) {
      guard row.str(statusKey) == "done", let appName = row.str("appName") else { return }
      let seed = row.str("createdAt") ?? appName
      var hash: UInt64 = 1_469_598_103_934_665_603
      for b in (appName + seed).utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 }
      let hex = String(hash, radix: 16)
      let cid = String(repeating: hex, count: 4).prefix(64)
      out.append([
        "containerId": .string(String(cid)), "name": .string("\(appName).1.\(hex.prefix(12))"),
        "image": .string(image), "ports": "", "state": "running", "status": "Up", "serverId": .null,
      ])
    }
    for a in applications.all {
      add(a, image: a.str("dockerImage") ?? "\(a.str("appName") ?? "app"):latest", statusKey: "applicationStatus")
    }
    for c in compose.all { add(c, image: "\(c.str("appName") ?? "compose"):latest", statusKey: "composeStatus") }
    for k in DatabaseKind.allCases {
      for d in databases[k]?.all ?? [] { add(d, image: d.str("dockerImage") ?? k.defaultImage, statusKey: "applicationStatus") }
    }
    return out
  }
}
