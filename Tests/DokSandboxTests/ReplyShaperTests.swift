import DokCore
import Testing

@testable import DokSandbox

/// Issue 12, item 5: `project.all` got faster by building each trimmed row directly
/// (``ReplyShaper``) instead of expanding the whole row and then trimming it. The reply must not
/// change: for every row of a populated state, the shaper's text equals, byte for byte (member
/// order included), what the straightforward expand-then-trim gives.
@Suite struct ReplyShaperTests {
  /// The reply as the sandbox built it before: expand every relation, then keep the reply's
  /// columns and then the expanded members named in its `with` tree.
  static func reference(_ st: SandboxState, _ row: JSONObject, table: String, reply: String) -> JSONObject {
    let facts = DokployFacts.shared
    guard let t = facts.tables[table], let r = facts.replies[reply] else { return row }
    var out = st.expand(row, t, RelationPlan.forReply(reply), depth: 0)
    if let cols = r["columns"]?.arrayValue?.compactMap(\.stringValue) {
      var kept = JSONObject()
      for c in cols { if let v = out[c] { kept[c] = v } }
      for (k, v) in out.pairs where r["with"]?[k] != nil { kept[k] = v }
      out = kept
    }
    return out
  }

  /// Projects with a second environment, applications, compose, databases, domains and tags.
  static func populated() throws -> SandboxEngine {
    let e = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    _ = try e.call("tag.create", input: ["name": "blue", "color": "#00f"])
    let tag = try #require(try e.call("tag.all", input: nil)?[0]?["tagId"])
    for i in 0..<4 {
      let p = try #require(try e.call("project.create", input: ["name": .string("p\(i)"), "description": "d"]))
      let pid = try #require(p["project"]?["projectId"])
      let env = try #require(p["environment"]?["environmentId"])
      if i == 0 { continue }  // one project with nothing in it
      let staging = try #require(
        try e.call("environment.create", input: ["name": "staging", "projectId": pid])?["environmentId"])
      for (n, target) in [("web", env), ("api", env), ("worker", staging)] {
        let app = try #require(try e.call("application.create", input: ["name": .string(n), "environmentId": target]))
        if n == "web" {
          _ = try e.call("domain.create", input: ["host": "web.example.com", "applicationId": app["applicationId"] ?? .null])
        }
      }
      _ = try e.call("compose.create", input: ["name": "stack", "environmentId": env])
      _ = try e.call(
        "postgres.create",
        input: ["name": "db", "databaseName": "d", "databaseUser": "u", "databasePassword": "secretpw", "environmentId": staging])
      _ = try e.call("redis.create", input: ["name": "cache", "databasePassword": "secretpw", "environmentId": env])
      if i % 2 == 1 {
        // A project tag row, as tag.assignToProject makes on a real server.
        var link = JSONObject()
        link["id"] = .string("pt\(i)")
        link["projectId"] = pid
        link["tagId"] = tag
        e.withState { st in st[table: "projectTags", default: Table(idKey: "id")].put(link) }
      }
    }
    return e
  }

  @Test(arguments: [
    ("projects", "project.all"), ("projects", "project.one"), ("environments", "environment.one"),
    ("environments", "environment.byProjectId"), ("applications", "application.one"), ("compose", "compose.one"),
    ("postgres", "postgres.one"), ("redis", "redis.one"),
  ])
  func theShapedRowIsTheExpandedAndTrimmedOne(table: String, reply: String) throws {
    let engine = try Self.populated()
    let (shaped, expected, rows) = engine.withState { st -> ([String], [String], Int) in
      let all = st[table: table]?.all ?? []
      let shaper = ReplyShaper(st, table: table, reply: reply)
      return (
        all.map { JSONWriter.compact(.object(shaper.shape($0))) },
        all.map { JSONWriter.compact(.object(Self.reference(st, $0, table: table, reply: reply))) }, all.count
      )
    }
    #expect(rows >= 3, "the state has rows of \(table)")
    #expect(shaped == expected)
    // The rows are really shaped (relations included), so the comparison is not of bare rows.
    #expect(shaped.contains { $0.contains("Id\":") && $0.count > 100 })
  }

  /// The relations the comparison covers are filled in: a tag under `projectTags`, services
  /// under each environment.
  @Test func theProjectListCarriesTagsAndServices() throws {
    let engine = try Self.populated()
    let all = try #require(try engine.call("project.all", input: nil)?.arrayValue)
    #expect(all.count == 4)
    #expect(all.contains { $0["projectTags"]?[0]?["tag"]?["name"] == "blue" })
    #expect(all.contains { ($0["environments"]?[1]?["postgres"]?.arrayValue?.count ?? 0) == 1 })
    #expect(all.contains { ($0["environments"]?[0]?["applications"]?.arrayValue?.count ?? 0) == 2 })
  }
}
