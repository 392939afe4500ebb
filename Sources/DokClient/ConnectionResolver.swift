import DokCore

/// What the command line says about the server (`ConnectionOptions` in the executable fills it).
public struct ConnectionSettings: Sendable, Equatable {
  public var url: String?
  public var apiKey: String?
  public var profile: String?
  public var transport: WireForm?
  public var insecure: Bool?
  public var timeout: Double?
  public var maxReplyBytes: Int?

  public init(
    url: String? = nil, apiKey: String? = nil, profile: String? = nil, transport: WireForm? = nil, insecure: Bool? = nil,
    timeout: Double? = nil, maxReplyBytes: Int? = nil
  ) {
    self.url = url
    self.apiKey = apiKey
    self.profile = profile
    self.transport = transport
    self.insecure = insecure
    self.timeout = timeout
    self.maxReplyBytes = maxReplyBytes
  }
}

/// Resolves the server from flags, environment and profiles. Precedence for each setting:
/// flags > `--profile NAME` > environment (`DOKPLOY_URL`, `DOKPLOY_API_KEY` or
/// `DOKPLOY_AUTH_TOKEN`, or `DOKPLOY_API_KEY_FILE` naming a file holding it) > the default
/// profile (its `api_key`, or the output of its `api_key_cmd`). A key is only ever sent to the URL it was saved
/// or given with: a profile's key only to the profile's URL (`--url B --profile A` without
/// `--api-key` is an error), the environment's key only with the environment's URL or `--url`.
public struct ConnectionResolver: Sendable {
  public var config: ProfileConfig
  public var environment: @Sendable (String) -> String?
  /// When false, a profile's `api_key_cmd` and `DOKPLOY_API_KEY_FILE` are not read (shell
  /// completion and the cached document need the URL, not the key).
  public var readsKeys = true

  public init(config: ProfileConfig, environment: @escaping @Sendable (String) -> String? = FileIO.environment) {
    self.config = config
    self.environment = environment
  }

  /// The server target, or an argument error (exit 2) for an unknown profile or a bad URL.
  public func resolve(_ s: ConnectionSettings) throws(CallError) -> ServerTarget {
    var chosen: Profile? = nil
    var chosenIsExplicit = false
    if let name = s.profile {
      guard let p = config.profile(named: name) else {
        let names = config.profiles.map(\.name)
        let close = Suggest.closest(to: name, in: names)
        var hints = Suggest.didYouMean(close, quoted: true, separator: " or ").map { [$0] } ?? []
        hints.append(
          names.isEmpty
            ? "no profiles saved yet: dok login --url URL --profile \(name)" : "profiles: \(names.joined(separator: ", "))")
        throw CallError(kind: .argument, message: "no profile named '\(name)'", hints: hints)
      }
      chosen = p
      chosenIsExplicit = true
    } else if let d = config.defaultProfile, let p = config.profile(named: d) {
      chosen = p
    }

    let envURL = environment("DOKPLOY_URL")
    let envKey = environment("DOKPLOY_API_KEY") ?? environment("DOKPLOY_AUTH_TOKEN")
    let rawURL: String
    let source: Connection.Source
    if let u = s.url {
      (rawURL, source) = (u, .flag)
    } else if chosenIsExplicit, let p = chosen, !p.url.isEmpty {
      // An explicit --profile beats the environment.
      (rawURL, source) = (p.url, .profile)
    } else if let u = envURL {
      (rawURL, source) = (u, .environment)
    } else if let p = chosen, !p.url.isEmpty {
      (rawURL, source) = (p.url, .defaultProfile)
    } else {
      return .unconfigured
    }
    if Connection.needsExplicitScheme(rawURL) {
      throw CallError(
        kind: .argument, message: "'\(rawURL)' (from \(source.rawValue)) has no scheme",
        hints: ["write http://\(rawURL.trimming()) for a plain-HTTP server, or https://\(rawURL.trimming())"])
    }
    guard let base = Connection.normalize(rawURL) else {
      throw CallError(
        kind: .argument, message: "not an http(s) URL: '\(rawURL)' (from \(source.rawValue))",
        hints: Connection.schemeHint(rawURL).map { [$0] } ?? [])
    }
    // A profile's settings and key apply only to the URL it was saved with.
    let profile = chosen.flatMap { p in Connection.normalize(p.url) == base ? p : nil }
    if chosenIsExplicit, profile == nil, s.apiKey == nil, let p = chosen {
      throw CallError(
        kind: .argument,
        message: "--url \(rawURL) is not the server of profile '\(p.name)' (\(p.url)); its key is only sent there",
        hints: ["pass --api-key for \(rawURL), or drop --url to use the profile, or drop --profile"])
    }
    // The environment's key goes with the environment's URL (or with --url when no URL is set
    // there); never with an explicitly named profile.
    let envKeyApplies =
      !chosenIsExplicit && (source == .environment || envURL == nil || envURL.flatMap(Connection.normalize) == base)
    var key = s.apiKey ?? (envKeyApplies ? envKey : nil) ?? profile?.apiKey
    if key == nil, readsKeys, envKeyApplies, let file = environment("DOKPLOY_API_KEY_FILE"), !file.isEmpty {
      key = try KeySource.read(file: file, what: "DOKPLOY_API_KEY_FILE")
    }
    if key == nil, readsKeys, let p = profile, let command = p.apiKeyCommand, !command.trimming().isEmpty {
      key = try KeySource.run(command, what: "api_key_cmd of profile '\(p.name)'")
    }
    var c = Connection(baseURL: base, apiKey: key, profile: profile?.name, source: source)
    c.transport = s.transport ?? profile?.transport ?? .openapi
    c.insecure = s.insecure ?? profile?.insecure ?? false
    c.timeout = s.timeout ?? profile?.timeout ?? Connection.defaultTimeout
    c.maxReplyBytes = s.maxReplyBytes ?? Connection.defaultMaxReplyBytes
    c.specCheckInterval = profile?.specCheckInterval
    return .remote(c)
  }
}
