import DokCore

/// The `organization` router (`routers/organization.ts`) and `user.update`
/// (`routers/user.ts:230`, `services/user.ts:502`) over stored rows: the sandbox's own
/// organization and user (their default rows until something changes them), the organizations
/// `organization.create` makes, and the user's memberships of those. `organization.all`,
/// `.one`, `.active`, `user.get` and the member replies read them back.
extension SandboxState {
  mutating func organization(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      // l.44-79: the row, then the user's owner membership of it.
      var org = defaultRow("organization", now: now)
      org["name"] = input["name"] ?? ""
      org["logo"] = input["logo"] ?? .null
      org["slug"] = .string(Support.nanoid())
      org["createdAt"] = .string(Support.iso(now))
      org["ownerId"] = .string(userId)
      store("organization", org)
      var m = defaultRow("member", now: now)
      m["organizationId"] = org["id"]
      m["role"] = "owner"
      m["createdAt"] = .string(Support.iso(now))
      m["userId"] = .string(userId)
      store("member", m)
      return .object(org)
    case "all":
      // l.81-101: the organizations the user is a member of, each with that membership.
      return .array(
        organizationRows.map { org in
          var o = org
          o["members"] = membership(of: org.str("id") ?? "").map { [.object($0)] } ?? []
          return .object(o)
        })
    case "one":
      // l.103-127: members only.
      let id = input.str("organizationId") ?? ""
      guard membership(of: id) != nil else { throw SandboxError(.FORBIDDEN, "You are not a member of this organization") }
      return organizationRow(id).map(JSON.object) ?? .null
    case "update":
      // l.129-228.
      let id = input.str("organizationId") ?? ""
      guard var org = organizationRow(id) else { throw .notFound("Organization") }
      guard membership(of: id) != nil else { throw SandboxError(.FORBIDDEN, "You are not a member of this organization") }
      if case .string(let role)? = input["defaultRole"] {
        if role == "owner" { throw SandboxError(.FORBIDDEN, "Cannot set owner as the default role") }
        // A custom role needs an enterprise licence to exist at all: none does here.
        if role != "admin", role != "member" { throw SandboxError(.NOT_FOUND, "Role \"\(role)\" not found") }
      }
      org["name"] = input["name"] ?? org["name"]
      if let logo = input["logo"] { org["logo"] = logo }
      if let role = input["defaultRole"] { org["defaultRole"] = role }
      store("organization", org)
      return .object(org)
    case "delete":
      // l.230-298. The sandbox keeps its own organization (its projects and key live there):
      // deleting it is refused as when it is the user's only one.
      let id = input.str("organizationId") ?? ""
      guard organizationRow(id) != nil else { throw .notFound("Organization") }
      guard membership(of: id) != nil else { throw SandboxError(.FORBIDDEN, "You are not a member of this organization") }
      if id == organizationId || organizationRows.filter({ $0.str("ownerId") == userId }).count <= 1 {
        throw SandboxError(.FORBIDDEN, "You must maintain at least one organization where you are the owner")
      }
      self[table: "organization"]?[id] = nil
      // `member.organizationId` is `onDelete: cascade`.
      let members = (self[table: "member"]?.filter("organizationId", id) ?? []).compactMap { $0.str("id") }
      self[table: "member"]?.remove(ids: Set(members))
      return []
    case "setDefault":
      // l.545-590: members only; this membership becomes the user's default, the others not.
      let id = input.str("organizationId") ?? ""
      guard membership(of: id) != nil else { throw SandboxError(.FORBIDDEN, "You are not a member of this organization") }
      for var m in self[table: "member"]?.all ?? [] where m.str("userId") == userId {
        let isDefault = JSON.bool(m.str("organizationId") == id)
        if m["isDefault"] != isDefault {
          m["isDefault"] = isDefault
          store("member", m)
        }
      }
      return ["success": true]
    case "inviteMember", "allInvitations", "removeInvitation":
      return try invitation("organization.\(proc)", input, now: now)
    case "active":
      return organizationRow(organizationId).map(JSON.object) ?? .null
    default:
      return try generic("organization.\(proc)", input, now: now)
    }
  }

  /// `user.update`: a password change needs the current password, which the sandbox's user (an
  /// API key, no account) never has; an email must be valid; then the user's columns are set.
  mutating func updateUser(_ input: JSONObject) throws(SandboxError) -> JSON? {
    if input["password"] != nil || input["currentPassword"] != nil {
      // routers/user.ts:233-247: bcrypt against the account's password (none: "").
      throw .badRequest("Current password is incorrect")
    }
    if let email = input["email"] {
      // services/user.ts:503-513, rethrown as 400 by the router.
      let text = email.stringValue ?? ""
      if text.trimming().isEmpty { throw .badRequest("Email is required and cannot be empty") }
      if text.wholeMatch(of: /[^\s@]+@[^\s@]+\.[^\s@]+/) == nil { throw .badRequest("Please enter a valid email address") }
    }
    var row = userRow
    guard let t = DokployFacts.shared.tables["user"] else { return .object(row) }
    for (k, v) in input.pairs where k != "id" && t.column(k) != nil { row[k] = v }
    store("user", row)
    return .object(row)
  }

  /// The user's bookmarked templates (`bookmarkedTemplates`, `routers/user.ts:811-846`):
  /// `toggleTemplateBookmark` adds the id at the end or removes it.
  mutating func templateBookmarks(_ name: String, _ input: JSONObject) -> JSON {
    var row = userRow
    var current = row["bookmarkedTemplates"]?.arrayValue ?? []
    guard name == "user.toggleTemplateBookmark", let id = input["templateId"] else { return .array(current) }
    let isBookmarked = current.contains(id)
    if isBookmarked { current.removeAll { $0 == id } } else { current.append(id) }
    row["bookmarkedTemplates"] = .array(current)
    store("user", row)
    return ["isBookmarked": .bool(!isBookmarked)]
  }

  /// The sandbox's user row: as stored once changed, else its initial values.
  var userRow: JSONObject {
    if let stored = self[table: "user"]?[userId] { return stored }
    var row = JSONObject()
    if let t = DokployFacts.shared.tables["user"] {
      for c in t.columns {
        if case .literal(let v) = c.defaultValue { row[c.name] = v } else { row[c.name] = c.notNull ? "" : .null }
      }
    }
    let fixed: [(String, JSON)] = [
      ("id", .string(userId)), ("firstName", "Sandbox"), ("lastName", "Admin"), ("isRegistered", true),
      ("createdAt2", .string(createdAt)), ("createdAt", .string(createdAt)), ("twoFactorEnabled", false),
      ("email", "admin@sandbox.local"), ("emailVerified", true), ("image", .null), ("updatedAt", .string(createdAt)),
      ("role", "owner"), ("enablePaidFeatures", false), ("allowImpersonation", false),
    ]
    for (k, v) in fixed { row[k] = v }
    return row
  }

  /// The organizations the sandbox's user belongs to: its own first, then those it created.
  var organizationRows: [JSONObject] {
    var rows = [organizationRow(organizationId) ?? JSONObject()]
    rows += (self[table: "organization"]?.all ?? []).filter { $0.str("id") != organizationId }
    return rows
  }

  /// The organization with this id (the sandbox's own has its initial row until updated).
  func organizationRow(_ id: String) -> JSONObject? {
    if let stored = self[table: "organization"]?[id] { return stored }
    guard id == organizationId else { return nil }
    var row = JSONObject()
    row["id"] = .string(organizationId)
    row["name"] = "Sandbox"
    row["slug"] = "sandbox"
    row["logo"] = .null
    row["createdAt"] = .string(createdAt)
    row["metadata"] = .null
    row["defaultRole"] = .null
    row["ownerId"] = .string(userId)
    return row
  }

  /// The sandbox user's membership of an organization (its own: ``userView`` without the user).
  func membership(of organization: String) -> JSONObject? {
    if organization == organizationId {
      var m = userView.objectValue ?? JSONObject()
      m["user"] = nil
      return m
    }
    return self[table: "member"]?.filter("organizationId", organization).first { $0.str("userId") == userId }
  }

  /// True unless the user made another organization its default (`organization.setDefault`).
  var ownMembershipIsDefault: Bool {
    !(self[table: "member"]?.all ?? []).contains { $0.str("userId") == userId && $0["isDefault"] == true }
  }

  /// A row of `table` with every column's insert default.
  private mutating func defaultRow(_ table: String, now: Double) -> JSONObject {
    var row = JSONObject()
    for c in DokployFacts.shared.tables[table]?.columns ?? [] { row[c.name] = defaultValue(c, now: now) }
    return row
  }

  /// Stores a row of one of the engine's tables (made on first use, journalled like the others).
  mutating func store(_ table: String, _ row: JSONObject) {
    guard let t = DokployFacts.shared.tables[table] else { return }
    var fresh = Table(idKey: t.primaryKey)
    fresh.tracking = journaling
    self[table: table, default: fresh].put(row)
  }
}
