import DokCore
import DokTestSupport
import Testing

@testable import DokREPL
@testable import DokSpec

@Suite struct CompleterTests {
  static let mini = try! SpecLoader.load(FileIO.read(REPLFixtures.path("mini-31.json")))

  func texts(_ line: String, _ ctx: CompletionContext) -> [String] {
    Completer.complete(line: line, context: ctx).candidates.map(\.text)
  }

  @Test func routersThenProcedures() {
    let ctx = CompletionContext(catalog: Self.mini)
    #expect(texts("ap", ctx) == ["app."])
    #expect(Completer.complete(line: "ap", context: ctx).candidates.first?.appendSpace == false)
    #expect(texts("app.", ctx) == ["app.one", "app.save"])
    #expect(texts("app.s", ctx) == ["app.save"])
    #expect(texts("$x = app.o", ctx) == ["app.one"])
    #expect(texts("for $a in app.o", ctx) == ["app.one"])
    #expect(texts("wait app.o", ctx) == ["app.one"])
    #expect(texts("w", ctx) == ["wait", "while"])
  }

  @Test func parametersRequiredFirstAndNotRepeated() {
    let ctx = CompletionContext(catalog: Self.mini)
    #expect(texts("app.save ", ctx) == ["appId=", "image=", "replicas=", "kind=", "ports="])
    #expect(texts("app.save appId=x ", ctx) == ["image=", "replicas=", "kind=", "ports="])
    #expect(texts("app.save appId=x r", ctx) == ["replicas="])
    #expect(texts("app.save ports:=[] ", ctx) == ["appId=", "image=", "replicas=", "kind="])
    let hint = Completer.complete(line: "app.save ", context: ctx).candidates.first?.hint
    #expect(hint == "required string")
    // One Tab after a procedure inserts its first missing required parameter.
    #expect(Completer.complete(line: "app.save ", context: ctx).preferred?.text == "appId=")
    #expect(Completer.complete(line: "app.save appId=x image=y ", context: ctx).preferred == nil)
  }

  @Test func valuesEnumsBooleansNullAndIDs() {
    var ids = LiveIDIndex()
    ids.record(["appId": "old"])
    ids.record(["items": [["appId": "new"]]])
    let ctx = CompletionContext(catalog: Self.mini, liveIDs: ids.all)
    #expect(texts("app.save kind=", ctx) == ["kind=docker", "kind=git"])
    #expect(texts("app.save image=", ctx) == ["image=null"])
    #expect(texts("app.one appId=", ctx) == ["appId=new", "appId=old"])
    #expect(texts("app.one appId=o", ctx) == ["appId=old"])
  }

  @Test func variablesAndPathsIntoLiveValues() {
    let result: JSON = [
      "project": ["projectId": "p1", "name": "web"], "environments": [["environmentId": "e1", "odd key": 1, #"say "hi""#: 2]],
    ]
    let ctx = CompletionContext(catalog: Self.mini, variables: [("_", result), ("1", result), ("app", "x")])
    #expect(texts("$a", ctx) == ["$app"])
    #expect(Set(texts("$", ctx)) == ["$app", "$1", "$_"])
    #expect(texts("$1.", ctx) == ["$1.project", "$1.environments"])
    #expect(texts("$1.project.", ctx) == ["$1.project.projectId", "$1.project.name"])
    #expect(
      texts("$1.environments[0].", ctx)
        == ["$1.environments[0].environmentId", "$1.environments[0][\"odd key\"]", #"$1.environments[0]["say \"hi\""]"#])
    #expect(texts("print $_.pro", ctx) == ["$_.project"])
    #expect(texts("app.one appId=$1.project.p", ctx) == ["appId=$1.project.projectId"])
    #expect(texts("$nope.", ctx).isEmpty)
  }

  /// Issue 14: `until` / `every` / `timeout` after a `wait` call.
  @Test func waitClauses() {
    let ctx = CompletionContext(catalog: Self.mini)
    #expect(texts("wait app.one appId=x ", ctx) == ["until"])
    #expect(texts("wait app.one appId=x u", ctx) == ["until"])
    #expect(texts(#"wait app.one appId=x until .s == "d" "#, ctx) == ["every", "timeout"])
    #expect(texts(#"wait app.one appId=x until .s == "d" every 1s "#, ctx) == ["timeout"])
    #expect(texts("wait app.one appId=x until ", ctx).isEmpty)
    #expect(texts("app.one ", ctx) == ["appId="])
  }

  @Test func metaCommands() {
    let ctx = CompletionContext(catalog: Self.mini)
    #expect(texts(":h", ctx) == [":help", ":history"])
    #expect(texts(":set ", ctx) == ["output", "transport", "pager", "columns", "confirm"])
    #expect(texts(":set pager ", ctx) == ["on", "off"])
    #expect(texts(":set output t", ctx) == ["table"])
    #expect(texts(":describe app.o", ctx) == ["app.one"])
  }

  @Test func wordStartIsACharacterOffset() {
    let r = Completer.complete(line: "print \"é\"; app.o", context: CompletionContext(catalog: Self.mini))
    #expect(r.wordStart == 11)
    #expect(r.word == "app.o")
  }

  @Test
  func realDocumentCompletions() {
    let ctx = CompletionContext(catalog: REPLFixtures.realCatalog)
    #expect(texts("applic", ctx) == ["application."])
    #expect(texts("application.dep", ctx).contains("application.deploy"))
    #expect(texts("application.deploy ", ctx).first == "applicationId=")
    #expect(
      texts("application.saveBuildType buildType=", ctx) == [
        "buildType=dockerfile", "buildType=heroku_buildpacks", "buildType=paketo_buildpacks", "buildType=nixpacks",
        "buildType=static", "buildType=railpack",
      ])
  }
}
