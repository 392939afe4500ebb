import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// Issue 12, item 5: "a message in every 4xx". Each way the sandbox refuses a request, in both
/// wire forms, answers with a body whose message says what is wrong; and a request whose head
/// never finishes does not hold its connection (the idle timeout closes it).
@Suite struct ErrorMessageTests {
  /// The message of an error body: form A `message`, form B `error.json.message`, a batch's first.
  static func message(_ body: String) -> String? {
    guard let json = try? JSONParser.parse(body) else { return nil }
    let one = json.arrayValue?.first { $0["error"] != nil } ?? json
    return (one["error"]?["json"]?["message"] ?? one["message"])?.stringValue
  }

  /// One refused request: what is sent, the status expected.
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var method = "GET"
    var path: String
    var body: String?
    var contentType: String? = "application/json"
    var key: String?
    var status: Int
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "no key, form A", path: "/api/project.all", status: 401),
    Case(name: "no key, form B", path: "/api/trpc/project.all", status: 401),
    Case(name: "not an API path", path: "/nothing-here", key: "k", status: 404),
    Case(name: "unknown procedure, form A", path: "/api/project.nope", key: "k", status: 404),
    Case(name: "unknown procedure, form B", path: "/api/trpc/project.nope", key: "k", status: 404),
    Case(name: "unknown procedure in a batch", path: "/api/trpc/project.all,project.nope?batch=1", key: "k", status: 404),
    Case(name: "GET of a mutation, form A", path: "/api/project.create", key: "k", status: 404),
    Case(name: "GET of a mutation, form B", path: "/api/trpc/project.create", key: "k", status: 405),
    Case(name: "invalid input, form A", method: "POST", path: "/api/project.create", body: "{}", key: "k", status: 400),
    Case(
      name: "invalid input, form B", method: "POST", path: "/api/trpc/project.create", body: #"{"json":{}}"#, key: "k",
      status: 400),
    Case(name: "no body, form A", method: "POST", path: "/api/project.create", body: "", key: "k", status: 400),
    Case(name: "broken JSON, form A", method: "POST", path: "/api/project.create", body: "{", key: "k", status: 400),
    Case(name: "broken JSON, form B", method: "POST", path: "/api/trpc/project.create", body: "{", key: "k", status: 400),
    Case(name: "broken input query, form B", path: "/api/trpc/project.one?input=%7B", key: "k", status: 400),
    Case(
      name: "not JSON, form A", method: "POST", path: "/api/project.create", body: "name=x",
      contentType: "application/x-www-form-urlencoded", key: "k", status: 415),
    Case(
      name: "multipart without boundary", method: "POST", path: "/api/project.create", body: "x",
      contentType: "multipart/form-data", key: "k", status: 400),
    Case(name: "unknown id", path: "/api/project.one?projectId=nope", key: "k", status: 404),
    Case(
      name: "unknown id, form B", path: "/api/trpc/project.one?input=%7B%22json%22%3A%7B%22projectId%22%3A%22nope%22%7D%7D",
      key: "k", status: 404),
  ]

  @Test(arguments: cases)
  func everyRefusalSaysWhy(_ c: Case) async throws {
    let sb = try await Sandbox.start(SandboxOptions(apiKey: "k"))
    try await withTeardown {
      let r = try LoopbackHTTP.request(
        c.method, sb.url + c.path, body: c.body, contentType: c.contentType, headers: c.key.map { ["x-api-key": $0] } ?? [:])
      #expect(r.status == c.status, "\(c.name): \(r.body)")
      let message = Self.message(r.body)
      #expect(message.map { !$0.isEmpty } == true, "\(c.name): no message in \(r.body.debugDescription)")
    } teardown: {
      await sb.stop()
    }
  }

  /// The two refusals curl cannot provoke: a body past tRPC's limit (announced, not sent) and a
  /// body that stops half way (408 after the read timeout).
  @Test func oversizedAndHalfSentBodiesSayWhy() async throws {
    var options = SandboxOptions()
    options.readTimeout = 0.5
    let sb = try await Sandbox.start(options)
    try await withTeardown {
      let big = try #require(ExpectContinueTests.RawConnection(port: sb.port))
      big.send(
        "POST /api/trpc/project.create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 70000000\r\n\r\n")
      let head = big.readHead()
      #expect(head.hasPrefix("HTTP/1.1 413"), "\(head)")
      #expect(Self.message(big.readBody(head: head)) == "Body exceeded 64mb limit")
      let half = try #require(ExpectContinueTests.RawConnection(port: sb.port))
      half.send(
        "POST /api/project.create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{\"na")
      let late = half.readHead()
      #expect(late.hasPrefix("HTTP/1.1 408"), "\(late)")
      #expect(Self.message(half.readBody(head: late))?.contains("did not arrive within 0.5 s") == true)
    } teardown: {
      await sb.stop()
    }
  }

  /// A first request the HTTP decoder refuses is answered (it used to hold the connection with
  /// no reply): malformed, 400; a head past the decoder's 80 KB (a long query string), 431.
  @Test(arguments: [
    ("GARBAGE\r\n\r\n", "HTTP/1.1 400"), ("GET /api/settings.health HTTP/1.1\r\nBad Header\r\n\r\n", "HTTP/1.1 400"),
    (
      "GET /api/project.one?projectId=x&" + String(repeating: "k=v&", count: 30_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "HTTP/1.1 431"
    ),
  ])
  func aRefusedFirstHeadIsAnswered(request: String, status: String) async throws {
    let sb = try await Sandbox.start(SandboxOptions())
    try await withTeardown {
      let c = try #require(ExpectContinueTests.RawConnection(port: sb.port))
      c.send(request)
      let head = c.readHead()
      #expect(head.hasPrefix(status), "\(head.debugDescription)")
      #expect(Self.message(c.readBody(head: head)).map { !$0.isEmpty } == true)
      // A well-formed request on a new connection is served as ever.
      let d = try #require(ExpectContinueTests.RawConnection(port: sb.port))
      d.send("GET /api/settings.health HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(d.readHead().hasPrefix("HTTP/1.1 200"))
    } teardown: {
      await sb.stop()
    }
  }

  /// A request head that never ends is not answered (there is no request to answer) but its
  /// connection is closed by the idle timeout (2 × the read timeout + 1 s), not held forever.
  @Test func aHalfSentHeadIsClosed() async throws {
    var options = SandboxOptions()
    options.readTimeout = 0.5
    let sb = try await Sandbox.start(options)
    try await withTeardown {
      let c = try #require(ExpectContinueTests.RawConnection(port: sb.port, seconds: 10))
      c.send("GET /api/project.all HTTP/1.1\r\nHost: x\r\nX-Slow: ")
      let reply = c.readHead()
      #expect(reply.isEmpty, "\(reply)")
      // The read ended because the server closed the connection, not at the client's 10 s limit.
      #expect(c.isClosed)
    } teardown: {
      await sb.stop()
    }
  }
}
