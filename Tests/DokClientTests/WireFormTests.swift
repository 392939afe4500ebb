import DokClient
import DokCore
import DokTestSupport
import Synchronization
import Testing

@Suite struct WireFormTests {
  @Test func formAQueryIsAGetWithQueryParameters() async throws {
    let server = try await TestServer.start { _ in .json(200, #"{"applicationId":"abc","name":"web"}"#) }
    let session = Fixture.session(server)
    let result = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("abc"))))
    await session.shutdown()
    await server.stop()
    #expect(result["name"] == "web")
    let r = try #require(server.requests.first)
    #expect(r.method == "GET")
    #expect(r.uri == "/api/application.one?applicationId=abc")
    #expect(r.header("x-api-key") == Fixture.key)
    #expect(r.header("accept") == "application/json")
    #expect(r.body.isEmpty)
  }

  @Test func formAMutationIsAPostWithAPlainJSONBody() async throws {
    let server = try await TestServer.start { _ in .json(200, #"{"applicationId":"new"}"#) }
    let session = Fixture.session(server)
    let result = try await session.call(
      procedure: "application.create",
      arguments: Fixture.args(
        ("name", .bare("123")), ("replicas", .bare("3")), ("autoDeploy", .bare("true")), ("description", .bare("null"))))
    await session.shutdown()
    await server.stop()
    #expect(result == ["applicationId": "new"])
    let r = try #require(server.requests.first)
    #expect(r.method == "POST")
    #expect(r.uri == "/api/application.create")
    #expect(r.header("content-type") == "application/json")
    #expect(r.header("x-api-key") == Fixture.key)
    #expect(r.bodyText == #"{"name":"123","replicas":3,"autoDeploy":true,"description":null}"#)
  }

  @Test func formBQuerySendsTheInputEnvelopeInTheQuery() async throws {
    let server = try await TestServer.start { _ in .json(200, #"{"result":{"data":{"json":{"name":"web"}}}}"#) }
    let session = Fixture.session(server, form: .trpc)
    let result = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("a b&c"))))
    await session.shutdown()
    await server.stop()
    #expect(result == ["name": "web"])
    let r = try #require(server.requests.first)
    #expect(r.method == "GET")
    #expect(r.path == "/api/trpc/application.one")
    #expect(r.query == "input=%7B%22json%22%3A%7B%22applicationId%22%3A%22a%20b%26c%22%7D%7D")
    #expect(PercentEncoding.decode(String(r.query!.dropFirst(6))) == #"{"json":{"applicationId":"a b&c"}}"#)
    #expect(r.header("x-api-key") == Fixture.key)
  }

  @Test func formBMutationPostsTheJSONEnvelope() async throws {
    let server = try await TestServer.start { _ in .json(200, #"{"result":{"data":{"json":true}}}"#) }
    let session = Fixture.session(server, form: .trpc)
    let result = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("abc"))))
    await session.shutdown()
    await server.stop()
    #expect(result == true)
    let r = try #require(server.requests.first)
    #expect(r.method == "POST")
    #expect(r.uri == "/api/trpc/application.deploy")
    #expect(r.header("content-type") == "application/json")
    #expect(r.bodyText == #"{"json":{"applicationId":"abc"}}"#)
  }

  @Test func arraysAreRepeatedKeysAndScalarsTheirJSONText() async throws {
    let server = try await TestServer.start { _ in .json(200, "[]") }
    let session = Fixture.session(server)
    _ = try await session.call(
      procedure: "application.search",
      arguments: Fixture.args(("tags", .json(#"["a","b c"]"#)), ("limit", .bare("5")), ("q", .bare("x=y"))))
    _ = try await session.call(procedure: "project.all", arguments: [])
    await session.shutdown()
    await server.stop()
    #expect(server.requests.map(\.uri) == ["/api/application.search?tags=a&tags=b%20c&limit=5&q=x%3Dy", "/api/project.all"])
  }

  @Test func noKeyNoHeaderAndURLsNormalize() async throws {
    for typed in ["http://h:1", "http://h:1/", "http://h:1/api", "http://h:1/api/", "http://h:1/api/trpc"] {
      #expect(Connection.normalize(typed) == "http://h:1/api", "\(typed)")
    }
    #expect(Connection.normalize("dok.example.com/x/") == "https://dok.example.com/x/api")
    #expect(Connection.normalize("ftp://x") == nil)
    let c = Connection(baseURL: "http://h/api")
    let r = RequestBuilder(connection: c).request(name: "project.all", method: "GET", input: JSONObject())
    #expect(r.header("x-api-key") == nil)
    #expect(r.url == "http://h/api/project.all")
  }

  @Test func keepAliveReusesOneConnection() async throws {
    let server = try await TestServer.start { _ in .json(200, "[]") }
    let session = Fixture.session(server)
    for _ in 0..<20 { _ = try await session.call(procedure: "project.all", arguments: []) }
    await session.shutdown()
    await server.stop()
    #expect(server.requests.count == 20)
    #expect(server.connections == 1)
  }

  /// `:set transport` in the REPL: the same session switches its wire form, keeping its pool
  /// and its `--verbose` observer.
  @Test func theWireFormSwitchesInTheSameSession() async throws {
    let server = try await TestServer.start { r in
      r.uri.hasPrefix("/api/trpc/") ? .json(200, #"{"result":{"data":{"json":{"name":"b"}}}}"#) : .json(200, #"{"name":"a"}"#)
    }
    let seen = Mutex<[String]>([])
    let session = DokSession(
      connection: Fixture.connection(server), catalog: Fixture.catalog,
      observer: { event in if case .request(let r, _) = event { seen.withLock { $0.append(r.url) } } })
    let args = Fixture.args(("applicationId", .bare("x")))
    #expect(try await session.call(procedure: "application.one", arguments: args) == ["name": "a"])
    session.wireForm = .trpc
    #expect(try await session.call(procedure: "application.one", arguments: args) == ["name": "b"])
    await session.shutdown()
    await server.stop()
    #expect(server.requests.map(\.path) == ["/api/application.one", "/api/trpc/application.one"])
    #expect(seen.withLock { $0 }.count == 2)
    #expect(server.connections == 1)
  }
}
