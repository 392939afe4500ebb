import DokCore
import Testing

@testable import DokPresentation

/// The `dok ls` table (issue 21, item 2): a tree of names, "—" for what is unknown, "never" for a
/// service never deployed, ages from the deployment's time, colour only when asked for.
@Suite struct TreeTableTests {
  static let listing: JSON = [
    [
      "name": "shop", "projectId": "p1",
      "environments": [
        [
          "name": "production", "environmentId": "e1", "isDefault": true,
          "services": [
            [
              "name": "web", "kind": "application", "id": "a1", "status": "done",
              "lastDeployment": ["status": "error", "createdAt": "2026-12-08T01:00:00.000Z"],
              "domains": ["shop.example.com", "www.shop.example.com"],
            ],
            ["name": "api", "kind": "application", "id": "a2", "status": "idle", "lastDeployment": [:], "domains": []],
            ["name": .null, "kind": "postgres", "id": "d1", "status": .null, "lastDeployment": .null, "domains": []],
          ],
        ]
      ],
    ]
  ]
  static let now = ISOTime.seconds("2026-12-08T03:30:00Z")!

  @Test func drawsTheTreeWithUnknownsAndAges() {
    let lines = TreeTable.render(Self.listing, now: Self.now, color: false).split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("NAME") && lines[1].hasPrefix("shop ") && lines[2].hasPrefix("  production (default) "))
    #expect(
      lines[3].hasPrefix("    web ") && lines[3].contains("error 2h ago")
        && lines[3].hasSuffix("shop.example.com, www.shop.example.com"))
    #expect(lines[4].contains("never"), "\(lines[4])")
    #expect(lines[5].hasPrefix("    (id d1)") && lines[5].contains("—"), "\(lines[5])")
    #expect(!lines.joined().contains("\u{1B}"))
  }

  @Test func coloursOnlyStatusesAndOnlyWhenAsked() {
    let text = TreeTable.render(Self.listing, now: Self.now, color: true)
    #expect(text.contains("\u{1B}[32mdone\u{1B}[0m") && text.contains("\u{1B}[31merror 2h ago\u{1B}[0m"), "\(text)")
    // Columns line up as without colour: the escapes take no width.
    let plain = TreeTable.render(Self.listing, now: Self.now, color: false)
    let stripped = text.replacing("\u{1B}[32m", with: "").replacing("\u{1B}[31m", with: "").replacing("\u{1B}[0m", with: "")
    #expect(stripped == plain)
  }

  @Test func agesAndTimestamps() {
    #expect(TreeTable.ago(42) == "42s ago" && TreeTable.ago(300) == "5m ago" && TreeTable.ago(90000) == "1d ago")
    #expect(ISOTime.seconds("1970-01-01T00:00:00Z") == 0)
    #expect(ISOTime.seconds("2000-03-01T00:00:01.5Z") == 951_868_801.5)
    #expect(ISOTime.seconds("yesterday") == nil)
  }
}
