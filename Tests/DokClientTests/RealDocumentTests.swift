import DokClient
import DokCore
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// Where Dokploy's real document is: the bundled copy, as a file.
enum RealDocument {
  static let path = PackagePaths.realDocument
}

/// Typed arguments against Dokploy's real document (the copy dok bundles).
@Suite struct RealDocumentTests {

  @Test func applicationUpdateTypesBareWordsByTheSchema() async throws {
    let catalog = try SpecLoader.load(try FileIO.read(RealDocument.path), source: RealDocument.path)
    let fake = FakeTransport(replying: true)
    let session = DokSession(
      connection: Connection(baseURL: "https://dok.example.com/api", apiKey: Fixture.key), catalog: catalog, transport: fake)
    let v = try await session.call(
      procedure: "application.update",
      arguments: Fixture.args(
        ("applicationId", .bare("abc")), ("name", .bare("123")), ("replicas", .bare("3")), ("autoDeploy", .bare("true")),
        ("description", .bare("null"))))
    #expect(v == true)
    let r = try #require(fake.requests.first)
    #expect(r.method == "POST")
    #expect(r.url == "https://dok.example.com/api/application.update")
    #expect(
      String(decoding: r.body ?? [], as: UTF8.self)
        == #"{"applicationId":"abc","name":"123","replicas":3,"autoDeploy":true,"description":null}"#)
    let e = #expect(throws: CallError.self) {
      try session.prepare(
        procedure: "application.update", arguments: Fixture.args(("applicationId", .bare("a")), ("name", .bare("null"))))
    }
    #expect(e?.parameter == "name")
    #expect(session.lastRequest?.url == "https://dok.example.com/api/application.update")
  }
}
