import DokClient
import DokCore
import DokTestSupport
import Foundation
import Testing

/// A reply that suggests the loaded document is stale makes dok check the version at once and
/// reload a changed document (issue 16: the cache is trusted, so staleness must be noticed).
@Suite struct StaleDocumentTests {
  /// The fixture document after an upgrade: `project.all` is gone, `project.list` is new.
  static let upgraded = Fixture.document.replacing(#""/project.all":{"get":{}},"#, with: #""/project.list":{"get":{}},"#)

  /// A server that was upgraded after dok cached its document.
  static func upgradedServer(version: String = "v0.26.0") async throws -> TestServer {
    try await TestServer.start { r in
      if r.path.hasSuffix("settings.getDokployVersion") { return .json(200, JSONWriter.quoted(version)) }
      if r.path.hasSuffix("settings.getOpenApiDocument") { return .json(200, upgraded) }
      if r.path.hasSuffix("application.one") { return .json(404, #"{"message":"Application not found","code":"NOT_FOUND"}"#) }
      return .json(404, #"{"message":"Not found","code":"NOT_FOUND"}"#)
    }
  }

  func cacheWithOldDocument(for server: TestServer) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-stale-\(UUID().uuidString)").path
    let provider = SpecProvider(cacheDirectory: dir)
    let serverDir = try #require(provider.serverDirectory(for: Fixture.connection(server)))
    try FileManager.default.createDirectory(atPath: serverDir, withIntermediateDirectories: true)
    try FileIO.writeAtomically(serverDir + "/openapi.json", Array(Fixture.document.utf8))
    let meta = #"{"url":"x","version":"v0.25.0","checkedAt":\#(FileIO.unixTime())}"#
    try FileIO.writeAtomically(serverDir + "/meta.json", Array(meta.utf8))
    return dir
  }

  @Test func aRouteTheServerNoLongerHasReloadsTheChangedDocumentAndSaysSo() async throws {
    let server = try await Self.upgradedServer()
    let provider = SpecProvider(cacheDirectory: try cacheWithOldDocument(for: server))
    let session = DokSession(connection: Fixture.connection(server), retry: .none)
    let (catalog, _) = try await provider.catalog(for: session)
    #expect(server.requests.isEmpty)  // the fresh cache was trusted
    session.catalog = catalog
    session.refresher = StaleDocumentRefresher(provider: provider)

    let e = await #expect(throws: CallError.self) { _ = try await session.call(procedure: "project.all", arguments: []) }
    #expect(e?.httpStatus == 404)
    let hint = try #require(e?.hints.last)
    #expect(hint.contains("changed (Dokploy v0.25.0 → v0.26.0)"))
    #expect(session.catalog?.procedure(named: "project.list") != nil)
    #expect(session.catalog?.procedure(named: "project.all") == nil)
    #expect(
      server.requests.map { String($0.path.split(separator: ".").last!) } == ["all", "getDokployVersion", "getOpenApiDocument"])

    // A second failure within the spacing does not check again.
    _ = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("a"))))
    }
    await session.shutdown()
    await server.stop()
    #expect(server.requests.count == 4)
  }

  @Test func aMissingRowIsNotTakenForAStaleDocument() async throws {
    let server = try await Self.upgradedServer()
    let provider = SpecProvider(cacheDirectory: try cacheWithOldDocument(for: server))
    let session = Fixture.session(server, retry: .none)
    session.refresher = StaleDocumentRefresher(provider: provider)
    let e = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.one", arguments: Fixture.args(("applicationId", .bare("a"))))
    }
    await session.shutdown()
    await server.stop()
    #expect(e?.message == "Application not found")
    #expect(e?.hints.isEmpty == true)
    #expect(server.requests.count == 1)  // no version check for "Application not found"
  }

  @Test func suspicionIsLimitedToRoutingAndValidationReplies() {
    func api(_ status: Int, _ message: String, code: String = "X", issues: [CallError.Issue] = []) -> CallError {
      CallError(kind: .api, message: message, code: code, httpStatus: status, issues: issues)
    }
    #expect(StaleDocumentRefresher.suggestsStaleDocument(api(404, "Not found")))
    #expect(StaleDocumentRefresher.suggestsStaleDocument(api(404, #"No "query"-procedure on path "project.x""#)))
    #expect(StaleDocumentRefresher.suggestsStaleDocument(api(400, "Input validation failed", code: "BAD_REQUEST")))
    #expect(!StaleDocumentRefresher.suggestsStaleDocument(api(404, "Project not found")))
    #expect(
      !StaleDocumentRefresher.suggestsStaleDocument(api(400, "You cannot delete the default environment", code: "BAD_REQUEST")))
    #expect(!StaleDocumentRefresher.suggestsStaleDocument(api(500, "Not found")))
    #expect(!StaleDocumentRefresher.suggestsStaleDocument(CallError(kind: .transport, message: "Not found")))
  }
}
