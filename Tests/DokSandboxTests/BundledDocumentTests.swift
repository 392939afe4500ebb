import DokCore
import DokployDocument
import Foundation
import Testing

@testable import DokSandbox

/// The copies of Dokploy's facts compiled into the binary are those of `../shared/dokploy`.
@Suite struct BundledDocumentTests {
  /// `../shared/dokploy/<name>` from the package root, or nil (with a note) when absent.
  static func shared(_ name: String) -> String? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/dokploy/\(name)").path
    guard let data = FileManager.default.contents(atPath: path) else {
      print("note: \(path) is absent: the comparison with the bundled copy is skipped")
      return nil
    }
    return String(decoding: data, as: UTF8.self)
  }

  @Test func bundledDocumentIsTheSharedOne() throws {
    guard let text = Self.shared("openapi.json") else { return }
    #expect(DokployDocument.text == text, "run scripts/update-dokploy-document")
  }

  @Test func bundledTablesAreTheSharedOnes() throws {
    guard let text = Self.shared("tables.json") else { return }
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
