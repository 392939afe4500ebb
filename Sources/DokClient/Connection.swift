import DokCore

/// A resolved server connection: where calls go, with which key and how.
/// Other parts of dok (script runner, REPL) receive one of these.
public struct Connection: Sendable, Equatable {
  /// Where the URL came from, for messages.
  public enum Source: String, Sendable {
    case flag, environment, profile, defaultProfile = "default profile"
  }

  /// The API base, normalized: `scheme://host[:port][/prefix]/api`, no trailing slash.
  public var baseURL: String
  /// The API key, when one is configured. Never printed or written outside the config file.
  public var apiKey: String?
  /// The profile the URL came from, if any.
  public var profile: String?
  public var source: Source
  public var transport: WireForm
  /// Skip TLS certificate verification (`--insecure`).
  public var insecure: Bool
  /// Per-request timeout in seconds (default 30).
  public var timeout: Double
  /// The largest reply accepted, in bytes (default 32 MB).
  public var maxReplyBytes: Int
  /// Seconds the cached API document is trusted between version checks (the profile's
  /// `spec_check_interval`); nil for the default.
  public var specCheckInterval: Double?

  /// The default per-request timeout.
  public static let defaultTimeout = 30.0
  /// The default reply size cap.
  public static let defaultMaxReplyBytes = 32 << 20

  public init(
    baseURL: String, apiKey: String? = nil, profile: String? = nil, source: Source = .flag, transport: WireForm = .openapi,
    insecure: Bool = false, timeout: Double = Connection.defaultTimeout, maxReplyBytes: Int = Connection.defaultMaxReplyBytes
  ) {
    self.baseURL = baseURL
    self.apiKey = apiKey
    self.profile = profile
    self.source = source
    self.transport = transport
    self.insecure = insecure
    self.timeout = timeout
    self.maxReplyBytes = maxReplyBytes
  }

  /// The server's origin URL without `/api` (e.g. `https://dokploy.example.com`).
  public var serverURL: String {
    baseURL.hasSuffix("/api") ? String(baseURL.dropLast(4)) : baseURL
  }

  /// `host[:port]` of the server (the REPL's prompt name when no profile is used).
  public var authority: String { URLParts(baseURL)?.authority ?? serverURL }

  /// A hint for a URL typed without a scheme, like `127.0.0.1:4000` or `localhost:3000`
  /// (normalized to https://, which a plain-HTTP local server answers with a TLS error).
  public static func schemeHint(_ text: String) -> String? {
    let t = text.trimming()
    guard !t.contains("://") else { return nil }
    return "no scheme in '\(t)': dok assumes https://; for a plain-HTTP server write http://\(t)"
  }

  /// True for a URL typed without a scheme whose host is `localhost` or an IP address: such
  /// servers usually speak plain HTTP, so guessing https:// would end in a TLS error.
  public static func needsExplicitScheme(_ text: String) -> Bool {
    let t = text.trimming()
    guard !t.contains("://"), let parts = URLParts("https://" + t) else { return false }
    let h = parts.host
    return h == "localhost" || h.hasPrefix("[") || (!h.isEmpty && h.allSatisfy { $0.isNumber || $0 == "." })
  }

  /// Normalizes what a user typed to `scheme://host[:port][/prefix]/api`: with or without
  /// `/api`, `/api/trpc` or a trailing slash; no scheme means `https://`.
  /// Returns nil for something that is not an http(s) URL.
  public static func normalize(_ text: String) -> String? {
    var s = text.trimming()
    if s.isEmpty { return nil }
    if !s.contains("://") { s = "https://" + s }
    guard let parts = URLParts(s), parts.scheme == "http" || parts.scheme == "https", !parts.host.isEmpty else { return nil }
    var path = parts.path
    while path.hasSuffix("/") { path.removeLast() }
    if path.hasSuffix("/api/trpc") { path.removeLast(5) }
    if !path.hasSuffix("/api") { path += "/api" }
    return "\(parts.scheme)://\(parts.authority)\(path)"
  }
}

/// What the command line, environment and profiles say about the server: a connection, or
/// nothing configured at all (the integrator starts the in-process sandbox then).
public enum ServerTarget: Sendable, Equatable {
  case remote(Connection)
  case unconfigured

  /// True when a server URL was given by a flag, the environment or a profile.
  public var isConfigured: Bool { if case .remote = self { true } else { false } }

  /// The connection, when configured.
  public var connection: Connection? { if case .remote(let c) = self { c } else { nil } }
}

/// The parts of an absolute URL that dok needs (no user-info support).
struct URLParts: Equatable {
  var scheme: String
  var host: String
  var port: Int?
  var path: String
  var query: String?

  init?(_ url: String) {
    guard let r = url.range(of: "://") else { return nil }
    scheme = url[..<r.lowerBound].lowercased()
    var rest = Substring(url[r.upperBound...])
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    rest = rest[authorityEnd...]
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      host = String(authority[...close]).lowercased()
      let after = authority[authority.index(after: close)...]
      port = after.hasPrefix(":") ? Int(after.dropFirst()) : nil
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon]).lowercased()
      guard let p = Int(authority[authority.index(after: colon)...]) else { return nil }
      port = p
    } else {
      host = String(authority).lowercased()
      port = nil
    }
    if let q = rest.firstIndex(of: "?") {
      path = String(rest[..<q])
      query = String(rest[rest.index(after: q)...])
    } else {
      path = String(rest)
      query = nil
    }
  }

  /// `host[:port]` as written (default ports omitted when not given).
  var authority: String { port.map { "\(host):\($0)" } ?? host }

  /// The port, with the scheme's default filled in.
  var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

  /// `scheme://authority`.
  var origin: String { "\(scheme)://\(authority)" }

  /// Resolves a `Location` header value against this URL.
  func resolve(_ location: String) -> String {
    if location.contains("://") { return location }
    if location.hasPrefix("//") { return "\(scheme):\(location)" }
    if location.hasPrefix("/") { return origin + location }
    let dir = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
    return origin + dir + location
  }
}
