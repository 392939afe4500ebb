import DokClient
import DokCore
import DokTestSupport
import Testing

/// Issue 14, bug 10: a 401 when no key was sent says so, instead of blaming a wrong key.
@Suite struct NoKeyHintTests {
  @Test func aRequestWithoutAKeyGetsTheNoKeyHint() async throws {
    let server = try await TestServer.start { _ in .json(401, #"{"message":"Unauthorized"}"#) }
    var connection = Fixture.connection(server)
    connection.apiKey = nil
    let session = DokSession(connection: connection, catalog: Fixture.catalog, retry: .none)
    let e = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("x"))))
    }
    await session.shutdown()
    await server.stop()
    #expect(e?.hints == [DokSession.noKeyHint])
  }
}
