import DokCore
import DokRuntime
import DokSpec
import Testing

@testable import DokREPL

/// `:ls [PATH]` at the prompt (issue 21, item 2): the tree from one `project.all`, last
/// deployments from one `deployment.allCentralized`, databases' names from `environment.one`,
/// domains per service within a bound; unknown values are "—", an unknown name "did you mean".
@Suite struct LsMetaCommandTests {
  /// A fake server with project shop (production: web, db; staging: web, stack) and project blog.
  static func server(extraApps: Int = 0, failing: String? = nil) -> FakeCaller {
    FakeCaller(catalog: REPLFixtures.realCatalog) { name, args throws(CallError) in
      if name == failing { throw CallError(kind: .transport, message: "the reply is larger than --max-reply-size") }
      let arg = args.first.flatMap { a -> String? in
        if case .value(.string(let s)) = a.value { return s }
        return nil
      }
      let extra: [JSON] = (0..<extraApps).map {
        ["applicationId": .string("x\($0)"), "name": .string("x\($0)"), "applicationStatus": "idle"]
      }
      switch name {
      case "project.all":
        return [
          [
            "projectId": "p1", "name": "shop",
            "environments": [
              [
                "environmentId": "e1", "name": "production", "isDefault": true,
                "applications": .array([["applicationId": "a1", "name": "web", "applicationStatus": "done"]] + extra),
                "postgres": [["postgresId": "d1"]],
              ],
              [
                "environmentId": "e2", "name": "staging", "isDefault": false,
                "applications": [["applicationId": "a2", "name": "web", "applicationStatus": "error"]],
                "compose": [["composeId": "c1", "name": "stack", "composeStatus": "idle"]],
              ],
            ],
          ],
          ["projectId": "p2", "name": "blog", "environments": []],
        ]
      case "environment.one" where arg == "e1":
        return [
          "environmentId": "e1", "name": "production", "isDefault": true,
          "applications": .array([["applicationId": "a1", "name": "web", "applicationStatus": "done"]] + extra),
          "postgres": [["postgresId": "d1", "name": "db", "applicationStatus": "running"]],
        ]
      case "deployment.allCentralized":
        return [
          ["deploymentId": "dep3", "applicationId": "a2", "status": "error", "createdAt": "2026-12-08T01:00:00.000Z"],
          ["deploymentId": "dep2", "applicationId": "a1", "status": "done", "createdAt": "2026-12-08T00:00:00.000Z"],
          ["deploymentId": "dep1", "applicationId": "a1", "status": "error", "createdAt": "2026-12-07T00:00:00.000Z"],
        ]
      case "domain.byApplicationId" where arg == "a1":
        return [["domainId": "m1", "host": "shop.example.com"]]
      case "domain.byApplicationId", "domain.byComposeId":
        return []
      default:
        throw CallError(kind: .api, message: "no such fake procedure \(name)", code: "NOT_FOUND")
      }
    }
  }

  static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  @Test func listsTheTreeWithStatusesDeploymentsAndDomains() async throws {
    let h = REPLHarness([.line(":ls")], catalog: REPLFixtures.realCatalog, caller: Self.server())
    #expect(await h.run() == ExitStatus.success.code)
    let out = Self.lines(h.capture.out)
    #expect(out.first?.hasPrefix("NAME") == true, "\(h.capture.out)")
    let web = try #require(out.first { $0.hasPrefix("    web") })
    #expect(web.contains("application") && web.contains("done") && web.contains("shop.example.com"), "\(web)")
    let db = try #require(out.first { $0.hasPrefix("    db") }, "the database's name comes from environment.one")
    #expect(db.contains("postgres") && db.contains("running"), "\(db)")
    let stack = try #require(out.first { $0.hasPrefix("    stack") })
    #expect(stack.contains("never"), "\(stack)")
    #expect(out.contains { $0.hasPrefix("blog") }, "\(h.capture.out)")
    // One listing, one deployment listing, one environment.one, one domain call per app/compose.
    let names = h.caller.calls.map(\.0)
    #expect(names.filter { $0 == "project.all" }.count == 1 && names.filter { $0 == "deployment.allCentralized" }.count == 1)
    #expect(names.filter { $0 == "environment.one" }.count == 1, "\(names)")
  }

  @Test func aPathNarrowsTheListing() async throws {
    let h = REPLHarness(
      [.line(":ls shop/staging"), .line(":ls shop/web -o json"), .line(":ls blog")], catalog: REPLFixtures.realCatalog,
      caller: Self.server())
    #expect(await h.run() == ExitStatus.success.code)
    let parts = h.capture.out.components(separatedBy: "NAME ")
    #expect(parts.count == 3, "two tables and one JSON line: \(h.capture.out)")
    let staging = parts[1].components(separatedBy: "\n[")[0]
    #expect(staging.contains("staging") && staging.contains("stack") && !staging.contains("production"), "\(staging)")
    let json = try JSONParser.parse(try #require(Self.lines(h.capture.out).first { $0.hasPrefix("[") }))
    let services = json[0]?["environments"]?[0]?["services"]?.arrayValue ?? []
    #expect(services.count == 1 && services[0]["path"] == "shop/production/web", "\(json)")
    #expect(services[0]["lastDeployment"]?["deploymentId"] == "dep2", "the newest deployment: \(json)")
    #expect(parts[2].contains("blog") && !parts[2].contains("shop"), "\(parts[2])")
  }

  @Test func anUnknownNameSaysDidYouMean() async throws {
    let h = REPLHarness(
      [.line(":ls shop/production/wbe"), .line(":ls shp"), .line(":ls a/b/c/d")], catalog: REPLFixtures.realCatalog,
      caller: Self.server())
    #expect(await h.run() == ExitStatus.success.code)
    #expect(h.capture.err.contains("no service named 'wbe'") && h.capture.err.contains("or 'web'?"), "\(h.capture.err)")
    #expect(h.capture.err.contains("no project named 'shp'") && h.capture.err.contains("'shop'"), "\(h.capture.err)")
    #expect(h.capture.err.contains("is not a path"), "\(h.capture.err)")
    #expect(!h.capture.out.contains("NAME"), "\(h.capture.out)")
  }

  @Test func pastTheBoundDomainsAreUnknownNotGuessed() async throws {
    let h = REPLHarness(
      [.line(":ls")], catalog: REPLFixtures.realCatalog, caller: Self.server(extraApps: TreeListing.detailBound))
    #expect(await h.run() == ExitStatus.success.code)
    #expect(!h.caller.calls.contains { $0.0.hasPrefix("domain.") }, "no domain call past the bound: \(h.capture.out)")
    #expect(h.capture.err.contains("domains are read for up to"), "\(h.capture.err)")
    let web = try #require(Self.lines(h.capture.out).first { $0.hasPrefix("    web") })
    #expect(web.hasSuffix("—"), "\(web)")
  }

  /// A detail call that fails (here a reply too large) leaves its values unknown; the tree still lists.
  @Test func aFailedDetailCallLeavesItsValuesUnknown() async throws {
    let h = REPLHarness(
      [.line(":ls shop")], catalog: REPLFixtures.realCatalog, caller: Self.server(failing: "deployment.allCentralized"))
    #expect(await h.run() == ExitStatus.success.code)
    #expect(h.capture.err.contains("deployment.allCentralized failed"), "\(h.capture.err)")
    let web = try #require(Self.lines(h.capture.out).first { $0.hasPrefix("    web") })
    #expect(web.contains("done     —") && web.contains("shop.example.com"), "\(web)")
  }

  @Test func helpPathsIsATopic() async throws {
    let h = REPLHarness([.line(":help paths")])
    #expect(await h.run() == ExitStatus.success.code)
    #expect(h.capture.out.contains("environment=shop/staging") && h.capture.out.contains(":ls"), "\(h.capture.out)")
  }
}
