import DokCore
import DokTestSupport
import Foundation
import Synchronization
import Testing

/// `dok call` and `dok run` through the built binary against servers that misbehave: each must
/// end with a clear message on stderr and exit 4 (transport) or 3 (API error), never a crash or a
/// hang, and never send the key to another host.
@Suite struct HostileServerTests {
  static let key = "dok-hostile-KEY-4be81f"

  static let document = #"""
    {"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{
      "/project.all":{"get":{}},
      "/application.deploy":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["applicationId"],"properties":{"applicationId":{"type":"string"}}}}}}}},
      "/settings.getDokployVersion":{"get":{}},
      "/settings.getOpenApiDocument":{"get":{}}
    }}
    """#

  /// A server that answers the version and the document properly and `hostile` for every call.
  static func server(_ hostile: @escaping @Sendable (HostileServer.Request) -> HostileReply) throws -> HostileServer {
    try HostileServer { r in
      switch r.path {
      case "/api/settings.getDokployVersion": .json(200, #""v0.25.0""#)
      case "/api/settings.getOpenApiDocument": .json(200, document)
      default: hostile(r)
      }
    }
  }

  /// A server misbehaving as `hostile` on every call (the catalogue terminal-tests/hostile.sh uses too).
  static func serving(_ hostile: HostileCase, home: String = "/api/project.all") throws -> HostileServer {
    try server { r in hostile.reply(to: r, home: home) }
  }

  func dok(_ args: [String], stdin: String? = nil, environment: [String: String]? = nil) async throws -> DokProcess.Result {
    try await withCheckedThrowingContinuation { c in
      Thread.detachNewThread {
        c.resume(with: Result { try DokProcess.run(args, stdin: stdin, environment: environment) })
      }
    }
  }

  struct Outcome {
    var call: DokProcess.Result
    var run: DokProcess.Result
  }

  /// `dok call PROC` and `dok run` of a script making the same call, against `server`.
  func both(_ server: HostileServer, procedure: String = "project.all", args: [String] = [], extra: [String] = []) async throws
    -> Outcome
  {
    let base = ["--url", server.url, "--api-key", Self.key] + extra
    let call = try await dok(["call", procedure] + args + base)
    let script = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).dok").path
    try "print \"before\"\n\(procedure) \(args.joined(separator: " "))\nprint \"after\"\n".write(
      toFile: script, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: script) }
    let run = try await dok(["run"] + base + [script])
    for r in [call, run] {
      #expect(!r.stdout.contains(Self.key) && !r.stderr.contains(Self.key), "the key leaked")
      #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"), "crashed: \(r.stderr)")
      #expect(r.status < 128, "killed by a signal: \(r.status)")
    }
    #expect(call.stdout.isEmpty)
    #expect(run.stdout.contains("before") && !run.stdout.contains("after"), "\(run.stdout)")
    return Outcome(call: call, run: run)
  }

  func expect(_ o: Outcome, status: Int32, _ phrase: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for r in [o.call, o.run] {
      #expect(r.status == status, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
      #expect(r.stderr.contains(phrase), "stderr lacks '\(phrase)': \(r.stderr)", sourceLocation: sourceLocation)
    }
  }

  @Test func invalidJSONWith200() async throws {
    let s = try Self.serving(.badJson)
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 4, "not JSON")
  }

  @Test func truncatedBody() async throws {
    let s = try Self.serving(.truncated)
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 4, "closed the connection before the whole reply arrived")
  }

  @Test func connectionResetMidBody() async throws {
    let s = try Self.serving(.reset)
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 4, "reset the connection before the reply was complete")
  }

  @Test func headersThatNeverFinish() async throws {
    let s = try Self.serving(.silent)
    defer { s.stop() }
    let o = try await both(s, extra: ["--timeout", "1"])
    expect(o, status: 4, "no reply from")
    expect(o, status: 4, "--timeout")
  }

  @Test func halfSentHeadersThenSilence() async throws {
    let s = try Self.serving(.halfHeaders)
    defer { s.stop() }
    let o = try await both(s, procedure: "application.deploy", args: ["applicationId=a1"], extra: ["--timeout", "1"])
    expect(o, status: 4, "no reply from")
  }

  /// Found here: `--timeout` covered only the head, so a body trickling in never timed out.
  @Test func bodyThatTricklesInForever() async throws {
    let s = try Self.serving(.trickle)
    defer { s.stop() }
    let o = try await both(s, extra: ["--timeout", "1"])
    expect(o, status: 4, "did not arrive in full within 1 s (--timeout)")
  }

  @Test func bodyOverTheConfiguredCap() async throws {
    let s = try Self.serving(.huge)
    defer { s.stop() }
    let o = try await both(s, extra: ["--max-reply-size", "1MB"])
    expect(o, status: 4, "larger than the 1 MB limit (--max-reply-size)")
  }

  @Test func bodyWithoutContentLengthOverTheCap() async throws {
    let s = try Self.serving(.hugeUnannounced)
    defer { s.stop() }
    let o = try await both(s, extra: ["--max-reply-size", "1MB"])
    expect(o, status: 4, "larger than the 1 MB limit (--max-reply-size)")
  }

  @Test func bodyJustOverTheDefaultCap() async throws {
    let s = try Self.server { _ in .large(size: (32 << 20) + 4096) }
    defer { s.stop() }
    let call = try await dok(["call", "project.all", "--url", s.url, "--api-key", Self.key])
    #expect(call.status == 4, "\(call.stderr)")
    #expect(call.stderr.contains("larger than the 32 MB limit (--max-reply-size)"), "\(call.stderr)")
    #expect(call.stdout.isEmpty)
  }

  @Test func serverErrorWithAnHTMLPage() async throws {
    let s = try Self.serving(.html500)
    defer { s.stop() }
    let o = try await both(s, procedure: "application.deploy", args: ["applicationId=a1"])
    expect(o, status: 3, "500")
    for r in [o.call, o.run] {
      // The page is summarised, not dumped.
      #expect(r.stderr.count < 2_000, "\(r.stderr.count) bytes on stderr")
    }
  }

  @Test func badGatewayOnAGetIsRetriedThenReported() async throws {
    let s = try Self.serving(.badGateway)
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 3, "502")
  }

  @Test func redirectLoop() async throws {
    let s = try Self.serving(.loop)
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 4, "redirect loop")
  }

  @Test func endlessRedirectsToNewPlaces() async throws {
    let counter = Mutex(0)
    let s = try Self.server { _ in
      let n = counter.withLock { c -> Int in
        c += 1
        return c
      }
      return .reply(status: 307, headers: [("Location", "/api/next-\(n)")], body: [])
    }
    defer { s.stop() }
    let o = try await both(s)
    expect(o, status: 4, "too many redirects")
  }

  @Test func redirectToAnotherHostNeverCarriesTheKey() async throws {
    let other = try HostileServer { _ in .json(200, #"[{"projectId":"p9","name":"elsewhere"}]"#) }
    defer { other.stop() }
    let target = other.url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
    let s = try Self.server { r in HostileCase.offsite.reply(to: r, home: "/api/project.all", otherHost: target) }
    defer { s.stop() }
    let base = ["--url", s.url, "--api-key", Self.key]
    let call = try await dok(["call", "project.all", "-o", "json"] + base)
    #expect(!call.stderr.contains(Self.key) && !call.stdout.contains(Self.key))
    let run = try await dok(["run"] + base + ["-"], stdin: "project.all\nprint $_[0].name\n")
    #expect(!run.stderr.contains(Self.key) && !run.stdout.contains(Self.key))
    #expect(call.status == 0, "\(call.stderr)")
    #expect(call.stdout.contains("elsewhere"))
    #expect(run.stdout.contains("elsewhere"), "\(run.stderr)")
    #expect(!other.requests.isEmpty)
    for r in other.requests {
      #expect(r.header("x-api-key") == nil, "the other host saw the key")
      #expect(r.header("authorization") == nil)
      #expect(!r.headers.contains { $0.1.contains(Self.key) })
    }
    #expect(s.requests.contains { $0.header("x-api-key") == Self.key })
  }
}
