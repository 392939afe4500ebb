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
/// flags > environment (`DOKPLOY_URL`, `DOKPLOY_API_KEY` or `DOKPLOY_AUTH_TOKEN`) > `--profile NAME`
/// > the default profile. A profile's key is used only with that profile's URL (or when
/// `--profile` names it), so a key is never sent to a server it was not saved for.
public struct ConnectionResolver: Sendable {
  public var config: ProfileConfig
  public var environment: @Sendable (String) -> String?

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
    } else if let u = envURL {
      (rawURL, source) = (u, .environment)
    } else if let p = chosen, !p.url.isEmpty {
      (rawURL, source) = (p.url, chosenIsExplicit ? .profile : .defaultProfile)
    } else {
      return .unconfigured
    }
    guard let base = Connection.normalize(rawURL) else {
      throw CallError(kind: .argument, message: "not an http(s) URL: '\(rawURL)' (from \(source.rawValue))")
    }
    // The profile's settings apply when its URL is the one in use, or when named explicitly.
    let profileApplies = chosen.map { p in chosenIsExplicit || Connection.normalize(p.url) == base } ?? false
    let profile = profileApplies ? chosen : nil
    let key = s.apiKey ?? envKey ?? profile?.apiKey
    var c = Connection(baseURL: base, apiKey: key, profile: profile?.name, source: source)
    c.transport = s.transport ?? profile?.transport ?? .openapi
    c.insecure = s.insecure ?? profile?.insecure ?? false
    c.timeout = s.timeout ?? profile?.timeout ?? Connection.defaultTimeout
    c.maxReplyBytes = s.maxReplyBytes ?? Connection.defaultMaxReplyBytes
    c.specCheckInterval = profile?.specCheckInterval
    return .remote(c)
  }
}
