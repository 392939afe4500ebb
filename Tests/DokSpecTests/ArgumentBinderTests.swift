import DokCore
import Testing

@testable import DokSpec

@Suite struct ArgumentBinderTests {
  static let catalog = try! SpecLoader.load(TestPaths.fixtureBytes("mini-31.json"))
  var save: Procedure { Self.catalog.procedure(named: "app.save")! }
  let binder = ArgumentBinder(readFile: { path in
    guard path == "img.txt" else { throw FileIO.Failure(path: path, reason: "No such file") }
    return "nginx:alpine"
  })

  func arg(_ name: String, _ v: CallArgument.Value) -> CallArgument { CallArgument(name: name, value: v) }

  @Test func bareWordsAreTypedBySchema() throws {
    let o = try binder.bind(
      [arg("appId", .bare("123")), arg("image", .bare("null")), arg("replicas", .bare("3")), arg("kind", .bare("git"))], to: save)
    #expect(o["appId"] == "123")
    #expect(o["image"] == JSON.null)
    #expect(o["replicas"] == 3)
    #expect(o["kind"] == "git")
  }

  @Test func jsonFileAndValues() throws {
    let o = try binder.bind(
      [arg("appId", .value("a")), arg("image", .file("img.txt")), arg("ports", .json(#"[{"port":80}]"#))], to: save)
    #expect(o["image"] == "nginx:alpine")
    #expect(o["ports"] == [["port": 80]])
  }

  @Test(
    arguments: [
      (
        [("appId", CallArgument.Value.bare("a")), ("image", .bare("x")), ("replicaz", .bare("1"))],
        "unknown parameter 'replicaz'", "did you mean 'replicas'?"
      ),
      ([("appId", .bare("a"))], "missing required parameter 'image' (string|null)", "it may be null: image=null"),
      (
        [("appId", .bare("a")), ("image", .bare("x")), ("replicas", .bare("three"))], "'replicas' expects integer; got 'three'",
        nil
      ),
      ([("appId", .bare("a")), ("image", .bare("x")), ("replicas", .bare("2.5"))], "'replicas' expects an integer", nil),
      (
        [("appId", .bare("a")), ("image", .bare("x")), ("kind", .bare("svn"))], "'kind' must be one of docker, git; got 'svn'",
        nil
      ),
      ([("appId", .bare("null")), ("image", .bare("x"))], "'appId' cannot be null", "quote it for the text"),
      (
        [("appId", .bare("a")), ("image", .bare("x")), ("replicas", .value("3"))], "'replicas' expects integer; got string \"3\"",
        "write it bare"
      ),
      ([("appId", .bare("a")), ("image", .bare("x")), ("ports", .bare("80"))], "'ports' expects array<object>", "ports:=[…]"),
      ([("appId", .bare("a")), ("image", .bare("x")), ("ports", .json("[1,"))], "'ports:=' needs JSON", nil),
      ([("appId", .bare("a")), ("image", .file("missing.txt"))], "cannot read '@missing.txt'", nil),
    ] as [([(String, CallArgument.Value)], String, String?)])
  func badArgumentsNameTheParameter(args: [(String, CallArgument.Value)], message: String, hint: String?) {
    do throws(CallError) {
      _ = try binder.bind(args.map { arg($0.0, $0.1) }, to: save)
      Issue.record("bound")
    } catch {
      #expect(error.kind == .argument)
      #expect(error.exitCode == 2)
      #expect(error.message.contains(message), "\(error.message)")
      if let hint { #expect(error.hints.joined(separator: "\n").contains(hint), "\(error.hints)") }
    }
  }

  @Test func noValidateSendsAnyway() throws {
    let loose = ArgumentBinder(validate: false)
    let o = try loose.bind([arg("extra", .bare("7")), arg("flag", .bare("true")), arg("name", .bare("web"))], to: save)
    #expect(o["extra"] == 7 && o["flag"] == true && o["name"] == "web")
  }

  @Test func checkReportsEveryProblemAndSkipsDeferredValues() {
    let errors = binder.check([arg("appId", .deferred), arg("bogus", .bare("1")), arg("replicas", .bare("x"))], against: save)
    #expect(errors.count == 3)  // bogus, replicas, missing image
  }

  @Test func emptyBareWordIsTheEmptyString() throws {
    let o = try binder.bind([arg("appId", .bare("")), arg("image", .bare(""))], to: save)
    #expect(o["appId"] == "")
  }
}
