import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `patch.saveFileAsPatch` and `patch.markFileForDeletion` (routers/patch.ts:243-320) create a
/// service's patch for a file, or update the one it has (`findPatchByFilePath`); `patch.byEntityId`
/// reads them back ordered by file path (services/patch.ts:57-68).
@Suite struct PatchTests {
  @Test func saveFileAsPatchCreatesThenUpdates() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let created = try s.post(
        "patch.saveFileAsPatch",
        ["id": .string(app), "type": "application", "filePath": "src/index.js", "content": "console.log(1)"])
      #expect(created.status == 200)
      let patchId = try #require(created.json?["patchId"]?.stringValue)
      #expect(created.json?["type"] == "update")
      #expect(created.json?["enabled"] == true)
      #expect(created.json?["content"] == "console.log(1)", "createPatch stores the content as given")
      #expect(created.json?["applicationId"] == .string(app))
      #expect(created.json?["composeId"] == .null)
      // The same file again: the patch is updated; updatePatch ends the content with a newline.
      let updated = try s.post(
        "patch.saveFileAsPatch",
        ["id": .string(app), "type": "application", "filePath": "src/index.js", "content": "console.log(2)"])
      #expect(updated.json?["patchId"] == .string(patchId))
      #expect(updated.json?["content"] == "console.log(2)\n")
      _ = try s.post("patch.markFileForDeletion", ["id": .string(app), "type": "application", "filePath": "Dockerfile"])
      let listed = try #require(try s.get("patch.byEntityId", [("id", app), ("type", "application")]).json?.arrayValue)
      #expect(listed.map { $0["filePath"] } == ["Dockerfile", "src/index.js"])
      #expect(listed.map { $0["type"] } == ["delete", "update"])
      #expect(listed.first?["content"] == "")
      #expect(try s.get("patch.byEntityId", [("id", app), ("type", "compose")]).json == [])
      // The service id is a foreign key: Postgres refuses a patch for no service, and drizzle's
      // "Failed query" reaches the client as a 500.
      let orphan = try s.post(
        "patch.saveFileAsPatch", ["id": "nope", "type": "compose", "filePath": "a", "content": "b", "patchType": "create"])
      #expect(orphan.status == 500)
      let message = try #require(orphan.json?["message"]?.stringValue)
      #expect(
        message.hasPrefix(
          "Failed query: insert into \"patch\" (\"patchId\", \"type\", \"filePath\", \"enabled\", \"content\", \"createdAt\", \"updatedAt\", \"applicationId\", \"composeId\") values ($1, $2, $3, $4, $5, $6, $7, default, $8) returning "
        ))
      #expect(message.contains(",create,a,true,b,"))
      #expect(message.hasSuffix(",nope"))
    } teardown: {
      await s.sb.stop()
    }
  }
}
