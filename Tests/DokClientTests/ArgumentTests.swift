import DokClient
import DokCore
import DokTestSupport
import Foundation
import Testing

@Suite struct ArgumentTests {
  /// Sends `application.create` with `args` and returns the body the server received.
  func sentBody(_ args: [CallArgument], validate: Bool = true) async throws -> String {
    let server = try await TestServer.start { _ in .json(200, "{}") }
    let session = Fixture.session(server, validate: validate)
    return try await withTeardown {
      do {
        _ = try await session.call(procedure: "application.create", arguments: args)
      } catch {
        await session.shutdown()
        throw error
      }
      await session.shutdown()
      return try #require(server.requests.first).bodyText
    } teardown: {
      await server.stop()
    }
  }

  @Test func bareWordsAreTypedByTheSchema() async throws {
    let body = try await sentBody(
      Fixture.args(
        ("name", .bare("123")), ("replicas", .bare("3")), ("autoDeploy", .bare("true")), ("description", .bare("null"))))
    #expect(body == #"{"name":"123","replicas":3,"autoDeploy":true,"description":null}"#)
  }

  @Test func emptyValueSendsAnEmptyString() async throws {
    let body = try await sentBody(Fixture.args(("name", .value(.string(""))), ("buildType", .bare("nixpacks"))))
    #expect(body == #"{"name":"","buildType":"nixpacks"}"#)
  }

  @Test func jsonAndFileArguments() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dok-env-\(UUID().uuidString)").path
    try "A=1\nB=\"two\"\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let body = try await sentBody(
      Fixture.args(("name", .bare("web")), ("ports", .json(#"[{"publishedPort":80,"targetPort":8080}]"#)), ("env", .file(path))))
    #expect(body == #"{"name":"web","ports":[{"publishedPort":80,"targetPort":8080}],"env":"A=1\nB=\"two\"\n"}"#)
  }

  @Test(arguments: [
    (Fixture.args(("name", .bare("w")), ("replicas", .bare("three"))), "replicas"),
    (Fixture.args(("name", .bare("w")), ("replicaz", .bare("3"))), "replicaz"),
    (Fixture.args(("replicas", .bare("3"))), "name"),
    (Fixture.args(("name", .bare("w")), ("buildType", .bare("docker"))), "buildType"),
    (Fixture.args(("name", .bare("w")), ("autoDeploy", .bare("yes"))), "autoDeploy"),
    (Fixture.args(("name", .bare("w")), ("ports", .json("[1,"))), "ports"),
    (Fixture.args(("name", .bare("w")), ("env", .file("/nonexistent/dok-file"))), "env"),
  ])
  func argumentErrorsNameTheParameterAndSendNothing(args: [CallArgument], parameter: String) async throws {
    let server = try await TestServer.start { _ in .json(200, "{}") }
    let session = Fixture.session(server)
    let error = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.create", arguments: args)
    }
    await session.shutdown()
    await server.stop()
    #expect(error?.kind == .argument)
    #expect(error?.exitCode == 2)
    #expect(error?.parameter == parameter)
    #expect(error?.rendered.contains(parameter) == true)
    #expect(server.requests.isEmpty)
  }

  @Test func unknownParameterSuggestsAndUnknownProcedureToo() async throws {
    let session = DokSession(connection: Connection(baseURL: "http://127.0.0.1:9/api"), catalog: Fixture.catalog)
    try await withTeardown {
      let e1 = #expect(throws: CallError.self) {
        try session.prepare(
          procedure: "application.create", arguments: Fixture.args(("name", .bare("w")), ("replicaz", .bare("3"))))
      }
      #expect(e1?.hints.first?.contains("'replicas'") == true)
      let e2 = #expect(throws: CallError.self) { try session.prepare(procedure: "aplication.one", arguments: []) }
      #expect(e2?.kind == .argument)
      #expect(e2?.hints.first?.contains("application.one") == true)
    } teardown: {
      await session.shutdown()
    }
  }

  @Test func noValidateSendsAnyway() async throws {
    let body = try await sentBody(Fixture.args(("replicaz", .bare("3")), ("extra", .bare("x"))), validate: false)
    #expect(body == #"{"replicaz":3,"extra":"x"}"#)
  }
}
