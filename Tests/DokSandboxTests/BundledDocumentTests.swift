import DokCore
import DokTestSupport
import DokployDocument
import Foundation
import Testing

@testable import DokSandbox

/// The copies of Dokploy's facts compiled into the binary are those of `../shared/dokploy`.
@Suite struct BundledDocumentTests {
  /// `../shared/dokploy/<name>`, absent on a clean clone.
  static func shared(_ name: String) -> String? {
    FileManager.default.contents(atPath: PackagePaths.shared(name)).map { String(decoding: $0, as: UTF8.self) }
  }

  static let sharedAbsent = "../shared/dokploy is absent: the comparison with the bundled copy is skipped"

  @Test(.enabled(if: shared("openapi.json") != nil, Comment(rawValue: sharedAbsent)))
  func bundledDocumentIsTheSharedOne() throws {
    let text = try #require(Self.shared("openapi.json"))
    #expect(DokployDocument.text == text, "run scripts/update-dokploy-document")
  }

  @Test(.enabled(if: shared("tables.json") != nil, Comment(rawValue: sharedAbsent)))
  func bundledTablesAreTheSharedOnes() throws {
    let text = try #require(Self.shared("tables.json"))
    #expect(DokployTablesText.text == text, "run scripts/update-dokploy-document")
  }

  @Test func theTableHoldsAllOperations() throws {
    #expect(ProcedureTable.all.count == DokployDocument.operationCount)
    #expect(ProcedureTable.all.filter { $0.kind == .query }.count == 223)
    #expect(ProcedureTable.byName["application.killBuild"]?.kind == .mutation)
    #expect(ProcedureTable.byName["deployment.readLogs"]?.kind == .query)
    #expect(ProcedureTable.byName["application.dropDeployment"]?.multipart == true)
  }

  @Test func servedDocumentNamesTheSandbox() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.get("settings.getOpenApiDocument")
      #expect(r.status == 200)
      let served = try #require(r.json)
      var expected = try JSONParser.parse(DokployDocument.text)
      #expect(served["servers"]?[0]?["url"] == .string(s.sb.url + "/api"))
      // Apart from the server's URL, it is the bundled document.
      if case .object(var o) = expected {
        o["servers"] = [["url": .string(s.sb.url + "/api")]]
        expected = .object(o)
      }
      #expect(served == expected)
      for name in ["server.all", "registry.all", "deployment.readLogs", "application.killBuild", "environment.update"] {
        #expect(served["paths"]?["/" + name] != nil, "\(name)")
      }
    } teardown: {
      await s.sb.stop()
    }
  }
}
