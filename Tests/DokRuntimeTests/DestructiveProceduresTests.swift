import DokCore
import DokRuntime
import DokSandbox
import DokSpec
import Testing

/// The reviewed table of procedures that ask first (issue 23, part 4) against the bundled
/// Dokploy document: every procedure whose name matches a destructive verb is reviewed, so a
/// new one (a new document) fails here until it is put on one side or the other.
@Suite struct DestructiveProceduresTests {
  static let catalog = try! SpecLoader.load(Array(OpenAPIDocument.text(serverURL: "http://127.0.0.1/api").utf8))

  @Test func everyProcedureWhoseNameMatchesAVerbIsReviewed() {
    let unreviewed = Self.catalog.procedures.map(\.name).filter {
      DestructiveProcedures.matchesVerb($0) && !DestructiveProcedures.isReviewed($0)
    }
    #expect(
      unreviewed.isEmpty,
      "not reviewed: \(unreviewed) — add each to DestructiveProcedures.destructive or .notDestructive")
  }

  @Test func everyReviewedNameIsInTheDocumentAndOnOneSideOnly() {
    let names = Set(Self.catalog.procedures.map(\.name))
    let stale = DestructiveProcedures.destructive.union(DestructiveProcedures.notDestructive).subtracting(names)
    #expect(stale.isEmpty, "reviewed but not in the document: \(stale.sorted())")
    #expect(DestructiveProcedures.destructive.isDisjoint(with: DestructiveProcedures.notDestructive))
  }

  @Test func theIssuesVerbsAreDestructive() {
    for name in [
      "project.remove", "application.delete", "docker.killContainer", "settings.cleanUnusedImages", "application.stop",
      "postgres.stop", "environment.remove", "compose.delete",
    ] {
      #expect(DestructiveProcedures.isDestructive(name, isQuery: false), "\(name)")
    }
    for name in ["project.create", "application.deploy", "settings.updateDockerCleanup", "application.one", "project.all"] {
      #expect(!DestructiveProcedures.isDestructive(name, isQuery: name.hasSuffix(".one") || name.hasSuffix(".all")), "\(name)")
    }
  }

  @Test func anUnreviewedProcedureAsksWhenItsNameMatchesAndItIsNotAQuery() {
    #expect(DestructiveProcedures.isDestructive("widget.purgeEverything", isQuery: false))
    #expect(!DestructiveProcedures.isDestructive("widget.stoppedCount", isQuery: true))
    #expect(!DestructiveProcedures.isDestructive("widget.restore", isQuery: false))
  }

  @Test func namesAreSplitIntoCamelCaseWords() {
    #expect(DestructiveProcedures.words(of: "cleanSSHPrivateKey") == ["clean", "ssh", "private", "key"])
    #expect(DestructiveProcedures.words(of: "removeContainer") == ["remove", "container"])
    #expect(DestructiveProcedures.matchesVerb("settings.getLogCleanupStatus"))
    #expect(!DestructiveProcedures.matchesVerb("application.restart"))
  }
}

/// The question names what a destructive call affects, read with the router's `one`.
@Suite struct DestructiveQuestionTests {
  struct Reader: ProcedureCaller {
    let reply: @Sendable (String) throws(CallError) -> JSON
    func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON { try reply(procedure) }
  }

  @Test func namesTheTargetAndWhatItHolds() async {
    let catalog = DestructiveProceduresTests.catalog
    let app = Reader { _ throws(CallError) in ["name": "web", "appName": "web-x1"] }
    #expect(
      await DestructiveQuestion.text(
        procedure: "application.delete", arguments: [CallArgument(name: "applicationId", value: .bare("a1"))],
        catalog: catalog, reader: app) == "delete application 'web'?")
    let env = Reader { _ throws(CallError) in
      ["name": "staging", "applications": [["applicationId": "a"]], "postgres": [["postgresId": "p"]], "redis": []]
    }
    #expect(
      await DestructiveQuestion.text(
        procedure: "environment.remove", arguments: [CallArgument(name: "environmentId", value: .bare("e1"))],
        catalog: catalog, reader: env) == "remove environment 'staging' (2 services)?")
    let none = Reader { _ throws(CallError) in .null }
    #expect(
      await DestructiveQuestion.text(procedure: "settings.cleanAll", arguments: [], catalog: catalog, reader: none)
        == "settings.cleanAll?")
  }
}
