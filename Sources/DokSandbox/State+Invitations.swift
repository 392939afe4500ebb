import DokCore

/// Invitations to the sandbox's organization (`routers/organization.ts:300-457`):
/// `inviteMember` adds a pending invitation, `allInvitations` lists them, `removeInvitation`
/// deletes one. (Nobody can accept them: the sandbox has one user.)
extension SandboxState {
  mutating func invitation(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch name {
    case "organization.inviteMember":
      let email = (input.str("email") ?? "").lowercased()
      let role = input.str("role") ?? ""
      if email == userRow.str("email")?.lowercased() {
        throw SandboxError(.CONFLICT, "User is already a member of this organization")
      }
      if invitations.contains(where: { $0.str("email") == email && $0.str("status") == "pending" }) {
        throw SandboxError(.CONFLICT, "An invitation has already been sent to this email")
      }
      if role == "owner" { throw SandboxError(.FORBIDDEN, "Cannot invite a user with the owner role") }
      // A custom role needs an enterprise licence to exist at all: none does here.
      if role != "admin", role != "member" { throw SandboxError(.NOT_FOUND, "Role \"\(role)\" not found") }
      var row = JSONObject()
      row["id"] = .string(Support.nanoid())
      row["organizationId"] = .string(organizationId)
      row["email"] = .string(email)
      row["role"] = .string(role)
      row["status"] = "pending"
      row["expiresAt"] = .string(Support.iso(now + 48 * 3600))
      row["inviterId"] = .string(userId)
      row["teamId"] = .null
      row["createdAt"] = .string(Support.iso(now))
      store("invitation", row)
      return .object(row)
    case "organization.allInvitations":
      // Ordered by status, then expiry, both descending.
      return .array(
        invitations.sorted { a, b in
          let (sa, sb) = (a.str("status") ?? "", b.str("status") ?? "")
          return sa != sb ? sa > sb : (a.str("expiresAt") ?? "") > (b.str("expiresAt") ?? "")
        }.map(JSON.object))
    default:
      // organization.removeInvitation.
      guard let id = input.str("invitationId"), let row = self[table: "invitation"]?[id] else {
        throw SandboxError(.NOT_FOUND, "Invitation not found")
      }
      if row.str("organizationId") != organizationId {
        throw SandboxError(.FORBIDDEN, "You are not allowed to remove this invitation")
      }
      self[table: "invitation"]?[id] = nil
      return []
    }
  }

  /// The invitations of the sandbox's organization.
  private var invitations: [JSONObject] {
    self[table: "invitation"]?.filter("organizationId", organizationId) ?? []
  }
}
