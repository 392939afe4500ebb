import DokCore
import Foundation
import Testing

@testable import DokREPL

/// Issue 21 item 3: recordings travel. An id the session did not create (typed, or read from a
/// listing) is written as its path when the server names it uniquely; ids of what the session
/// created stay references; the recording replays on a server with the same names and other ids.
@Suite struct RecordingPathsTests {
  /// A fake Dokploy whose `project.all` lists project `shop`, environment `production` with the
  /// applications given (name → id), and environment id `env`.
  static func server(env: String, apps: [(String, String)], created: String) -> FakeCaller {
    FakeCaller { name, args throws(CallError) in
      func arg(_ key: String) -> String {
        for a in args where a.name == key {
          if case .value(.string(let s)) = a.value { return s }
          if case .bare(let s) = a.value { return s }
        }
        return ""
      }
      switch name {
      case "project.all":
        let list: [JSON] = apps.map { ["applicationId": .string($0.1), "name": .string($0.0)] }
        return [
          [
            "projectId": "prj", "name": "shop",
            "environments": [
              ["environmentId": .string(env), "name": "production", "isDefault": true, "applications": .array(list)]
            ],
          ]
        ]
      case "application.one": return ["applicationId": .string(arg("applicationId")), "name": "x"]
      case "application.create": return ["applicationId": .string(created), "environmentId": .string(arg("environmentId"))]
      case "application.deploy": return .bool(true)
      default: throw CallError(kind: .api, message: "no such fake procedure \(name)")
      }
    }
  }

  func read(_ path: String) -> String { (try? FileIO.readText(path)) ?? "<missing>" }

  @Test func idsNotCreatedHereBecomePathsWhereTheyAreUnique() async {
    let dir = TempDir()
    let f = dir.file("travel.dok")
    let caller = Self.server(env: "envA", apps: [("web", "appA"), ("twin", "t1"), ("twin", "t2")], created: "newA")
    let h = REPLHarness(
      [
        ":record \(f)",
        "application.one applicationId=appA",  // typed: a path
        "application.one applicationId=t1",  // two apps are named twin: stays an id
        "$n = application.create name=api environmentId=envA",  // typed environment id: a path
        "application.deploy applicationId=$n.applicationId",  // created here: stays a reference
        "application.one applicationId=newA",  // typed, but created here: a reference
        ":record stop",
      ].map { .line($0) }, caller: caller)
    await h.run()
    let text = read(f)
    #expect(text.contains("\napplication.one application=shop/production/web\n"), "\(text)")
    #expect(text.contains("\napplication.one applicationId=t1\n"), "\(text)")
    #expect(text.contains("$n = application.create name=api environment=shop/production\n"), "\(text)")
    #expect(text.contains("\napplication.deploy applicationId=$n.applicationId\n"), "\(text)")
    #expect(text.contains("\napplication.one applicationId=$n.applicationId\n"), "\(text)")
    #expect(text.contains("named by path"), "\(text)")
    #expect(!text.contains("appA") && !text.contains("envA"), "\(text)")
  }

  /// An id reached through a variable (a loop's, an assignment's) may be another id at each run:
  /// it is never frozen into one path.
  @Test func anIdFromAnExpressionStaysAnExpression() async {
    let dir = TempDir()
    let f = dir.file("loop.dok")
    let caller = Self.server(env: "envA", apps: [("web", "appA"), ("api", "appB")], created: "newA")
    let h = REPLHarness(
      [
        ":record \(f)",
        #"for $id in ["appA", "appB"] { application.one applicationId=$id }"#,
        #"$x = "appA""#,
        "application.one applicationId=$x",
        ":record stop",
      ].map { .line($0) }, caller: caller)
    await h.run()
    let text = read(f)
    #expect(text.contains("application.one applicationId=$id"), "\(text)")
    #expect(text.contains("application.one applicationId=$x\n"), "\(text)")
    #expect(!text.contains("application=shop"), "\(text)")
  }

  @Test func aRecordingReplaysOnAnotherServerWithTheSameNames() async {
    let dir = TempDir()
    let f = dir.file("replay.dok")
    let a = Self.server(env: "envA", apps: [("web", "appA")], created: "newA")
    let h = REPLHarness(
      [
        ":record \(f)", "application.one applicationId=appA", "$n = application.create name=api environmentId=envA",
        "application.deploy applicationId=$n.applicationId", ":record stop",
      ].map { .line($0) }, caller: a)
    await h.run()
    let b = Self.server(env: "envB", apps: [("web", "appB")], created: "newB")
    let replay = REPLHarness([.line(":load \(f)")], caller: b)
    await replay.run()
    #expect(replay.capture.err.isEmpty, "\(replay.capture.err)\n\(read(f))")
    let sent = replay.caller.calls.filter { $0.0 != "project.all" }.map { c in
      c.0 + " " + c.1.map { "\($0.name)=\(PathArgumentText.text($0.value))" }.joined(separator: " ")
    }
    #expect(
      sent == [
        "application.one applicationId=appB", "application.create name=api environmentId=envB",
        "application.deploy applicationId=newB",
      ], "\(sent)")
  }
}

/// The text of an argument's value in a test's call log.
enum PathArgumentText {
  static func text(_ v: CallArgument.Value) -> String {
    switch v {
    case .bare(let s), .value(.string(let s)): s
    default: "\(v)"
    }
  }
}
