import DokClient
import DokCore
import DokRuntime
import DokTestSupport
import Foundation
import Synchronization
import Testing

/// The REPL opens from the cached document without waiting for the server, then checks the
/// version in the background (issue 16, item 1).
@Suite struct BackgroundDocumentCheckTests {
  static let documentV1 = #"{"openapi":"3.1.0","info":{"title":"Dokploy","version":"1"},"paths":{"/project.all":{"get":{}}}}"#
  static let documentV2 = #"{"openapi":"3.1.0","info":{"title":"Dokploy","version":"2"},"paths":{"/project.all":{"get":{}},"/project.list":{"get":{}}}}"#

  @Test func aDeferredCheckOpensFromTheCacheThenInstallsAChangedDocument() async throws {
    let version = Mutex("v1")
    let server = try await TestServer.start { r in
      let v = version.withLock { $0 }
      if r.path.hasSuffix("getDokployVersion") { return .json(200, JSONWriter.quoted(v)) }
      if r.path.hasSuffix("getOpenApiDocument") { return .json(200, v == "v1" ? Self.documentV1 : Self.documentV2) }
      return .json(200, "[]")
    }
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dok-bg-\(UUID().uuidString)").path
    var connection = Connection(baseURL: server.url + "/api", apiKey: "k-0123456789")
    connection.specCheckInterval = 0  // every check is due
    func request() -> ServerContext.Request {
      var r = ServerContext.Request(target: .remote(connection))
      r.cacheDirectory = cache
      r.deferSpecCheck = true
      return r
    }
    // First open: no cache, so the document is fetched (version + document).
    let first = try await ServerContext.open(request())
    await first.close()
    #expect(server.requests.count == 2)

    version.withLock { $0 = "v2" }
    let context = try await ServerContext.open(request())
    #expect(server.requests.count == 2)  // opened from the cache: no request
    #expect(context.catalog.procedure(named: "project.list") == nil)
    let update = try #require(await context.checkDocumentIfDue())
    #expect(update.note.contains("v1 → v2"))
    #expect(context.catalog.procedure(named: "project.list") != nil)
    #expect(context.session.catalog?.procedure(named: "project.list") != nil)
    #expect(await context.checkDocumentIfDue() == nil)  // unchanged now
    await context.close()
    await server.stop()
  }
}
