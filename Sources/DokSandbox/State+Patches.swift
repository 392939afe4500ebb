import DokCore

/// The `patch` procedures that save a file of a service's repository as a patch
/// (`routers/patch.ts:243-320`, `services/patch.ts`), and `patch.byEntityId`, which reads them
/// back (ordered by file path).
extension SandboxState {
  mutating func patchCall(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    let id = input.str("id") ?? ""
    let key = input.str("type") == "compose" ? "composeId" : "applicationId"
    let filePath = input.str("filePath") ?? ""
    switch name {
    case "patch.byEntityId":
      let rows = (self[table: "patch"]?.filter(key, id) ?? []).sorted { ($0.str("filePath") ?? "") < ($1.str("filePath") ?? "") }
      return .array(rows.map(JSON.object))
    case "patch.saveFileAsPatch":
      let content = input.str("content") ?? ""
      let type = input.str("patchType") ?? "update"
      if let existing = patch(filePath, key, id) {
        return .object(updatePatch(existing, content: content, type: type, now: now))
      }
      return .object(try createPatch(filePath, key, id, content: content, type: type, now: now))
    case "patch.markFileForDeletion":
      // markPatchForDeletion (services/patch.ts:110).
      if let existing = patch(filePath, key, id) {
        return .object(updatePatch(existing, content: "", type: "delete", now: now))
      }
      return .object(try createPatch(filePath, key, id, content: "", type: "delete", now: now))
    default:
      return try generic(name, input, now: now)
    }
  }

  /// `findPatchByFilePath` (services/patch.ts:70).
  private func patch(_ filePath: String, _ key: String, _ id: String) -> JSONObject? {
    self[table: "patch"]?.filter(key, id).first { $0.str("filePath") == filePath }
  }

  /// `createPatch` (services/patch.ts:14-39): the row, enabled. The service's id is a foreign key:
  /// an unknown one makes Postgres refuse the insert, and drizzle's "Failed query" reaches the
  /// client as a 500.
  private mutating func createPatch(
    _ filePath: String, _ key: String, _ id: String, content: String, type: String, now: Double
  ) throws(SandboxError) -> JSONObject {
    var row = JSONObject()
    row["patchId"] = .string(Support.nanoid())
    row["type"] = .string(type)
    row["filePath"] = .string(filePath)
    row["enabled"] = true
    row["content"] = .string(content)
    row["createdAt"] = .string(Support.iso(now))
    row["updatedAt"] = .string(Support.iso(now))
    row[key] = .string(id)
    let table = key == "composeId" ? "compose" : "applications"
    guard self[table: table]?[id] != nil else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, Self.failedInsert("patch", row))
    }
    row[key == "composeId" ? "applicationId" : "composeId"] = .null
    var ordered = JSONObject()
    for c in DokployFacts.shared.tables["patch"]?.columns ?? [] { ordered[c.name] = row[c.name] ?? .null }
    store("patch", ordered)
    return ordered
  }

  /// `updatePatch` (services/patch.ts:83-99): content gets a final newline when it has none
  /// (empty content stays empty), `updatedAt` is now.
  private mutating func updatePatch(_ existing: JSONObject, content: String, type: String, now: Double) -> JSONObject {
    var row = existing
    row["type"] = .string(type)
    row["content"] = .string(content.isEmpty || content.hasSuffix("\n") ? content : content + "\n")
    row["updatedAt"] = .string(Support.iso(now))
    store("patch", row)
    return row
  }
}
