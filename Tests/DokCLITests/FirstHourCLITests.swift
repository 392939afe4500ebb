import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// The command line's first-hour edges (issue 20, item 8): unknown commands and help topics,
/// every missing parameter at once, `--columns`.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FirstHourCLITests {
  static let key = "first-hour-KEY-5d0c"

  static let document = #"""
    {"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{
      "/project.all":{"get":{}},
      "/application.search":{"get":{"parameters":[{"name":"q","in":"query","required":false,"schema":{"type":"string"}}]}},
      "/application.create":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["name","environmentId"],"properties":{"name":{"type":"string"},
        "environmentId":{"type":"string"},"description":{"type":"string"}}}}}}}},
      "/settings.getDokployVersion":{"get":{}},
      "/settings.getOpenApiDocument":{"get":{}}
    }}
    """#

  /// A fake Dokploy with nested project rows and a paged search reply; counts the creates.
  static func server(creates: Box<Int> = Box(0)) async throws -> TestServer {
    try await TestServer.start { r in
      guard r.header("x-api-key") == key else { return .json(401, #"{"message":"Unauthorized"}"#) }
      switch r.path {
      case "/api/settings.getDokployVersion": return .json(200, #""v0.30.2""#)
      case "/api/settings.getOpenApiDocument": return .json(200, document)
      case "/api/project.all":
        return .json(
          200,
          #"[{"projectId":"p1","name":"shop","environments":[{"name":"production"},{"name":"staging"}]},"#
            + #"{"projectId":"p2","name":"blog","environments":[{"name":"production"}]}]"#)
      case "/api/application.search":
        return .json(200, #"{"items":[{"applicationId":"a1","name":"web"},{"applicationId":"a2","name":"api"}],"total":2}"#)
      case "/api/application.create":
        creates.value += 1
        return .json(200, r.bodyText)
      default: return .json(404, #"{"message":"Not found","code":"NOT_FOUND"}"#)
      }
    }
  }

  static func env(_ s: TestServer) -> [String: String] {
    DokProcess.isolatedEnvironment(["DOKPLOY_URL": s.url, "DOKPLOY_API_KEY": key])
  }

  @Test func helpForAnUnknownTopicIsAUsageErrorNamingTheTopics() throws {
    let r = try DokProcess.run(["help", "nosuch"])
    #expect(r.status == ExitStatus.usage.code, "\(r.stdout)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("no help topic or command 'nosuch'"), "\(r.stderr)")
    #expect(r.stderr.contains("language") && r.stderr.contains("call"), "\(r.stderr)")
    let close = try DokProcess.run(["help", "deploy"])
    #expect(close.status == ExitStatus.usage.code)
    #expect(close.stderr.contains("did you mean `dok help deploys`?"), "\(close.stderr)")
    // Topics and commands still have their pages.
    #expect(try DokProcess.run(["help", "waits"]).status == ExitStatus.success.code)
    let call = try DokProcess.run(["help", "call"])
    #expect(call.status == ExitStatus.success.code && call.stdout.contains("USAGE: dok call"), "\(call.stdout)")
  }

  @Test func anUnknownCommandSuggestsTheClosestInsteadOfTheREPLsUsage() throws {
    let cal = try DokProcess.run(["cal", "project.all"])
    #expect(cal.status == ExitStatus.usage.code)
    #expect(cal.stderr.contains("unknown command 'cal'"), "\(cal.stderr)")
    #expect(cal.stderr.contains("did you mean `dok call`?"), "\(cal.stderr)")
    #expect(!cal.stderr.contains("dok repl"), "\(cal.stderr)")
    let proc = try DokProcess.run(["project.all"])
    #expect(proc.status == ExitStatus.usage.code)
    #expect(proc.stderr.contains("did you mean `dok call project.all`?"), "\(proc.stderr)")
    #expect(!proc.stderr.contains("dok repl"), "\(proc.stderr)")
    let args = try DokProcess.run(["application.one", "applicationId=a1"])
    #expect(args.stderr.contains("did you mean `dok call application.one applicationId=a1`?"), "\(args.stderr)")
    // A runbook without the .dok extension.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-\(UUID().uuidString).txt").path
    try "print 1\n".write(toFile: file, atomically: true, encoding: .utf8)
    let runbook = try DokProcess.run([file])
    #expect(runbook.status == ExitStatus.usage.code)
    #expect(runbook.stderr.contains("did you mean `dok run \(file)`?"), "\(runbook.stderr)")
  }

  @Test func callListsEveryMissingRequiredParameterAtOnceAndSendsNothing() async throws {
    let creates = Box(0)
    let s = try await Self.server(creates: creates)
    defer { Task { await s.stop() } }
    let r = try DokProcess.run(["call", "application.create", "description=x"], environment: Self.env(s))
    #expect(r.status == ExitStatus.usage.code, "\(r.stderr)")
    #expect(r.stderr.contains("missing required parameter 'name'"), "\(r.stderr)")
    #expect(r.stderr.contains("missing required parameter 'environmentId'"), "\(r.stderr)")
    // An unknown one is listed beside them.
    let typo = try DokProcess.run(["call", "application.create", "nme=web"], environment: Self.env(s))
    #expect(typo.status == ExitStatus.usage.code)
    #expect(
      typo.stderr.contains("unknown parameter 'nme'") && typo.stderr.contains("missing required parameter 'environmentId'"),
      "\(typo.stderr)")
    // --curl and --wait check the same way.
    let curl = try DokProcess.run(["call", "application.create", "--curl"], environment: Self.env(s))
    #expect(curl.status == ExitStatus.usage.code && curl.stderr.contains("'environmentId'"), "\(curl.stderr)")
    #expect(creates.value == 0)
  }

  @Test func columnsTakeNestedPathsAndWarnAboutUnknownOnes() async throws {
    let s = try await Self.server()
    defer { Task { await s.stop() } }
    let r = try DokProcess.run(
      ["call", "project.all", "-o", "table", "--columns", "name,environments[0].name,nope"], environment: Self.env(s))
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(lines.first == ["name", "environments[0].name", "nope"], "\(r.stdout)")
    #expect(lines.dropFirst(2).first == ["shop", "production"], "\(r.stdout)")
    #expect(r.stderr.contains("warning: --columns: no column 'nope'"), "\(r.stderr)")
    #expect(!r.stderr.contains("environments[0].name'"), "\(r.stderr)")
  }

  @Test func aPagedReplyTabulatesItsItems() async throws {
    let s = try await Self.server()
    defer { Task { await s.stop() } }
    let r = try DokProcess.run(["call", "application.search", "-o", "table"], environment: Self.env(s))
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(lines.first == ["applicationId", "name"], "\(r.stdout)")
    #expect(lines.dropFirst(2).map { $0.last } == ["web", "api"], "\(r.stdout)")
  }

  @Test func columnsApplyWithWait() async throws {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.05
    o.buildSeconds = 0.1
    let s = try await QueueingDokploy.start(o)
    defer { Task { await s.stop() } }
    let app = s.addApplication()
    let r = try DokProcess.run(
      [
        "call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms", "-o", "table", "--columns",
        "status",
      ],
      environment: CallWaitTests.env(s))
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(lines == [["KEY", "VALUE"], ["------", "-----"], ["status", "done"]], "\(r.stdout)")
  }
}
