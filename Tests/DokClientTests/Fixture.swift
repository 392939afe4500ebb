import DokClient
import DokCore
import DokSpec
import DokTestSupport

/// A small OpenAPI document with the shapes the tests need.
enum Fixture {
  static let document = #"""
    {"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{
      "/application.one":{"get":{"parameters":[
        {"name":"applicationId","in":"query","required":true,"schema":{"type":"string"}}]}},
      "/application.search":{"get":{"parameters":[
        {"name":"tags","in":"query","required":false,"schema":{"type":"array","items":{"type":"string"}}},
        {"name":"limit","in":"query","required":false,"schema":{"type":"integer"}},
        {"name":"q","in":"query","required":false,"schema":{"type":"string"}}]}},
      "/project.all":{"get":{}},
      "/application.create":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["name"],"properties":{
          "name":{"type":"string"},
          "description":{"type":["string","null"]},
          "replicas":{"type":"integer"},
          "autoDeploy":{"type":"boolean"},
          "env":{"type":"string"},
          "ports":{"type":"array","items":{"type":"object"}},
          "buildType":{"type":"string","enum":["dockerfile","nixpacks"]}}}}}}}},
      "/application.deploy":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["applicationId"],"properties":{"applicationId":{"type":"string"}}}}}}}},
      "/settings.getDokployVersion":{"get":{}},
      "/settings.getOpenApiDocument":{"get":{}}
    }}
    """#

  static let catalog: Catalog = try! SpecLoader.load(Array(document.utf8), source: "fixture")

  /// A distinctive key that must never show up in outputs or cache files.
  static let key = "dok-test-KEY-5e3c9a71f0"

  static func connection(_ server: TestServer, form: WireForm = .openapi, timeout: Double = 5) -> Connection {
    Connection(baseURL: server.url + "/api", apiKey: key, transport: form, timeout: timeout)
  }

  /// A session with a quick retry policy.
  static func session(
    _ server: TestServer, form: WireForm = .openapi, timeout: Double = 5, validate: Bool = true,
    retry: RetryPolicy = RetryPolicy(backoff: [0.01, 0.02])
  ) -> DokSession {
    DokSession(connection: connection(server, form: form, timeout: timeout), catalog: catalog, retry: retry, validate: validate)
  }

  static func args(_ pairs: (String, CallArgument.Value)...) -> [CallArgument] {
    pairs.map { CallArgument(name: $0.0, value: $0.1) }
  }
}
