import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `tag.create`, `tag.update` and `tag.all` (routers/tag.ts:19-140): the new or updated row is
/// the reply; `tag.all` is ordered by name; a name the organization already uses breaks
/// `unique_org_tag_name`, which drizzle reports as the failed query, so the router's generic 400
/// ("Error creating tag: Failed query: …") is what the client gets.
@Suite struct TagRowTests {
  @Test func createAndUpdateReturnTheRow() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let created = try s.post("tag.create", ["name": "zeta", "color": "#00ff00"])
      #expect(created.status == 200)
      let id = try #require(created.json?["tagId"]?.stringValue)
      #expect(created.json?["name"] == "zeta")
      #expect(created.json?["color"] == "#00ff00")
      #expect(created.json?["organizationId"] == (try s.get("organization.active").json?["id"]))
      #expect(try s.post("tag.create", ["name": "alpha"]).json?["color"] == .null)
      #expect(try s.get("tag.all").json?.arrayValue?.map { $0["name"] } == ["alpha", "zeta"])
      let dup = try s.post("tag.create", ["name": "alpha"])
      #expect(dup.status == 400)
      let message = try #require(dup.json?["message"]?.stringValue)
      #expect(
        message.hasPrefix(
          "Error creating tag: Failed query: insert into \"tag\" (\"tagId\", \"name\", \"color\", \"createdAt\", \"organizationId\") values ($1, $2, default, $3, $4) returning "
        ))
      let updated = try s.post("tag.update", ["tagId": .string(id), "name": "beta"])
      #expect(updated.status == 200)
      #expect(updated.json?["name"] == "beta")
      #expect(updated.json?["color"] == "#00ff00")
      #expect(try s.get("tag.one", [("tagId", id)]).json?["name"] == "beta")
      let clash = try s.post("tag.update", ["tagId": .string(id), "name": "alpha"])
      #expect(clash.status == 400)
      #expect(
        clash.json?["message"]?.stringValue?.hasPrefix(
          "Error updating tag: Failed query: update \"tag\" set \"name\" = $1 where \"tag\".\"tagId\" = $2 returning ") == true)
      #expect(clash.json?["message"]?.stringValue?.hasSuffix("\nparams: alpha,\(id)") == true)
      let missing = try s.post("tag.update", ["tagId": "nope", "name": "x"])
      #expect(missing.status == 404)
      #expect(missing.json?["message"] == "Tag not found or you don't have permission to update it")
    } teardown: {
      await s.sb.stop()
    }
  }
}
