import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `organization.inviteMember` inserts a pending invitation that `allInvitations` lists and
/// `removeInvitation` deletes (routers/organization.ts:300-457), with the router's checks.
@Suite struct InvitationTests {
  @Test func inviteListAndRemove() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.post("organization.inviteMember", ["email": "Dev@Example.com", "role": "member"])
      #expect(r.status == 200)
      let id = try #require(r.json?["id"]?.stringValue)
      #expect(r.json?["email"] == "dev@example.com")
      #expect(r.json?["status"] == "pending")
      #expect(try s.get("organization.allInvitations").json?.arrayValue?.map { $0["id"] } == [.string(id)])
      let again = try s.post("organization.inviteMember", ["email": "dev@example.com", "role": "admin"])
      #expect(again.status == 409)
      #expect(again.json?["message"] == "An invitation has already been sent to this email")
      let me = try s.post("organization.inviteMember", ["email": "admin@sandbox.local", "role": "member"])
      #expect(me.json?["message"] == "User is already a member of this organization")
      let owner = try s.post("organization.inviteMember", ["email": "o@example.com", "role": "owner"])
      #expect(owner.status == 403)
      #expect(owner.json?["message"] == "Cannot invite a user with the owner role")
      #expect(try s.post("organization.removeInvitation", ["invitationId": .string(id)]).status == 200)
      #expect(try s.get("organization.allInvitations").json == [])
      let gone = try s.post("organization.removeInvitation", ["invitationId": .string(id)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == "Invitation not found")
    } teardown: {
      await s.sb.stop()
    }
  }
}
