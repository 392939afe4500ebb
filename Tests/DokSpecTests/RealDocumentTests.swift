import DokCore
import Testing

@testable import DokSpec

@Suite
struct RealDocumentTests {
  static let catalog: Catalog = try! SpecLoader.load(FileIO.read(TestPaths.realDocument), source: "openapi.json")

  @Test func hasEveryOperation() {
    #expect(Self.catalog.procedures.count == 597)
    #expect(Self.catalog.routers.count == 57)
    #expect(Self.catalog.openapi == "3.1.0")
  }

  @Test func saveDockerProviderNullableRequired() throws {
    let p = try #require(Self.catalog.procedure(named: "application.saveDockerProvider"))
    #expect(p.method == "POST")
    for name in ["username", "password", "registryUrl", "dockerImage"] {
      let param = try #require(p.parameter(named: name))
      #expect(param.required, "\(name)")
      #expect(param.schema.nullable, "\(name)")
      #expect(param.schema.types == [.string])
      #expect(param.location == .body)
    }
  }

  @Test func queriesHaveQueryParameters() throws {
    let p = try #require(Self.catalog.procedure(named: "application.one"))
    #expect(p.method == "GET")
    #expect(p.parameters.map(\.name) == ["applicationId"])
    #expect(p.parameters[0].location == .query)
    #expect(p.parameters[0].required)
    #expect(p.parameters[0].schema.minLength == 1)
  }

  @Test func enumsAreRead() throws {
    let p = try #require(Self.catalog.procedure(named: "application.saveBuildType"))
    let bt = try #require(p.parameter(named: "buildType"))
    #expect(
      bt.schema.enumValues?.compactMap(\.stringValue) == [
        "dockerfile", "heroku_buildpacks", "paketo_buildpacks", "nixpacks", "static", "railpack",
      ])
  }

  @Test func cacheRoundTripIsLossless() throws {
    let bytes = CatalogCodec.encode(Self.catalog)
    let back = try #require(CatalogCodec.decode(bytes))
    #expect(back.procedures == Self.catalog.procedures)
    #expect(back.title == Self.catalog.title)
  }
}
