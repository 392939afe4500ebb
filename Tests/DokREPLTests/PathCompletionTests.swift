import DokCore
import DokSpec
import Testing

@testable import DokREPL

/// Tab completes a `<kind>=PATH` twin one name at a time (issue 21, item 1): projects, then
/// environments (and the default environment's services), then services; names with spaces
/// come quoted, a `/` in a name as `\/`; `project.all` is read once until an entry runs.
@Suite struct PathCompletionTests {
  /// shop (production: web, db; staging: web, stack), "my shop" (production: api; "a/b": x).
  static func server() -> FakeCaller {
    FakeCaller(catalog: REPLFixtures.realCatalog) { name, _ throws(CallError) in
      switch name {
      case "project.all":
        return [
          [
            "projectId": "p1", "name": "shop",
            "environments": [
              [
                "environmentId": "e1", "name": "production", "isDefault": true,
                "applications": [["applicationId": "a1", "name": "web", "applicationStatus": "done"]],
                "postgres": [["postgresId": "d1"]],
              ],
              [
                "environmentId": "e2", "name": "staging", "isDefault": false,
                "applications": [["applicationId": "a2", "name": "web", "applicationStatus": "idle"]],
                "compose": [["composeId": "c1", "name": "stack", "composeStatus": "idle"]],
              ],
            ],
          ],
          [
            "projectId": "p2", "name": "my shop",
            "environments": [
              [
                "environmentId": "e3", "name": "production", "isDefault": true,
                "applications": [["applicationId": "a3", "name": "api", "applicationStatus": "idle"]],
              ],
              [
                "environmentId": "e4", "name": "a/b", "isDefault": false,
                "applications": [["applicationId": "a4", "name": "x", "applicationStatus": "idle"]],
              ],
            ],
          ],
        ]
      case "environment.one":
        return [
          "environmentId": "e1", "name": "production", "isDefault": true,
          "applications": [["applicationId": "a1", "name": "web", "applicationStatus": "done"]],
          "postgres": [["postgresId": "d1", "name": "db", "applicationStatus": "idle"]],
        ]
      case "settings.health":
        return ["status": "ok"]
      default:
        throw CallError(kind: .api, message: "no such fake procedure \(name)", code: "NOT_FOUND")
      }
    }
  }

  static func texts(_ h: REPLHarness, _ line: String) -> [String] {
    h.repl.complete(line: line, cursor: line.count).candidates.map(\.text).sorted()
  }

  @Test func completesOneNameAtATime() {
    let h = REPLHarness([], catalog: REPLFixtures.realCatalog, caller: Self.server())
    let first = h.repl.complete(line: "application.deploy application=sh", cursor: 33)
    #expect(first.candidates.map(\.text) == ["application=shop/"])
    #expect(first.candidates.first?.appendSpace == false)
    #expect(
      Self.texts(h, "application.deploy application=shop/")
        == ["application=shop/production/", "application=shop/staging/", "application=shop/web"])
    #expect(Self.texts(h, "application.deploy application=shop/staging/") == ["application=shop/staging/web"])
    #expect(Self.texts(h, "compose.deploy compose=shop/staging/s") == ["compose=shop/staging/stack"])
    #expect(Self.texts(h, "environment.one environment=shop/s") == ["environment=shop/staging"])
    #expect(Self.texts(h, "project.one project=s") == ["project=shop"])
    #expect(Self.texts(h, "application.deploy applicationId=sh").isEmpty, "an id parameter is no path")
    // One listing for all those Tabs.
    #expect(h.caller.calls.filter { $0.0 == "project.all" }.count == 1)
  }

  @Test func quotesNamesWithSpacesAndEscapesSlashes() {
    let h = REPLHarness([], catalog: REPLFixtures.realCatalog, caller: Self.server())
    #expect(Self.texts(h, "application.deploy application=my") == [#"application="my shop/"#])
    #expect(
      Self.texts(h, #"application.deploy application="my shop/"#)
        == [#"application="my shop/a\\/b/"#, #"application="my shop/api""#, #"application="my shop/production/"#])
    #expect(Self.texts(h, #"application.deploy application="my shop/a\\/b/"#) == [#"application="my shop/a\\/b/x""#])
    let r = h.repl.complete(line: #"application.one application="my shop/a"#, cursor: 40)
    #expect(r.wordStart == 16 && r.word == #"application="my shop/a"#, "\(r)")
  }

  /// `project.all` leaves databases' names out: the environment's are read when the path reaches it.
  @Test func databasesNamesComeFromTheirEnvironment() {
    let h = REPLHarness([], catalog: REPLFixtures.realCatalog, caller: Self.server())
    #expect(Self.texts(h, "postgres.one postgres=shop/d") == ["postgres=shop/db"])
    #expect(Self.texts(h, "postgres.one postgres=shop/production/") == ["postgres=shop/production/db"])
    #expect(Self.texts(h, "postgres.one postgres=shop/staging/").isEmpty)
    #expect(h.caller.calls.filter { $0.0 == "environment.one" }.count == 1, "read once")
  }

  /// `:ls PATH` completes any node, unquoted (the path is the rest of the line), and takes a name with spaces.
  @Test func lsCompletesAndTakesAPathWithSpaces() async {
    let h = REPLHarness(
      [.line(":ls my shop"), .line(#":ls "my shop/a\\/b""#)], catalog: REPLFixtures.realCatalog, caller: Self.server())
    #expect(Self.texts(h, ":ls s") == ["shop/"])
    #expect(Self.texts(h, ":ls shop/staging/") == ["shop/staging/stack", "shop/staging/web"])
    #expect(Self.texts(h, ":ls my shop/") == [#"shop/a\/b/"#, "shop/api", "shop/production/"])
    #expect(await h.run() == ExitStatus.success.code)
    #expect(h.capture.out.contains("my shop") && h.capture.out.contains("    api"), "\(h.capture.out)")
    #expect(h.capture.out.contains("  a/b") && h.capture.out.contains("    x "), "\(h.capture.out)")
  }

  @Test func theListingIsReadAgainAfterAnEntryRuns() async {
    let h = REPLHarness([.line("settings.health")], catalog: REPLFixtures.realCatalog, caller: Self.server())
    _ = Self.texts(h, "project.one project=")
    _ = Self.texts(h, "project.one project=m")
    #expect(h.caller.calls.filter { $0.0 == "project.all" }.count == 1)
    #expect(await h.run() == ExitStatus.success.code)
    _ = Self.texts(h, "project.one project=")
    #expect(h.caller.calls.filter { $0.0 == "project.all" }.count == 2)
  }
}
