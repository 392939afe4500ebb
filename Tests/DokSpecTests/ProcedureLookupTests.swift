import DokCore
import Foundation
import Testing

@testable import DokSpec

/// `ProcedureLookup.find(_:in:)` builds one path item of the document; every answer must be the
/// one the fully loaded catalog gives.
@Suite struct ProcedureLookupTests {
  @Test(arguments: ["mini-31.json", "mini-30.json", "mini-31.yaml"])
  func agreesWithTheFullCatalogOnFixtures(name: String) throws {
    let bytes = try TestPaths.fixtureBytes(name)
    let catalog = try SpecLoader.load(bytes)
    #expect(!catalog.procedures.isEmpty)
    for p in catalog.procedures {
      #expect(try ProcedureLookup.find(p.name, in: bytes) == .found(p))
    }
    #expect(try ProcedureLookup.find("app.onw", in: bytes) == .missing(suggestions: catalog.suggestions(for: "app.onw")))
    #expect(try ProcedureLookup.find("app.onw", in: bytes) == .missing(suggestions: ["app.one"]))
  }

  @Test func aPathItemReferringToAnotherStillResolves() throws {
    // `/b.x` is a `$ref` to `/a.x`, which the targeted parse leaves out: the whole document decides.
    let text = #"""
      {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/a.x": {"get": {"parameters": [{"in": "query", "name": "id", "required": true, "schema": {"type": "string"}}]}},
        "/b.x": {"$ref": "#/paths/~1a.x"}}}
      """#
    let bytes = Array(text.utf8)
    let full = try SpecLoader.load(bytes)
    let b = try #require(full.procedure(named: "b.x"))
    #expect(b.parameters.map(\.name) == ["id"])
    #expect(try ProcedureLookup.find("b.x", in: bytes) == .found(b))
  }

  @Test func otherPathItemsAreValidatedAsJSONOnly() throws {
    // `/a.b` has a semantic error (minLength "one"); describing another procedure does not need it.
    let text = #"""
      {"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {
        "/a.b": {"get": {"parameters": [{"in": "query", "name": "n", "schema": {"type": "string", "minLength": "one"}}]}},
        "/a.c": {"get": {}}}}
      """#
    let bytes = Array(text.utf8)
    #expect(throws: SpecError.self) { try SpecLoader.load(bytes) }
    guard case .found(let c) = try ProcedureLookup.find("a.c", in: bytes) else {
      Issue.record("a.c not found")
      return
    }
    #expect(c.method == "GET")
    // The broken one itself reports what a full load reports.
    #expect(throws: SpecError.self) { try ProcedureLookup.find("a.b", in: bytes) }
    // A JSON syntax error in a path item that is not built is still an error.
    let broken = Array(text.replacingOccurrences(of: #""minLength": "one""#, with: #""minLength": ,"#).utf8)
    #expect(throws: SpecError.self) { try ProcedureLookup.find("a.c", in: broken) }
    let missingColon = Array(text.replacingOccurrences(of: #""minLength": "one""#, with: #""minLength" "one""#).utf8)
    do {
      _ = try ProcedureLookup.find("a.c", in: missingColon)
      Issue.record("a syntax error in a skipped path item was not reported")
    } catch {
      var full: SpecError?
      do { _ = try SpecLoader.load(missingColon) } catch { full = error }
      #expect(error.description == full?.description)
      #expect(error.description.contains(#"after key "minLength""#))
    }
  }

  @Test func duplicateNamesResolveAsInTheFullCatalog() throws {
    // Two paths with one name, and two methods on one path item.
    let text = #"""
      {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/app.one": {"get": {"summary": "plain"}},
        "/api/app.one": {"get": {"summary": "prefixed"}, "post": {"summary": "posted"}},
        "/app.two": {"get": {"summary": "two, get"}, "post": {"summary": "two, post"}}}}
      """#
    let bytes = Array(text.utf8)
    let full = try SpecLoader.load(bytes)
    for name in ["app.one", "app.two"] {
      let expected = try #require(full.procedure(named: name))
      #expect(try ProcedureLookup.find(name, in: bytes) == .found(expected), "\(name)")
    }
  }

  @Test(arguments: ["bad-not-json-or-yaml.txt", "bad-not-openapi.json", "bad-no-paths.json", "bad-truncated.json"])
  func unusableDocumentsFailAsAFullLoadFails(name: String) throws {
    let bytes = try TestPaths.fixtureBytes(name)
    var expected: SpecError?
    do { _ = try SpecLoader.load(bytes, source: name) } catch { expected = error }
    #expect(expected != nil)
    do {
      _ = try ProcedureLookup.find("a.b", in: bytes, source: name)
      Issue.record("\(name) should not load")
    } catch {
      #expect(error.description == expected?.description)
    }
  }

  @Test
  func agreesWithTheFullCatalogOnTheRealDocument() throws {
    let bytes = try FileIO.read(TestPaths.realDocument)
    let catalog = try SpecLoader.load(bytes)
    // Every router's first and last procedure (the parse is the slow part in a debug build).
    var names = Set<String>()
    for router in catalog.routers {
      let ps = catalog.procedures(inRouter: router)
      names.insert(ps.first!.name)
      names.insert(ps.last!.name)
    }
    #expect(names.count > 57)
    for name in names.sorted() {
      #expect(try ProcedureLookup.find(name, in: bytes) == .found(catalog.procedure(named: name)!), "\(name)")
    }
    #expect(
      try ProcedureLookup.find("application.deplyo", in: bytes)
        == .missing(suggestions: catalog.suggestions(for: "application.deplyo")))
  }
}
