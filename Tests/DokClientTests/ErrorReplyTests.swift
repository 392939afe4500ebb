import DokClient
import DokCore
import DokTestSupport
import Testing

@Suite struct ErrorReplyTests {
  /// Calls `application.one` (GET) or `application.deploy` (POST) against a server answering `reply`.
  func failure(_ reply: Scripted, form: WireForm = .openapi, post: Bool = false) async throws -> CallError? {
    let server = try await TestServer.start { _ in reply }
    let session = Fixture.session(server, form: form, retry: .none)
    let e = await #expect(throws: CallError.self) {
      if post {
        _ = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("x"))))
      } else {
        _ = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("x"))))
      }
    }
    await session.shutdown()
    await server.stop()
    if let e { #expect(!e.rendered.contains(Fixture.key)) }
    return e
  }

  @Test func formABadRequestWithIssues() async throws {
    let body = #"""
      {"message":"Input validation failed","code":"BAD_REQUEST","data":{"code":"BAD_REQUEST","httpStatus":400,"path":"application.deploy","zodError":null},
       "issues":[{"code":"invalid_type","expected":"string","received":"undefined","path":["name"],"message":"Required"},
                 {"code":"too_small","path":["ports",0,"publishedPort"],"message":"Number must be greater than 0"}]}
      """#
    let e = try #require(try await failure(.json(400, body), post: true))
    #expect(e.kind == .api)
    #expect(e.exitCode == 3)
    #expect(e.code == "BAD_REQUEST")
    #expect(e.httpStatus == 400)
    #expect(e.procedure == "application.deploy")
    #expect(
      e.issues == [
        .init(path: "name", message: "Required"), .init(path: "ports[0].publishedPort", message: "Number must be greater than 0"),
      ])
    #expect(e.rendered.contains("Input validation failed (BAD_REQUEST 400)"))
    #expect(e.rendered.contains("  name: Required"))
  }

  @Test func formBErrorEnvelopeWithZodFieldErrors() async throws {
    let body = #"""
      {"error":{"json":{"message":"[\n  {\n    \"path\": [\"applicationId\"],\n    \"message\": \"Required\"\n  }\n]","code":-32600,
       "data":{"code":"BAD_REQUEST","httpStatus":400,"path":"application.one","zodError":{"formErrors":["Bad input"],"fieldErrors":{"applicationId":["Required"]}}}}}}
      """#
    let e = try #require(try await failure(.json(400, body), form: .trpc))
    #expect(e.code == "BAD_REQUEST")
    #expect(e.httpStatus == 400)
    #expect(e.issues == [.init(path: "", message: "Bad input"), .init(path: "applicationId", message: "Required")])
  }

  @Test func formBMessageHoldingTheIssueListBecomesIssues() async throws {
    let body =
      #"{"error":{"json":{"message":"[{\"path\":[\"name\"],\"message\":\"Required\"}]","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400}}}}"#
    let e = try #require(try await failure(.json(400, body), form: .trpc))
    #expect(e.message == "Input validation failed")
    #expect(e.issues == [.init(path: "name", message: "Required")])
  }

  @Test func unauthorizedCarriesTheHint() async throws {
    let e = try #require(try await failure(.json(401, #"{"message":"Unauthorized"}"#)))
    #expect(e.code == "UNAUTHORIZED")
    #expect(e.httpStatus == 401)
    #expect(e.hints == [ReplyDecoder.unauthorizedHint])
    #expect(e.rendered.contains("outside an organization"))
  }

  @Test(arguments: [
    (404, #"{"message":"Application not found","code":"NOT_FOUND"}"#, "NOT_FOUND", "Application not found"),
    (
      415, #"{"message":"Unsupported content type","code":"UNSUPPORTED_MEDIA_TYPE"}"#, "UNSUPPORTED_MEDIA_TYPE",
      "Unsupported content type"
    ),
    (
      500, #"{"message":"boom","code":"INTERNAL_SERVER_ERROR","data":{"code":"INTERNAL_SERVER_ERROR","httpStatus":500}}"#,
      "INTERNAL_SERVER_ERROR", "boom"
    ),
  ])
  func statusCodes(status: Int, body: String, code: String, message: String) async throws {
    let e = try #require(try await failure(.json(status, body), post: true))
    #expect(e.kind == .api)
    #expect(e.httpStatus == status)
    #expect(e.code == code)
    #expect(e.message == message)
  }

  @Test func htmlErrorPageNamesStatusTypeAndStart() async throws {
    let page = "<html><head><title>502 Bad Gateway</title></head><body>" + String(repeating: "x", count: 400) + "</body></html>"
    let e = try #require(try await failure(.text(502, page), post: true))
    #expect(e.kind == .api)
    #expect(e.exitCode == 3)
    #expect(e.code == "BAD_GATEWAY")
    #expect(e.message.contains("HTTP 502"))
    #expect(e.message.contains("text/html"))
    #expect(e.message.contains("<title>502 Bad Gateway</title>"))
    #expect(!e.message.contains(String(repeating: "x", count: 300)))
  }

  @Test func nonJSONSuccessIsABadReply() async throws {
    let e = try #require(try await failure(.text(200, "<html>login</html>"), post: true))
    #expect(e.kind == .transport)
    #expect(e.exitCode == 4)
    #expect(e.message.contains("bad reply"))
    #expect(e.message.contains("text/html"))
  }

  @Test func emptyBodyIsNull() async throws {
    let server = try await TestServer.start { _ in Scripted(status: 200) }
    let session = Fixture.session(server)
    let v = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("x"))))
    await session.shutdown()
    await server.stop()
    #expect(v == .null)
  }

  @Test func connectionRefusedNamesTheURL() async throws {
    let port = try await TestServer.closedPort()
    let c = Connection(baseURL: "http://127.0.0.1:\(port)/api", apiKey: Fixture.key)
    let session = DokSession(connection: c, catalog: Fixture.catalog, retry: .none)
    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    await session.shutdown()
    #expect(e?.kind == .transport)
    #expect(e?.exitCode == 4)
    #expect(e?.message.contains("127.0.0.1:\(port)/api/project.all") == true)
    #expect(e?.message.contains("refused") == true)
    #expect(e?.rendered.contains(Fixture.key) == false)
  }

  @Test func timeoutIsATransportError() async throws {
    let server = try await TestServer.start { _ in
      var r = Scripted.json(200, "{}"); r.delay = 1.5; return r
    }
    let session = Fixture.session(server, timeout: 0.3, retry: .none)
    let clock = ContinuousClock()
    let start = clock.now
    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    #expect(clock.now - start < .seconds(1.2))
    await session.shutdown()
    await server.stop()
    #expect(e?.kind == .transport)
    #expect(e?.message.contains("within 0.3 s") == true)
  }

  @Test func cancellationEndsTheRequest() async throws {
    let server = try await TestServer.start { _ in
      var r = Scripted.json(200, "{}"); r.delay = 1.5; return r
    }
    let session = Fixture.session(server, retry: .none)
    let task = Task { try await session.call(procedure: "project.all", arguments: []) }
    // Cancel once the request is in flight: the server has it (its reply is 1.5 s away).
    let deadline = ContinuousClock.now + .seconds(10)
    while server.requests.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    #expect(!server.requests.isEmpty)
    let clock = ContinuousClock()
    let start = clock.now
    task.cancel()
    let result = await task.result
    #expect(clock.now - start < .seconds(1))
    await session.shutdown()
    await server.stop()
    guard case .failure(let e as CallError) = result else { Issue.record("expected a CallError"); return }
    #expect(e.kind == .transport)
  }

  @Test func replyLargerThanTheLimitIsATransportError() async throws {
    let big = "[" + Array(repeating: "1", count: 2000).joined(separator: ",") + "]"
    let server = try await TestServer.start { _ in .json(200, big) }
    var c = Fixture.connection(server)
    c.maxReplyBytes = 1024
    let session = DokSession(connection: c, catalog: Fixture.catalog, retry: .none)
    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    await session.shutdown()
    await server.stop()
    #expect(e?.kind == .transport)
    #expect(e?.message.contains("larger than the 1 KB limit") == true)
  }
}
