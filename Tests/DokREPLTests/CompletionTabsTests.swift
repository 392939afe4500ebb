import DokCore
import DokSpec
import Testing

@testable import DokREPL

/// What one Tab and two Tabs do at the prompt (the README's promise): one Tab inserts the
/// first missing required parameter; two list the parameters with their types.
@Suite struct CompletionTabsTests {
  static let catalog: Catalog = try! SpecLoader.load(
    FileIO.read(REPLFixtures.path("conditions.json")), source: "conditions.json")

  func result(_ line: String, _ ctx: CompletionContext) -> CompletionResult {
    Completer.complete(line: line, context: ctx)
  }

  static func plain(_ s: String) -> String { s.replacing("\u{1B}[2m", with: "").replacing("\u{1B}[0m", with: "") }

  @Test func oneTabInsertsTheRequiredParameterTwoListTheParametersWithTypes() {
    let ctx = CompletionContext(catalog: Self.catalog)
    var tabs = CompletionTabs()
    let line = "application.update "
    #expect(tabs.tab(line: line, result: result(line, ctx)) == .insert(replacing: "", with: "applicationId="))
    // The editor inserted it; the second Tab on the line it left lists the parameters.
    let after = line + "applicationId="
    guard case .list(let listing) = tabs.tab(line: after, result: result(after, ctx)) else {
      Issue.record("the second Tab lists the parameters")
      return
    }
    #expect(
      Self.plain(listing).split(separator: "\n") == [
        "applicationId=      required string", "applicationStatus=  enum", "sourceType=         enum",
      ])
    // A third Tab goes on from the new line: no values known for applicationId, so the bell.
    #expect(tabs.tab(line: after, result: result(after, ctx)) == .beep)
  }

  @Test func aThirdTabCompletesTheInsertedParametersValue() {
    var ids = LiveIDIndex()
    ids.record(["applicationId": "k3Qx9a", "name": "shop-web"], procedure: "application.one")
    let ctx = CompletionContext(catalog: Self.catalog, seen: ids)
    var tabs = CompletionTabs()
    let line = "application.deploy "
    #expect(tabs.tab(line: line, result: result(line, ctx)) == .insert(replacing: "", with: "applicationId="))
    let after = line + "applicationId="
    guard case .list = tabs.tab(line: after, result: result(after, ctx)) else {
      Issue.record("the second Tab lists the parameters")
      return
    }
    #expect(
      tabs.tab(line: after, result: result(after, ctx)) == .insert(replacing: "applicationId=", with: "applicationId=k3Qx9a "))
  }

  @Test func withoutAPreferredCandidateTheFirstTabRingsAndTheSecondLists() {
    let ctx = CompletionContext(catalog: Self.catalog)
    var tabs = CompletionTabs()
    let line = "application.update applicationId=x sourceType="
    #expect(tabs.tab(line: line, result: result(line, ctx)) == .beep)
    // The listing shows the values alone, not `sourceType=` before each.
    #expect(tabs.tab(line: line, result: result(line, ctx)) == .list("github  docker  git"))
    // Typing in between starts over: the first Tab on a new line completes.
    let typed = line + "gi"
    #expect(tabs.tab(line: typed, result: result(typed, ctx)) == .insert(replacing: "sourceType=gi", with: "sourceType=git"))
    // A new prompt forgets the last Tab.
    tabs.reset()
    #expect(tabs.tab(line: line, result: result(line, ctx)) == .beep)
  }
}

/// `:help completion` documents what Tab does.
@Suite struct CompletionHelpTests {
  @Test func helpCompletionIsATopic() async {
    let h = REPLHarness(lines: [":help", ":help completion"])
    #expect(await h.run() == 0)
    #expect(h.capture.out.contains("Topics: language, calls, deploys, waits, completion,"))
    #expect(h.capture.out.contains("application.deploy applicationId=$a.<Tab>    $a.applicationId first"))
    #expect(h.capture.out.contains("… until .applicationStatus == <Tab><Tab>"))
  }
}
