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
      return .object(view(d, kind.rawValue, "\(kind.rawValue).one"))
    case "deploy":
      // Databases deploy inside the request and return the row read before the update.
      let image = d.str("dockerImage") ?? ""
      if image.isEmpty || image.contains("fail") {
        var failed = d
        failed["applicationStatus"] = "error"
        databases[kind]!.put(failed)
        let repo = String(image.prefix { $0 != ":" })
        // Dokploy writes `Error on deploy postgres${error}`: no separator before the error's text.
        throw SandboxError(
          .INTERNAL_SERVER_ERROR,
          "Error on deploy \(kind.rawValue)Error: (HTTP code 404) unexpected - pull access denied for \(repo), repository does not exist or may require 'docker login'"
        )
      }
      var changed = d
      changed["applicationStatus"] = "done"
      databases[kind]!.put(changed)
      return .object(d)
    case "start", "stop":
      var changed = d
      changed["applicationStatus"] = proc == "start" ? "done" : "idle"
      databases[kind]!.put(changed)
      return .object(d)
    case "remove":
      databases[kind]![id] = nil
      return .object(d)
    case "update", "saveEnvironment", "saveExternalPort":
      if let t = DokployFacts.shared.tables[kind.rawValue] { try checkReferences(t, input) }
      d.merge(input, except: [kind.idKey, "appName"])
      databases[kind]!.put(d)
      return true
    default:
      return try generic("\(kind.rawValue).\(proc)", input, now: now)
    }
  }
}
