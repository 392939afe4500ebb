import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `organization.create` / `.update` / `.delete` / `.setDefault` (`routers/organization.ts`) and
/// `user.update` (`services/user.ts:502`) change rows that `organization.all`, `.one`, `.active`
/// and `user.get` read back.
@Suite struct OrganizationTests {
  /// "insert organization … returning" with a fresh slug and the user as owner, then the user's
  /// owner membership (routers/organization.ts:44-79); `organization.all` lists the
  /// organizations the user is a member of, each with that membership (l.81-101).
  @Test func createdOrganizationIsListedWithTheMembership() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let userId = try #require(try s.get("user.get").json?["userId"]?.stringValue)
      let created = try s.post("organization.create", ["name": "Second"])
      #expect(created.status == 200)
      let org = try #require(created.json)
      let id = try #require(org["id"]?.stringValue)
      #expect(org["name"] == "Second")
      #expect(org["ownerId"] == .string(userId))
      #expect(org["slug"]?.stringValue?.count == 21)
      #expect(org["members"] == nil)
      let all = try #require(try s.get("organization.all").json?.arrayValue)
      #expect(all.count == 2)
      let listed = try #require(all.first { $0["id"] == .string(id) })
      #expect(listed["name"] == "Second")
      #expect(listed["members"]?[0]?["role"] == "owner")
      #expect(listed["members"]?[0]?["userId"] == .string(userId))
      #expect(listed["members"]?[0]?["organizationId"] == .string(id))
      #expect(try s.get("organization.one", [("organizationId", id)]).json?["name"] == "Second")
      // Deleting it (the user owns two) answers the delete's empty result; it is gone.
      let deleted = try s.post("organization.delete", ["organizationId": .string(id)])
      #expect(deleted.status == 200)
      #expect(deleted.json == [])
      #expect(try s.get("organization.all").json?.arrayValue?.count == 1)
      #expect(try s.get("organization.one", [("organizationId", id)]).status == 403)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `organization.update` sets name, logo and defaultRole (l.129-228): `organization.active`
  /// and `organization.all` show the new name; "owner" cannot be the default role and an unknown
  /// (custom) role is 404; an unknown organization is 404 "Organization not found".
  @Test func updateRenamesTheOrganization() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let own = try #require(try s.get("organization.active").json?["id"]?.stringValue)
      let r = try s.post("organization.update", ["organizationId": .string(own), "name": "Acme", "logo": "https://x/l.png"])
      #expect(r.status == 200)
      #expect(r.json?["name"] == "Acme")
      #expect(r.json?["logo"] == "https://x/l.png")
      #expect(try s.get("organization.active").json?["name"] == "Acme")
      #expect(try s.get("organization.one", [("organizationId", own)]).json?["name"] == "Acme")
      #expect(try s.get("organization.all").json?[0]?["name"] == "Acme")
      let owner = try s.post("organization.update", ["organizationId": .string(own), "name": "X", "defaultRole": "owner"])
      #expect(owner.status == 403)
      #expect(owner.json?["message"] == "Cannot set owner as the default role")
      let custom = try s.post("organization.update", ["organizationId": .string(own), "name": "X", "defaultRole": "ops"])
      #expect(custom.status == 404)
      #expect(custom.json?["message"] == "Role \"ops\" not found")
      let unknown = try s.post("organization.update", ["organizationId": "nope", "name": "X"])
      #expect(unknown.status == 404)
      #expect(unknown.json?["message"] == "Organization not found")
      #expect(try s.get("organization.active").json?["name"] == "Acme")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `setDefault` moves the user's default membership (l.545-590): `user.get` (the active
  /// organization's membership) shows `isDefault` false once another organization is the default.
  @Test func setDefaultMovesTheDefaultMembership() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let own = try #require(try s.get("organization.active").json?["id"]?.stringValue)
      let second = try #require(try s.post("organization.create", ["name": "Second"]).json?["id"]?.stringValue)
      #expect(try s.get("user.get").json?["isDefault"] == true)
      #expect(try s.post("organization.setDefault", ["organizationId": .string(second)]).json == ["success": true])
      #expect(try s.get("user.get").json?["isDefault"] == false)
      let all = try s.get("organization.all").json?.arrayValue ?? []
      #expect(all.first { $0["id"] == .string(second) }?["members"]?[0]?["isDefault"] == true)
      #expect(try s.post("organization.setDefault", ["organizationId": .string(own)]).status == 200)
      #expect(try s.get("user.get").json?["isDefault"] == true)
      let stranger = try s.post("organization.setDefault", ["organizationId": "nope"])
      #expect(stranger.status == 403)
      #expect(stranger.json?["message"] == "You are not a member of this organization")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `updateUser` sets the user's columns and returns the row (services/user.ts:502-525);
  /// `user.get` shows them. A password change checks the current password against the
  /// account's, which the sandbox's API-key user does not have (routers/user.ts:233-247).
  @Test func userUpdateChangesTheUser() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.post("user.update", ["firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"])
      #expect(r.status == 200)
      #expect(r.json?["firstName"] == "Ada")
      #expect(r.json?["email"] == "ada@example.com")
      #expect(r.json?["isRegistered"] != nil, "the whole user row")
      let user = try s.get("user.get").json?["user"]
      #expect(user?["firstName"] == "Ada")
      #expect(user?["lastName"] == "Lovelace")
      #expect(user?["email"] == "ada@example.com")
      #expect(try s.get("user.all").json?[0]?["user"]?["firstName"] == "Ada")
      let password = try s.post("user.update", ["password": "new-secret", "currentPassword": "old", "firstName": "Bob"])
      #expect(password.status == 400)
      #expect(password.json?["message"] == "Current password is incorrect")
      #expect(try s.get("user.get").json?["user"]?["firstName"] == "Ada")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `toggleTemplateBookmark` adds the template to the user's `bookmarkedTemplates`, or removes
  /// it, and answers the new state; `getBookmarkedTemplates` reads them (routers/user.ts:811-846).
  @Test func templateBookmarksToggle() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown { () async throws in
      #expect(try s.get("user.getBookmarkedTemplates").json == [])
      #expect(try s.post("user.toggleTemplateBookmark", ["templateId": "plausible"]).json == ["isBookmarked": true])
      #expect(try s.post("user.toggleTemplateBookmark", ["templateId": "n8n"]).json == ["isBookmarked": true])
      #expect(try s.get("user.getBookmarkedTemplates").json == ["plausible", "n8n"])
      #expect(try s.post("user.toggleTemplateBookmark", ["templateId": "plausible"]).json == ["isBookmarked": false])
      #expect(try s.get("user.getBookmarkedTemplates").json == ["n8n"])
    } teardown: {
      await s.sb.stop()
    }
  }

  /// These are writes like the others: with `--state` they survive a restart.
  @Test func organizationsAndUserAreJournalled() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-org-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s1 = try await SandboxClient.start(statePath: path)
    #expect(try s1.post("organization.create", ["name": "Second"]).status == 200)
    #expect(try s1.post("user.update", ["firstName": "Ada"]).status == 200)
    await s1.sb.stop()
    let s2 = try await SandboxClient.start(statePath: path)
    try await withTeardown { () async throws in
      #expect(try s2.get("organization.all").json?.arrayValue?.map { $0["name"] } == ["Sandbox", "Second"])
      #expect(try s2.get("user.get").json?["user"]?["firstName"] == "Ada")
    } teardown: {
      await s2.sb.stop()
    }
  }
}
