import DokClient
import DokCore
import DokTestSupport
import Foundation
import Testing

@Suite struct ProfileTests {
  @Test func parsesTheTOMLSubset() throws {
    let text = #"""
      # dok profiles
      default = "prod"   # used when nothing else says

      [profiles.prod]
      url = "https://dok.example.com/"
      api_key = "k\"e\\y\u00e9"
      insecure = false
      transport = 'trpc'
      timeout = 12.5
      unknown = 1

      [profiles."local box"]
      url = "http://127.0.0.1:3000"

      [other]
      x = "ignored"
      """#
    let config = try ProfileConfig.parse(text)
    #expect(config.defaultProfile == "prod")
    #expect(config.profiles.map(\.name) == ["prod", "local box"])
    let p = try #require(config.profile(named: "prod"))
    #expect(p.url == "https://dok.example.com/")
    #expect(p.apiKey == "k\"e\\yé")
    #expect(p.insecure == false)
    #expect(p.transport == .trpc)
    #expect(p.timeout == 12.5)
    #expect(try ProfileConfig.parse(config.serialized()) == config)
  }

  @Test(arguments: [
    "url = ", "[profiles.x\nurl = 1", "[profiles.x]\nurl = bare", "[profiles.x]\nurl = \"open",
    "[profiles.x]\ntransport = \"grpc\"",
  ])
  func syntaxErrorsNameTheLine(text: String) {
    #expect(throws: ProfileConfig.ParseError.self) { try ProfileConfig.parse(text) }
  }

  @Test func serializesEscapesAndRoundTrips() throws {
    var c = ProfileConfig(defaultProfile: "a")
    c.set(Profile(name: "a", url: "http://x", apiKey: "tab\there \"q\" \u{1}", insecure: true, transport: .openapi))
    c.set(Profile(name: "b.c", url: "http://y"))
    let text = c.serialized()
    #expect(text.contains("[profiles.\"b.c\"]"))
    #expect(try ProfileConfig.parse(text) == c)
  }

  @Test func storeWritesMode0600() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-cfg-\(UUID().uuidString)").path
    let store = ProfileStore(path: dir + "/dok/config.toml")
    #expect(try store.load() == ProfileConfig())
    try store.save(ProfileConfig(defaultProfile: "p", profiles: [Profile(name: "p", url: "http://x", apiKey: Fixture.key)]))
    #expect(FileIO.mode(of: store.path) == 0o600)
    #expect(try store.load().profile(named: "p")?.apiKey == Fixture.key)
  }

  let config = ProfileConfig(
    defaultProfile: "home",
    profiles: [
      Profile(name: "home", url: "http://home:3000", apiKey: "HOMEKEY"),
      Profile(name: "work", url: "https://work.example.com/api/", apiKey: "WORKKEY", insecure: true, transport: .trpc),
    ])

  func resolve(_ s: ConnectionSettings, env: [String: String] = [:]) throws -> ServerTarget {
    try ConnectionResolver(config: config, environment: { env[$0] }).resolve(s)
  }

  @Test func precedenceFlagsThenEnvironmentThenProfileThenDefault() throws {
    let d = try #require(try resolve(ConnectionSettings()).connection)
    #expect(d.baseURL == "http://home:3000/api")
    #expect(d.apiKey == "HOMEKEY")
    #expect(d.profile == "home")
    #expect(d.source == .defaultProfile)

    let w = try #require(try resolve(ConnectionSettings(profile: "work")).connection)
    #expect(w.baseURL == "https://work.example.com/api")
    #expect(w.apiKey == "WORKKEY")
    #expect(w.insecure)
    #expect(w.transport == .trpc)

    let e = try #require(
      try resolve(ConnectionSettings(), env: ["DOKPLOY_URL": "http://env", "DOKPLOY_AUTH_TOKEN": "ENVKEY"]).connection)
    #expect(e.baseURL == "http://env/api")
    #expect(e.apiKey == "ENVKEY")
    #expect(e.source == .environment)

    let f = try #require(
      try resolve(
        ConnectionSettings(url: "http://flag/", apiKey: "FLAGKEY", transport: .openapi, insecure: false),
        env: ["DOKPLOY_URL": "http://env", "DOKPLOY_API_KEY": "ENVKEY"]
      ).connection)
    #expect(f.baseURL == "http://flag/api")
    #expect(f.apiKey == "FLAGKEY")
    #expect(f.transport == .openapi)
    #expect(!f.insecure)
  }

  @Test func defaultProfileKeyNeverGoesToAnotherURL() throws {
    let c = try #require(try resolve(ConnectionSettings(url: "http://elsewhere")).connection)
    #expect(c.apiKey == nil)
    let same = try #require(try resolve(ConnectionSettings(url: "http://home:3000/api/")).connection)
    #expect(same.apiKey == "HOMEKEY")
  }

  @Test func nothingConfiguredAndUnknownProfile() throws {
    let empty = ConnectionResolver(config: ProfileConfig(), environment: { _ in nil })
    #expect(try empty.resolve(ConnectionSettings()) == .unconfigured)
    #expect(try empty.resolve(ConnectionSettings()).isConfigured == false)
    let e = #expect(throws: CallError.self) { try resolve(ConnectionSettings(profile: "wrk")) }
    #expect(e?.kind == .argument)
    #expect(e?.hints.first == "did you mean 'work'?")
    #expect(throws: CallError.self) { try resolve(ConnectionSettings(url: "ftp://x")) }
  }

  /// Issue 14, bug 2: an explicit --profile beats the environment; a key only goes to its URL.
  @Test func anExplicitProfileBeatsTheEnvironmentAndItsKeyStaysWithItsURL() throws {
    let env = ["DOKPLOY_URL": "http://127.0.0.1:9999", "DOKPLOY_API_KEY": "ENVKEY"]
    let w = try #require(try resolve(ConnectionSettings(profile: "work"), env: env).connection)
    #expect(w.baseURL == "https://work.example.com/api")
    #expect(w.apiKey == "WORKKEY")
    #expect(w.profile == "work")
    #expect(w.source == .profile)

    let e = #expect(throws: CallError.self) { try resolve(ConnectionSettings(url: "http://other", profile: "work")) }
    #expect(e?.kind == .argument)
    #expect(e?.message.contains("not the server of profile 'work'") == true, "\(e?.message ?? "")")
    let given = try #require(try resolve(ConnectionSettings(url: "http://other", apiKey: "OTHERKEY", profile: "work")).connection)
    #expect(given.apiKey == "OTHERKEY")
    let same = try #require(try resolve(ConnectionSettings(url: "https://work.example.com", profile: "work")).connection)
    #expect(same.apiKey == "WORKKEY")

    // The environment's key does not follow --url to another server than the environment's.
    let f = try #require(try resolve(ConnectionSettings(url: "http://flag"), env: env).connection)
    #expect(f.apiKey == nil)
    let onlyKey = try #require(try resolve(ConnectionSettings(url: "http://flag"), env: ["DOKPLOY_API_KEY": "ENVKEY"]).connection)
    #expect(onlyKey.apiKey == "ENVKEY")
  }

  /// Issue 14, bug 10: a local address without a scheme is a hint, not a TLS error later.
  @Test func aLocalAddressWithoutASchemeIsAHint() throws {
    let e = #expect(throws: CallError.self) { try resolve(ConnectionSettings(url: "127.0.0.1:4000")) }
    #expect(e?.hints.first?.contains("http://127.0.0.1:4000") == true)
    let remote = try #require(try resolve(ConnectionSettings(url: "dokploy.example.com")).connection)
    #expect(remote.baseURL == "https://dokploy.example.com/api")
  }
}

/// Issue 23: a profile's `api_key_cmd` is kept (and the key it prints is not written); the REPL
/// prompt names the profile and the server's version.
@Suite struct KeyCommandProfileTests {
  @Test func apiKeyCmdRoundTripsAndGivesTheKey() throws {
    let config = try ProfileConfig.parse(
      "default = \"v\"\n[profiles.v]\nurl = \"https://d.example\"\napi_key_cmd = \"printf 'k-from-cmd\\\\n'\"\n")
    let p = try #require(config.profile(named: "v"))
    #expect(p.apiKeyCommand == "printf 'k-from-cmd\\n'")
    #expect(p.apiKey == nil)
    #expect(try ProfileConfig.parse(config.serialized()) == config)
    let target = try ConnectionResolver(config: config, environment: { _ in nil }).resolve(ConnectionSettings())
    #expect(target.connection?.apiKey == "k-from-cmd")
    var quiet = ConnectionResolver(config: config, environment: { _ in nil })
    quiet.readsKeys = false
    #expect(try quiet.resolve(ConnectionSettings()).connection?.apiKey == nil, "completion never runs the command")
  }

  @Test func thePromptNamesTheProfileAndVersion() {
    let c = Connection(baseURL: "https://d.example/api", profile: "prod")
    #expect(ServerIdentity.promptName(c, version: "v0.30.2") == "prod v0.30.2")
    #expect(ServerIdentity.promptName(Connection(baseURL: "https://d.example:8443/api"), version: nil) == "d.example:8443")
  }
}
