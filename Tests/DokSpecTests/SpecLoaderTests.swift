import DokCore
import Testing

@testable import DokSpec

@Suite struct SpecLoaderTests {
  func load(_ name: String) throws -> Catalog {
    try SpecLoader.load(TestPaths.fixtureBytes(name), source: name)
  }

  @Test func readsProceduresParametersAndSchemas() throws {
    let c = try load("mini-31.json")
    #expect(c.procedures.map(\.name) == ["app.one", "app.save"])
    #expect(c.routers == ["app"])
    let one = try #require(c.procedure(named: "app.one"))
    #expect(one.method == "GET")
    #expect(one.summary == "Read one app")
    #expect(one.tags == ["app"])
    #expect(one.parameters.map(\.location) == [.query])
    let save = try #require(c.procedure(named: "app.save"))
    #expect(save.parameters.map(\.name) == ["appId", "image", "replicas", "kind", "ports"])
    let image = try #require(save.parameter(named: "image"))
    #expect(image.required && image.schema.nullable && image.schema.types == [.string])
    let replicas = try #require(save.parameter(named: "replicas"))
    #expect(replicas.schema.types == [.integer])
    #expect(replicas.schema.minimum == 1 && replicas.schema.maximum == 10 && replicas.schema.defaultValue == 1)
    #expect(!replicas.required)
    #expect(save.parameter(named: "kind")?.schema.enumValues == ["docker", "git"])
    let ports = try #require(save.parameter(named: "ports"))
    #expect(ports.schema.typeDescription == "array<object>")
    #expect(ports.schema.items.first?.properties.first?.name == "port")
    #expect(ports.schema.items.first?.properties.first?.required == true)
  }

  @Test func openAPI30AndYAMLLoadTheSame() throws {
    let reference = try load("mini-31.json")
    for name in ["mini-30.json", "mini-31.yaml"] {
      let other = try load(name)
      #expect(other.procedures == reference.procedures, "\(name)")
    }
    #expect(try load("mini-30.json").openapi == "3.0.3")
  }

  @Test(
    arguments: [
      ("bad-not-json-or-yaml.txt", "neither JSON nor valid YAML", nil),
      ("bad-not-openapi.json", "no \"openapi\" version field", "the document root"),
      ("bad-no-paths.json", "no \"paths\" object", "the document root"),
      (
        "bad-broken-ref.json", "broken $ref '#/components/schemas/Missing'",
        "/paths/~1a.b/post/requestBody/content/application~1json/schema/$ref"
      ),
      ("bad-wrong-types.json", "expected a number, found string", "/paths/~1a.b/get/parameters/0/schema/minLength"),
      ("bad-truncated.json", "invalid JSON: expected a value but found '}' at line 1, column 64", nil),
    ] as [(String, String, String?)])
  func badDocumentsGiveOneClearParagraph(name: String, message: String, pointer: String?) throws {
    do {
      _ = try load(name)
      Issue.record("\(name) loaded")
    } catch {
      let text = "\(error)"
      #expect(text.contains(message), "\(text)")
      #expect(text.hasPrefix("\(name): not a usable OpenAPI document: "), "\(text)")
      if let pointer { #expect(text.contains("(at \(pointer))"), "\(text)") }
      #expect(!text.contains("\n"))
    }
  }

  @Test func structuralErrorsNameTheirPointer() {
    let cases: [(String, String)] = [
      (#"[1, 2]"#, "expected a JSON object at the top level"),
      (#"{"openapi": "2.0", "paths": {}}"#, "OpenAPI version 2.0 is not supported"),
      (#"{"openapi": "3.1.0", "paths": []}"#, "\"paths\" must be an object, found array (at /paths)"),
      (#"{"openapi": "3.1.0", "paths": {"/x.y": {"get": {"parameters": "no"}}}}"#, "(at /paths/~1x.y/get/parameters)"),
      (#"{"openapi": "3.1.0", "paths": {"/x.y": {"get": {"parameters": [{"in": "query"}]}}}}"#, "needs a string \"name\""),
      (
        #"{"openapi": "3.1.0", "paths": {"/x.y": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": 42}}}}}}}}"#,
        "\"type\" must be a string or an array"
      ),
      (
        ##"{"openapi": "3.1.0", "paths": {"/x.y": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/a"}}}}}}}}"##,
        "broken $ref"
      ),
      (
        ##"{"openapi": "3.1.0", "components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}}, "paths": {"/x.y": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}}"##,
        "reference cycle"
      ),
    ]
    for (doc, expected) in cases {
      #expect(throws: SpecError.self) { try SpecLoader.load(Array(doc.utf8)) }
      do {
        _ = try SpecLoader.load(Array(doc.utf8))
      } catch {
        #expect(error.description.contains(expected), "\(error.description)")
      }
    }
  }

  @Test func toleratesUndefinedSecuritySchemesAndEmptyResponses() throws {
    let doc =
      #"{"openapi": "3.1.0", "security": [{"Authorization": []}], "paths": {"/x.y": {"get": {"security": [{"Nope": []}], "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {}, "additionalProperties": false}}}}}}}}}"#
    let c = try SpecLoader.load(Array(doc.utf8))
    #expect(c.procedures.map(\.name) == ["x.y"])
  }

  @Test func recursiveSchemasTerminate() throws {
    let doc =
      ##"{"openapi": "3.1.0", "components": {"schemas": {"Node": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Node"}}}}}, "paths": {"/x.y": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}}}}}}"##
    let c = try SpecLoader.load(Array(doc.utf8))
    #expect(c.procedure(named: "x.y")?.parameters.first?.name == "child")
  }

  @Test func largeDocumentsConvertInParallelAndReportTheFirstErrorInOrder() throws {
    func doc(broken: [Int]) -> [UInt8] {
      let paths = (0..<300).map { i -> String in
        let schema = broken.contains(i) ? #"{"type": 7}"# : #"{"type": "string"}"#
        return #""/r\#(i).p": {"get": {"parameters": [{"in": "query", "name": "x", "schema": \#(schema)}]}}"#
      }
      return Array(#"{"openapi": "3.1.0", "paths": {\#(paths.joined(separator: ","))}}"#.utf8)
    }
    let ok = try SpecLoader.load(doc(broken: []))
    #expect(ok.procedures.count == 300)
    #expect(ok.procedure(named: "r299.p")?.parameters.first?.name == "x")
    for broken in [[10, 250], [160, 280], [299]] {
      do {
        _ = try SpecLoader.load(doc(broken: broken))
        Issue.record("loaded")
      } catch {
        #expect(error.pointer == "/paths/~1r\(broken[0]).p/get/parameters/0/schema/type", "\(error)")
      }
    }
  }
}

/// Large documents convert on two threads; `$ref` expansion state must not be shared between
/// them (it was: a recursive schema being expanded on one thread read as recursive on the other).
@Suite struct ParallelConversionTests {
  @Test func twoThreadsGiveWhatOneThreadGives() throws {
    let node = ##"{"$ref": "#/components/schemas/Node"}"##
    var paths: [String] = []
    for i in 0..<300 {
      paths.append(##""/r.p\##(i)": {"post": {"requestBody": {"content": {"application/json": {"schema": \##(node)}}}}}"##)
    }
    let schemas =
      ##"{"Node": {"type": "object", "properties": {"name": {"type": "string"}, "child": \##(node), "##
      + ##""kids": {"type": "array", "items": \##(node)}, "leaf": {"$ref": "#/components/schemas/Leaf"}}}, "##
      + ##""Leaf": {"type": "object", "properties": {"x": {"type": "integer"}}}}"##
    let text =
      ##"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"##
      + paths.joined(separator: ",") + ##"}, "components": {"schemas": "## + schemas + "}}"
    let root = try JSONParser.parse(text)
    let items = Array(try #require(root["paths"]?.objectValue).pairs)
    let reference = try SpecLoader.convert(items[...], resolver: SchemaReader(root: root, legacyNullable: false))
    #expect(reference.count == 300)
    let expected = reference.sorted { $0.name < $1.name }
    for _ in 0..<30 {
      #expect(try SpecLoader.catalog(from: root).procedures == expected)
    }
  }
}
