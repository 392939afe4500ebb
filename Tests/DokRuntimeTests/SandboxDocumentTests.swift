import DokCore
import DokSandbox
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// The sandbox's own OpenAPI document loads in DokSpec like Dokploy's, and lists every
/// procedure the sandbox simulates with the real parameter schemas.
@Suite struct SandboxDocumentTests {
  static let catalog = try! SpecLoader.catalog(from: OpenAPIDocument.build(serverURL: "http://127.0.0.1:1"))

  @Test func everySimulatedProcedureIsInTheDocument() {
    let names = Set(Self.catalog.procedures.map(\.name))
    for spec in ProcedureTable.all { #expect(names.contains(spec.name), "\(spec.name)") }
    #expect(Self.catalog.openapi.hasPrefix("3.1"))
  }

  @Test func methodsFollowTheKinds() {
    for spec in ProcedureTable.all {
      let p = Self.catalog.procedure(named: spec.name)
      #expect(p?.method == (spec.kind == .query ? "GET" : "POST"), "\(spec.name)")
    }
  }

  @Test func saveDockerProviderMatchesTheRealSchema() throws {
    let p = try #require(Self.catalog.procedure(named: "application.saveDockerProvider"))
    for name in ["username", "password", "registryUrl", "dockerImage"] {
      let param = try #require(p.parameter(named: name))
      #expect(param.required && param.schema.nullable, "\(name)")
    }
  }

  /// Against the Dokploy document bundled in the binary (a clean clone has no `../shared`).
  @Test func parametersMatchDokploysDocument() throws {
    let real = try SpecLoader.load(Array(OpenAPIDocument.text(serverURL: "https://your-dokploy-instance.com/api").utf8))
    for spec in ProcedureTable.all {
      guard let mine = Self.catalog.procedure(named: spec.name), let theirs = real.procedure(named: spec.name) else {
        Issue.record("\(spec.name) missing from Dokploy's document")
        continue
      }
      #expect(mine.method == theirs.method, "\(spec.name)")
      for tp in theirs.parameters {
        let mp = mine.parameter(named: tp.name)
        #expect(mp != nil, "\(spec.name).\(tp.name) missing")
        #expect(mp?.required == tp.required, "\(spec.name).\(tp.name) required")
        #expect(mp?.schema.nullable == tp.schema.nullable, "\(spec.name).\(tp.name) nullable")
        #expect(mp?.schema.enumValues == tp.schema.enumValues, "\(spec.name).\(tp.name) enum")
      }
    }
  }
}
