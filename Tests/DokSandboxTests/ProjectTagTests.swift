import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `tag.assignToProject`, `tag.removeFromProject`, `tag.bulkAssign` and `tag.remove`
/// (`routers/tag.ts`) change the `project_tag` links that `project.all` and `project.one`
/// return under `projectTags` (each with its `tag`).
@Suite struct ProjectTagTests {
  static func makeTag(_ s: SandboxClient, _ name: String) throws -> String {
    #expect(try s.post("tag.create", ["name": .string(name), "color": "#ff0000"]).status == 200)
    let all = try s.get("tag.all").json?.arrayValue ?? []
    return try #require(all.first { $0["name"] == .string(name) }?["tagId"]?.stringValue)
  }

  /// The tag ids `project.all` and `project.one` show for the project, in order.
  static func shownTags(_ s: SandboxClient, _ pid: String) throws -> (all: [String], one: [String]) {
    func ids(_ p: JSON?) -> [String] {
      (p?["projectTags"]?.arrayValue ?? []).compactMap { $0["tag"]?["tagId"]?.stringValue }
    }
    let all = try s.get("project.all").json?.arrayValue?.first { $0["projectId"] == .string(pid) }
    return (ids(all), ids(try s.get("project.one", [("projectId", pid)]).json))
  }

  /// "Insert the project-tag association" and return it (routers/tag.ts:236-247); deleting it
  /// answers `{success: true}` (l.323-336); the project's tags read back through `project.all`
  /// and `project.one`.
  @Test func assignAndRemoveChangeTheProjectsTags() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, _) = try s.makeProject()
      let (other, _) = try s.makeProject("other")
      let prod = try Self.makeTag(s, "prod")
      let assigned = try s.post("tag.assignToProject", ["projectId": .string(pid), "tagId": .string(prod)])
      #expect(assigned.status == 200)
      #expect(assigned.json?["projectId"] == .string(pid))
      #expect(assigned.json?["tagId"] == .string(prod))
      #expect(assigned.json?["id"]?.stringValue?.count == 21)
      #expect(try Self.shownTags(s, pid) == ([prod], [prod]))
      #expect(try Self.shownTags(s, other) == ([], []))
      #expect(
        try s.get("project.one", [("projectId", pid)]).json?["projectTags"]?[0]?["tag"]?["name"] == "prod")
      let removed = try s.post("tag.removeFromProject", ["projectId": .string(pid), "tagId": .string(prod)])
      #expect(removed.status == 200)
      #expect(removed.json == ["success": true])
      #expect(try Self.shownTags(s, pid) == ([], []))
      // Removing a link that is not there still succeeds.
      #expect(try s.post("tag.removeFromProject", ["projectId": .string(pid), "tagId": .string(prod)]).status == 200)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// The router's checks: the project first ("Project not found or you don't have permission to
  /// modify it"), then the tag; a second assignment of the same tag breaks `unique_project_tag`,
  /// and as drizzle 0.45 reports the failed query rather than the constraint, the client gets the
  /// generic 400 "Error assigning tag to project: Failed query: …" (routers/tag.ts:251-265).
  @Test func assignRefusesWhatTheRouterRefuses() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, _) = try s.makeProject()
      let tag = try Self.makeTag(s, "prod")
      let noProject = try s.post("tag.assignToProject", ["projectId": "nope", "tagId": "nope"])
      #expect(noProject.status == 404)
      #expect(noProject.json?["message"] == "Project not found or you don't have permission to modify it")
      let noTag = try s.post("tag.assignToProject", ["projectId": .string(pid), "tagId": "nope"])
      #expect(noTag.status == 404)
      #expect(noTag.json?["message"] == "Tag not found or you don't have permission to use it")
      #expect(try s.post("tag.assignToProject", ["projectId": .string(pid), "tagId": .string(tag)]).status == 200)
      let twice = try s.post("tag.assignToProject", ["projectId": .string(pid), "tagId": .string(tag)])
      #expect(twice.status == 400)
      let message = try #require(twice.json?["message"]?.stringValue)
      #expect(
        message.hasPrefix(
          "Error assigning tag to project: Failed query: insert into \"project_tag\" (\"id\", \"projectId\", \"tagId\") values ($1, $2, $3) returning \"id\", \"projectId\", \"tagId\"\nparams: "
        ))
      #expect(message.hasSuffix(",\(pid),\(tag)"))
      #expect(try Self.shownTags(s, pid) == ([tag], [tag]))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `bulkAssign` replaces the project's links (routers/tag.ts:398-417) after checking every tag
  /// is the organization's; `tag.remove` deletes the tag and, by the foreign key's cascade, its links.
  @Test func bulkAssignReplacesAndRemovingATagUnlinksIt() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, _) = try s.makeProject()
      let a = try Self.makeTag(s, "a")
      let b = try Self.makeTag(s, "b")
      let c = try Self.makeTag(s, "c")
      #expect(try s.post("tag.assignToProject", ["projectId": .string(pid), "tagId": .string(a)]).status == 200)
      let bulk = try s.post("tag.bulkAssign", ["projectId": .string(pid), "tagIds": [.string(b), .string(c)]])
      #expect(bulk.json == ["success": true])
      #expect(try Self.shownTags(s, pid) == ([b, c], [b, c]))
      let unknown = try s.post("tag.bulkAssign", ["projectId": .string(pid), "tagIds": [.string(a), "nope"]])
      #expect(unknown.status == 404)
      #expect(unknown.json?["message"] == "One or more tags not found in your organization")
      #expect(try Self.shownTags(s, pid) == ([b, c], [b, c]))
      #expect(try s.post("tag.remove", ["tagId": .string(b)]).json == ["success": true])
      #expect(try Self.shownTags(s, pid) == ([c], [c]))
      let again = try s.post("tag.remove", ["tagId": .string(b)])
      #expect(again.status == 404)
      #expect(again.json?["message"] == "Tag not found or you don't have permission to delete it")
      #expect(try s.post("tag.bulkAssign", ["projectId": .string(pid), "tagIds": []]).status == 200)
      #expect(try Self.shownTags(s, pid) == ([], []))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// The links are writes like the others: with `--state` they survive a restart.
  @Test func tagLinksAreJournalled() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-tags-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s1 = try await SandboxClient.start(statePath: path)
    let (pid, _) = try s1.makeProject()
    let tag = try Self.makeTag(s1, "kept")
    #expect(try s1.post("tag.assignToProject", ["projectId": .string(pid), "tagId": .string(tag)]).status == 200)
    await s1.sb.stop()
    let s2 = try await SandboxClient.start(statePath: path)
    try await withTeardown { () async throws in
      #expect(try Self.shownTags(s2, pid) == ([tag], [tag]))
    } teardown: {
      await s2.sb.stop()
    }
  }
}
