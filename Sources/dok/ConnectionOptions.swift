import ArgumentParser
import DokClient
import DokCore
import DokPresentation

/// `--url/--api-key/--profile/--transport/--insecure/--timeout/--verbose/--no-validate`:
/// which server to talk to and how. Reused by `dok call`, `dok run` and the REPL.
struct ConnectionOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The Dokploy server (with or without /api). Env: DOKPLOY_URL.", valueName: "URL"))
  var url: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The API key. Env: DOKPLOY_API_KEY (or DOKPLOY_AUTH_TOKEN); prefer it or a profile (flags show in ps).", valueName: "KEY"))
  var apiKey: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A saved connection from config.toml (see dok login). dok run and dok call also take a fleet: a,b,c or all.",
      valueName: "NAME"))
  var profile: String?

  @Option(name: .long, help: "Wire form: openapi (GET/POST /api/router.proc, default) or trpc (/api/trpc/…).")
  var transport: WireForm?

  @Flag(name: .long, help: "Do not verify the server's TLS certificate.")
  var insecure = false

  @Option(name: .long, help: ArgumentHelp("Seconds to wait for each reply (default 30).", valueName: "SECONDS"))
  var timeout: Double?

  @Option(name: .long, help: ArgumentHelp("The largest reply accepted, e.g. 32MB (default), 512KB.", valueName: "SIZE"))
  var maxReplySize: String?

  @Flag(
    name: .long, help: "Print each request and reply line (method, URL, status, timing, headers) on stderr; the key shows as ***."
  )
  var verbose = false

  @Flag(name: .long, help: "Send the arguments without checking names, types and required parameters.")
  var noValidate = false

  func validate() throws {
    if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    if let maxReplySize, Self.parseSize(maxReplySize) == nil {
      throw ValidationError("--max-reply-size must be a size like 32MB, 512KB or 1048576")
    }
  }

  /// The command-line part of the connection.
  var settings: ConnectionSettings {
    ConnectionSettings(
      url: url, apiKey: apiKey, profile: Fleet.memberOverride(for: profile) ?? profile, transport: transport,
      insecure: insecure ? true : nil, timeout: timeout,
      maxReplyBytes: maxReplySize.flatMap(Self.parseSize))
  }

  /// The profiles file in the XDG config directory.
  static var store: ProfileStore { ProfileStore(paths: XDGPaths.fromEnvironment()) }

  /// Flags > environment > --profile > default profile. Errors are `DokExit`s (usage).
  func resolve() throws -> ServerTarget {
    if Fleet.isFleet(profile), Fleet.memberOverride(for: profile) == nil {
      throw DokExit.usage("--profile \(profile ?? "") names several servers: only dok run and dok call go to a fleet")
    }
    let config: ProfileConfig
    do {
      config = try Self.store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    do {
      return try ConnectionResolver(config: config).resolve(settings)
    } catch {
      throw DokExit(error)
    }
  }

  /// The connection, or a usage error when no server is configured at all.
  func requireConnection() throws -> Connection {
    guard case .remote(let c) = try resolve() else {
      throw DokExit.usage(
        "no server: pass --url URL (or set DOKPLOY_URL and DOKPLOY_API_KEY), or save one with `dok login --url URL`")
    }
    return c
  }

  /// A session for `connection`, printing request/reply lines on stderr with `--verbose`.
  func makeSession(_ connection: Connection) -> DokSession {
    DokSession(connection: connection, validate: !noValidate, observer: verbose ? VerboseLog.print : nil)
  }

  /// `32MB`, `512KB`, `1GB`, or a byte count.
  static func parseSize(_ text: String) -> Int? {
    let t = text.uppercased().filter { $0 != " " }
    for (suffix, factor) in [
      ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1),
    ]
    where t.hasSuffix(suffix) {
      guard let n = Double(t.dropLast(suffix.count)), n > 0 else { return nil }
      return Int(n * Double(factor))
    }
    guard let n = Int(t), n > 0 else { return nil }
    return n
  }
}

extension WireForm: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `--verbose` lines on stderr (never the key).
enum VerboseLog {
  @Sendable static func print(_ event: SessionEvent) {
    var out = ""
    switch event {
    case .request(let r, let attempt):
      out += "> \(r.method) \(r.url)\(attempt > 0 ? "  (retry \(attempt))" : "")\n"
      for (n, v) in r.redactedHeaders { out += "> \(n): \(v)\n" }
      if let body = r.body { out += "> (\(body.count) byte body)\n" }
    case .response(_, let resp, let seconds):
      out += "< \(resp.status) \(resp.url) (\(ms(seconds)))\n"
      for (n, v) in resp.headers { out += "< \(n): \(v)\n" }
      out += "< (\(resp.body.count) byte body)\n"
    case .failure(let r, let error, let seconds):
      out += "! \(r.method) \(r.url) failed after \(ms(seconds)): \(error.message)\n"
    case .retry(_, let attempt, let delay, let reason):
      out += "! retry \(attempt) in \(ms(delay)) (\(reason))\n"
    }
    Terminal.standardError.write(out)
  }

  static func ms(_ s: Double) -> String { "\(Int((s * 1000).rounded())) ms" }
}
