import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 14: Ctrl-C while a request is in flight, through the built binary against a server on
/// 127.0.0.1 that answers dok's start-up requests and then never replies to the call. During a
/// mutation (POST) the request may already have reached the server: dok says its effect is
/// unknown and to check with a read. During a query (GET) it says the call was cancelled.
@Suite struct InterruptedRequestTests {
  /// A small document: one mutation and one query.
  static let document = #"""
    {"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{
    "/project.create":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}}}},
    "/project.all":{"get":{}},
    "/application.deploy":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","properties":{"applicationId":{"type":"string"}},"required":["applicationId"]}}}}}},
    "/application.one":{"get":{"parameters":[{"in":"query","name":"applicationId","required":true,"schema":{"type":"string"}}]}},
    "/deployment.all":{"get":{"parameters":[{"in":"query","name":"applicationId","required":true,"schema":{"type":"string"}}]}},
    "/settings.getDokployVersion":{"get":{}},"/settings.getOpenApiDocument":{"get":{}}}}
    """#

  /// Answers the version and the document; silent on everything else.
  static func silentServer() throws -> HostileServer {
    try HostileServer { r in
      switch String(r.path.prefix { $0 != "?" }) {
      case "/api/settings.getDokployVersion": return .json(200, #""v0.26.0""#)
      case "/api/settings.getOpenApiDocument": return .json(200, document)
      case "/api/deployment.all": return .json(200, "[]")
      default: return .silent
      }
    }
  }

  /// Runs `dok ARGS…` against a silent server, sends SIGINT once `procedure`'s request has
  /// arrived, and returns the exit status and stderr (the child is killed after 20 s).
  func interrupt(_ args: [String], whenSent procedure: String) throws -> (status: Int32, stderr: String) {
    let server = try Self.silentServer()
    defer { server.stop() }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: DokProcess.binary)
    p.arguments = [args[0], "--url", server.url, "--api-key", "k-test-key-1"] + args.dropFirst()
    p.environment = DokProcess.isolatedEnvironment()
    let err = Pipe()
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    try p.run()
    for _ in 0..<400 where p.isRunning && !server.requests.contains(where: { $0.path.hasPrefix("/api/\(procedure)") }) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(server.requests.contains { $0.path.hasPrefix("/api/\(procedure)") }, "\(procedure) was never sent")
    return DokProcess.signal(p, SIGINT, stderr: err)
  }

  static let unknownEffect =
    "interrupted while project.create was being sent: the request may have reached the server, so its effect is unknown"

  @Test func ctrlCDuringAPostSaysTheRequestMayHaveReachedTheServer() throws {
    let r = try interrupt(["call", "project.create", "name=shop"], whenSent: "project.create")
    #expect(r.status == ExitStatus.interrupted.code, "\(r.stderr)")
    #expect(r.stderr.contains(Self.unknownEffect), "\(r.stderr)")
    #expect(r.stderr.contains("hint: check with a read"), "\(r.stderr)")
  }

  /// `dok call … --wait`: the deploy call itself cut short is not "the deploy goes on".
  @Test func ctrlCDuringTheCallOfAWaitedDeploySaysItsEffectIsUnknown() throws {
    let r = try interrupt(["call", "application.deploy", "applicationId=a1", "--wait"], whenSent: "application.deploy")
    #expect(r.status == ExitStatus.interrupted.code, "\(r.stderr)")
    #expect(
      r.stderr.contains(
        "interrupted while application.deploy was being sent: the request may have reached the server, so its effect is unknown"),
      "\(r.stderr)")
    #expect(!r.stderr.contains("the deploy goes on"), "\(r.stderr)")
  }

  @Test func ctrlCDuringAGetSaysItWasCancelled() throws {
    let r = try interrupt(["call", "project.all"], whenSent: "project.all")
    #expect(r.status == ExitStatus.interrupted.code, "\(r.stderr)")
    #expect(r.stderr.contains("interrupted: project.all was cancelled (a query: nothing was changed)"), "\(r.stderr)")
    #expect(!r.stderr.contains("may have reached"), "\(r.stderr)")
  }

  @Test func ctrlCDuringAPostInARunbookNamesItsLine() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dok-int-\(UUID().uuidString).dok").path
    try "project.all\n$p = project.create name=shop\nprint \"never\"\n".write(toFile: path, atomically: true, encoding: .utf8)
    // project.all is silent too: interrupt the first one instead, then check the POST on its own.
    let query = try interrupt(["run", path], whenSent: "project.all")
    #expect(query.status == ExitStatus.interrupted.code, "\(query.stderr)")
    #expect(query.stderr.contains("\(path):1:1: error: interrupted: project.all was cancelled"), "\(query.stderr)")
    try "$p = project.create name=shop\nprint \"never\"\n".write(toFile: path, atomically: true, encoding: .utf8)
    let post = try interrupt(["run", path], whenSent: "project.create")
    #expect(post.status == ExitStatus.interrupted.code, "\(post.stderr)")
    #expect(post.stderr.contains("\(path):1:6: error: " + Self.unknownEffect), "\(post.stderr)")
  }
}
