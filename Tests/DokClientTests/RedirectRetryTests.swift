import DokClient
import DokCore
import DokTestSupport
import Synchronization
import Testing

@Suite struct RedirectRetryTests {
  @Test func redirectToAnotherHostNeverCarriesTheKey() async throws {
    let other = try await TestServer.start { _ in .json(200, #"{"from":"other"}"#) }
    let target = other.url
    let first = try await TestServer.start { r in
      Scripted(status: 307, headers: [("Location", target + r.uri)])
    }
    let session = Fixture.session(first)
    let v = try await session.call(procedure: "project.all", arguments: [])
    await session.shutdown()
    await first.stop()
    await other.stop()
    #expect(v == ["from": "other"])
    #expect(first.requests.first?.header("x-api-key") == Fixture.key)
    #expect(other.requests.count == 1)
    #expect(other.requests.allSatisfy { $0.header("x-api-key") == nil })
    #expect(other.requests.first?.uri == "/api/project.all")
  }

  @Test func redirectWithinTheSameHostKeepsTheKeyAndMethod() async throws {
    let server = try await TestServer.start { r in
      r.path.hasPrefix("/old/") ? Scripted(status: 308, headers: [("Location", "/api/application.deploy")]) : .json(200, "true")
    }
    let c = Connection(baseURL: server.url + "/old/api", apiKey: Fixture.key)
    let session = DokSession(connection: c, catalog: Fixture.catalog)
    let v = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("a"))))
    await session.shutdown()
    await server.stop()
    #expect(v == true)
    #expect(server.requests.map(\.uri) == ["/old/api/application.deploy", "/api/application.deploy"])
    #expect(server.requests.map(\.method) == ["POST", "POST"])
    #expect(server.requests.last?.header("x-api-key") == Fixture.key)
    #expect(server.requests.last?.bodyText == #"{"applicationId":"a"}"#)
  }

  @Test func redirectLoopEndsWithAClearError() async throws {
    let server = try await TestServer.start { r in
      Scripted(status: 302, headers: [("Location", r.path == "/api/project.all" ? "/b" : "/api/project.all")])
    }
    let session = Fixture.session(server)
    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    await session.shutdown()
    await server.stop()
    #expect(e?.kind == .transport)
    #expect(e?.message.contains("redirect loop") == true)
    #expect(server.requests.count == 2)
  }

  @Test func getIsRetriedTwiceOn503HonouringRetryAfter() async throws {
    let server = try await TestServer.start { _ in .json(503, #"{"message":"busy"}"#, headers: [("Retry-After", "0")]) }
    let session = Fixture.session(server, retry: RetryPolicy(backoff: [5]))  // Retry-After: 0 wins over the 5 s backoff
    let clock = ContinuousClock()
    let start = clock.now
    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    #expect(clock.now - start < .seconds(1))
    await session.shutdown()
    await server.stop()
    #expect(server.requests.count == 3)
    #expect(e?.httpStatus == 503)
    #expect(e?.message == "busy")
  }

  @Test func getSucceedsOnARetry() async throws {
    let counter = Counter()
    let flaky = try await TestServer.start { _ in counter.next() == 1 ? .json(502, "{}") : .json(200, #"["ok"]"#) }
    let session = Fixture.session(flaky)
    let v = try await session.call(procedure: "project.all", arguments: [])
    await session.shutdown()
    await flaky.stop()
    #expect(v == ["ok"])
    #expect(flaky.requests.count == 2)
  }

  @Test func postIsNeverRetried() async throws {
    let server = try await TestServer.start { _ in .json(503, #"{"message":"busy"}"#, headers: [("Retry-After", "0")]) }
    let session = Fixture.session(server)
    let e = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("a"))))
    }
    await session.shutdown()
    await server.stop()
    #expect(server.requests.count == 1)
    #expect(e?.httpStatus == 503)
  }

  @Test func clientErrorsAreNotRetried() async throws {
    let server = try await TestServer.start { _ in .json(404, #"{"message":"nope","code":"NOT_FOUND"}"#) }
    let session = Fixture.session(server)
    _ = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    await session.shutdown()
    await server.stop()
    #expect(server.requests.count == 1)
  }

  @Test func retryPolicyCapsRetryAfterAndRetriesConnectFailures() {
    let p = RetryPolicy()
    let r = HTTPResponse(status: 429, headers: [("Retry-After", "120")])
    #expect(p.delay(method: "GET", attempt: 1, response: r, failure: nil) == 10)
    #expect(p.delay(method: "GET", attempt: 3, response: r, failure: nil) == nil)
    #expect(p.delay(method: "POST", attempt: 1, response: r, failure: nil) == nil)
    #expect(p.delay(method: "GET", attempt: 1, response: nil, failure: TransportError(.connect, "x")) == 0.25)
    #expect(p.delay(method: "GET", attempt: 1, response: nil, failure: TransportError(.timeout, "x")) == nil)
    #expect(p.delay(method: "GET", attempt: 1, response: HTTPResponse(status: 500), failure: nil) == nil)
  }
}

/// A thread-safe counter for scripted servers.
final class Counter: Sendable {
  private let value = Synchronization.Mutex(0)
  func next() -> Int {
    value.withLock {
      $0 += 1; return $0
    }
  }
}
