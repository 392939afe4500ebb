import DokCore

extension SandboxState {
  mutating func database(_ kind: DatabaseKind, _ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    if proc == "create" {
      _ = try requireEnvironment(input.str("environmentId"))
      let d = Entities.database(kind, id: Support.nanoid(), input: input, now: now)
      databases[kind]!.put(d)
      return .object(d)
    }
    guard let id = input.str(kind.idKey), var d = databases[kind]![id] else { throw .notFound(kind.displayName) }
    switch proc {
    case "one":
      var v = d
      v["mounts"] = []
      v["backups"] = []
      v["server"] = .null
      if let e = environmentWithProject(d.str("environmentId")) { v["environment"] = .object(e) }
      return .object(v)
    case "deploy":
      // Databases deploy synchronously.
      let image = d.str("dockerImage") ?? ""
      d["applicationStatus"] = image.isEmpty || image.contains("fail") ? "error" : "done"
      databases[kind]!.put(d)
      return .object(d)
    case "start":
      d["applicationStatus"] = "done"
      databases[kind]!.put(d)
      return .object(d)
    case "stop":
      d["applicationStatus"] = "idle"
      databases[kind]!.put(d)
      return .object(d)
    case "remove":
      databases[kind]![id] = nil
      return .object(d)
    case "update", "saveEnvironment", "saveExternalPort":
      d.merge(input, except: [kind.idKey])
      databases[kind]!.put(d)
      return true
    default:
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"\(kind.rawValue).\(proc)\"")
    }
  }
}
