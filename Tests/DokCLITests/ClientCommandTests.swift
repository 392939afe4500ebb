import DokCore
import DokTestSupport
import Foundation
import Testing

/// `dok call`, `dok login`, `dok profiles`, `dok spec refresh` against a local fake Dokploy.
@Suite struct ClientCommandTests {
  static let key = "dok-cli-KEY-93b1e0d27c"

  static let document = #"""
    {"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{
      "/project.all":{"get":{}},
      "/application.one":{"get":{"parameters":[{"name":"applicationId","in":"query","required":true,"schema":{"type":"string"}}]}},
      "/application.create":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["name"],"properties":{"name":{"type":"string"},"replicas":{"type":"integer"}}}}}}}},
      "/application.deploy":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":{
        "type":"object","required":["applicationId"],"properties":{"applicationId":{"type":"string"}}}}}}}},
      "/user.get":{"get":{}},
      "/settings.getDokployVersion":{"get":{}},
      "/settings.getOpenApiDocument":{"get":{}}
    }}
    """#

  /// A fake Dokploy: the key is checked on every call.
  static func fakeDokploy() async throws -> TestServer {
    try await TestServer.start { r in
      guard r.header("x-api-key") == key else { return .json(401, #"{"message":"Unauthorized"}"#) }
      switch r.path {
      case "/api/settings.getDokployVersion": return .json(200, #""v0.25.0""#)
      case "/api/settings.getOpenApiDocument": return .json(200, document)
      case "/api/user.get": return .json(200, #"{"email":"admin@example.com"}"#)
      case "/api/project.all": return .json(200, #"[{"projectId":"p1","name":"alpha"},{"projectId":"p2","name":"beta"}]"#)
      case "/api/application.one": return .json(200, #"{"applicationId":"a1","name":"web"}"#)
      case "/api/application.create": return .json(200, r.bodyText)
      case "/api/application.deploy":
        return .json(
          400,
          #"{"message":"Input validation failed","code":"BAD_REQUEST","issues":[{"path":["applicationId"],"message":"Too short"}]}"#
        )
      default: return .json(404, #"{"message":"Not found","code":"NOT_FOUND"}"#)
      }
    }
  }

  /// Runs the binary off the cooperative thread pool (DokProcess.run blocks while it waits),
  /// so other tests' tasks are not starved.
  func dok(_ args: [String], stdin: String? = nil, environment: [String: String]? = nil) async throws -> DokProcess.Result {
    try await withCheckedThrowingContinuation { c in
      Thread.detachNewThread {
        c.resume(with: Result { try DokProcess.run(args, stdin: stdin, environment: environment) })
      }
    }
  }

  func expectNoKey(_ r: DokProcess.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!r.stdout.contains(Self.key), sourceLocation: sourceLocation)
    #expect(!r.stderr.contains(Self.key), sourceLocation: sourceLocation)
  }

  func files(under dir: String) -> [String] {
    (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).map { dir + "/" + $0 }
      .filter {
        var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue
      }
  }

  @Test func aWarmCallMakesExactlyOneRequestAndADueCheckOneMore() async throws {
    let server = try await Self.fakeDokploy()
    let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": server.url, "DOKPLOY_API_KEY": Self.key])
    let cold = try await dok(["call", "project.all"], environment: env)
    #expect(cold.status == 0, "\(cold.stderr)")
    #expect(server.requests.count == 3)  // version, document, the call
    let warm = try await dok(["call", "project.all"], environment: env)
    #expect(warm.status == 0, "\(warm.stderr)")
    #expect(server.requests.count == 4)
    #expect(server.requests.last?.path == "/api/project.all")
    var due = env
    due["DOK_SPEC_CHECK_INTERVAL"] = "0"
    let checked = try await dok(["call", "project.all"], environment: due)
    #expect(checked.status == 0, "\(checked.stderr)")
    await server.stop()
    #expect(server.requests.suffix(2).map(\.path) == ["/api/settings.getDokployVersion", "/api/project.all"])
  }

  @Test func callPrintsOnlyTheResultAndCachesTheSpec() async throws {
    let server = try await Self.fakeDokploy()
    let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": server.url + "/", "DOKPLOY_API_KEY": Self.key])
    let r = try await dok(["call", "project.all", "-o", "json"], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == #"[{"projectId":"p1","name":"alpha"},{"projectId":"p2","name":"beta"}]"# + "\n")
    #expect(r.stderr.isEmpty)
    expectNoKey(r)
    let t = try await dok(["call", "project.all", "--output", "table"], environment: env)
    #expect(t.stdout == "projectId  name\n---------  -----\np1         alpha\np2         beta\n")
    let raw = try await dok(["call", "application.one", "applicationId=a1", "-o", "yaml"], environment: env)
    #expect(raw.stdout == "applicationId: a1\nname: web\n")
    await server.stop()
    // The document was fetched and its version checked once; the cache was then trusted.
    #expect(server.requests.filter { $0.path.hasSuffix("getOpenApiDocument") }.count == 1)
    #expect(server.requests.filter { $0.path.hasSuffix("getDokployVersion") }.count == 1)
    for file in files(under: env["XDG_CACHE_HOME"]!) {
      #expect(!file.contains(Self.key))
      #expect(!(try String(contentsOfFile: file, encoding: .isoLatin1)).contains(Self.key), "\(file)")
    }
  }

  @Test func cachedSpecIsUsedWithANoteWhenTheServerIsGone() async throws {
    let server = try await Self.fakeDokploy()
    let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": server.url, "DOKPLOY_AUTH_TOKEN": Self.key])
    let first = try await dok(["spec", "refresh"], environment: env)
    #expect(first.status == 0)
    await server.stop()
    // Within the check interval the cache is trusted: no version check, so no note.
    let trusted = try await dok(["call", "application.deploy", "applicationId=a1", "--timeout", "2"], environment: env)
    #expect(trusted.status == 4)
    #expect(!trusted.stderr.contains("unreachable"))
    // With the check due, the version cannot be read: the cached document is used, with a note.
    // The call itself (a POST, not retried) is a transport error.
    var due = env
    due["DOK_SPEC_CHECK_INTERVAL"] = "0"
    let offline = try await dok(["call", "application.deploy", "applicationId=a1", "--timeout", "2"], environment: due)
    #expect(offline.status == 4)
    #expect(offline.stdout.isEmpty)
    #expect(offline.stderr.contains("unreachable; using the cached API document"))
    #expect(offline.stderr.contains("cannot connect"))
    expectNoKey(offline)
  }

  @Test func exitCodesForArgumentAPIAndTransportErrors() async throws {
    let server = try await Self.fakeDokploy()
    let base = ["--url", server.url, "--api-key", Self.key]
    let arg = try await dok(["call", "application.create", "name=web", "replicas=three"] + base)
    #expect(arg.status == 2)
    #expect(arg.stderr.contains("replicas"))
    let unknown = try await dok(["call", "aplication.one"] + base)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean application.one"))
    let syntax = try await dok(["call", "project.all", "oops"] + base)
    #expect(syntax.status == 2)
    let api = try await dok(["call", "application.deploy", "applicationId=x"] + base)
    #expect(api.status == 3)
    #expect(api.stderr.contains("Input validation failed (BAD_REQUEST 400)"))
    #expect(api.stderr.contains("applicationId: Too short"))
    #expect(api.stdout.isEmpty)
    let created = try await dok(["call", "application.create", "name=123", "replicas=3", "-o", "json"] + base)
    #expect(created.stdout == #"{"name":"123","replicas":3}"# + "\n")
    let unauthorized = try await dok(["call", "project.all", "--url", server.url, "--api-key", "wrong"])
    #expect(unauthorized.status == 3)
    #expect(unauthorized.stderr.contains("outside an organization"))
    await server.stop()
    #expect(!server.requests.contains { $0.path == "/api/application.create" && $0.bodyText.contains("three") })
    for r in [arg, unknown, api, created] { expectNoKey(r) }
  }

  @Test func transportErrorExitsFour() async throws {
    let port = try await TestServer.closedPort()
    let spec = FileManager.default.temporaryDirectory.appendingPathComponent("dok-spec-\(UUID().uuidString).json").path
    try Self.document.write(toFile: spec, atomically: true, encoding: .utf8)
    let transport = try await dok(["call", "project.all", "--url", "http://127.0.0.1:\(port)", "--spec", spec])
    #expect(transport.status == 4)
    #expect(transport.stderr.contains("127.0.0.1:\(port)/api/project.all"))
  }

  @Test func curlAndVerboseNeverShowTheKey() async throws {
    let server = try await Self.fakeDokploy()
    let base = ["--url", server.url, "--api-key", Self.key]
    let curl = try await dok(["call", "application.create", "name=web", "--curl"] + base)
    #expect(curl.status == 0)
    #expect(curl.stdout.contains(#"-H "x-api-key: $DOKPLOY_API_KEY""#))
    #expect(curl.stdout.contains("--data-raw '{\"name\":\"web\"}'"))
    let verbose = try await dok(["call", "project.all", "--verbose", "-o", "json"] + base)
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("> GET \(server.url)/api/project.all"))
    #expect(verbose.stderr.contains("x-api-key: ***"))
    #expect(verbose.stderr.contains("< 200"))
    #expect(verbose.stdout.hasPrefix("[{"))
    await server.stop()
    #expect(!server.requests.contains { $0.path == "/api/application.create" })
    expectNoKey(curl)
    expectNoKey(verbose)
  }

  @Test func noServerConfiguredUsesTheBuiltInSandbox() async throws {
    let r = try await dok(["call", "project.create", "name=first"])
    #expect(r.status == 0)
    #expect(r.stderr.hasPrefix("dok: no server configured: using the built-in sandbox at http://127.0.0.1:"))
    #expect(r.stderr.split(separator: "\n").count == 1, "one banner line")
    #expect(try JSONParser.parse(r.stdout)["project"]?["name"] == "first")
  }

  @Test func loginSavesAPrivateProfileUsedByDefault() async throws {
    let server = try await Self.fakeDokploy()
    let env = DokProcess.isolatedEnvironment()
    let config = env["XDG_CONFIG_HOME"]! + "/dok/config.toml"

    let wrong = try await dok(["login", "--url", server.url + "/api/"], stdin: "not-the-key\n", environment: env)
    #expect(wrong.status == 3)
    #expect(wrong.stderr.contains("rejected"))
    #expect(!FileManager.default.fileExists(atPath: config))

    let login = try await dok(
      ["login", "--url", server.url + "/api/", "--profile", "local"], stdin: Self.key + "\n", environment: env)
    #expect(login.status == 0, "\(login.stderr)")
    #expect(login.stderr.contains("saved profile 'local'"))
    expectNoKey(login)
    let attrs = try FileManager.default.attributesOfItem(atPath: config)
    #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let text = try String(contentsOfFile: config, encoding: .utf8)
    #expect(text.contains("default = \"local\""))
    #expect(text.contains("api_key = \"\(Self.key)\""))

    let profiles = try await dok(["profiles"], environment: env)
    #expect(profiles.stdout == "* local  \(server.url)\n")
    expectNoKey(profiles)

    let call = try await dok(["call", "project.all", "-o", "json"], environment: env)
    #expect(call.status == 0, "\(call.stderr)")
    #expect(call.stdout.contains("alpha"))

    let refresh = try await dok(["spec", "refresh", "--profile", "local"], environment: env)
    #expect(refresh.status == 0)
    #expect(refresh.stdout.contains("7 procedures"))
    let badProfile = try await dok(["call", "project.all", "--profile", "locl"], environment: env)
    #expect(badProfile.status == 2)
    #expect(badProfile.stderr.contains("did you mean 'local'?"))
    await server.stop()
  }
}
