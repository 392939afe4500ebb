import DokCore
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// The network half of `dok doctor`: the URL as dok reads it, the host's name (DNS), a TCP
/// connection, and for `https://` the TLS handshake (verification, a self-signed or unknown
/// certificate, expiry within 14 days). Each is one ``DoctorCheck``; a failure skips what depends
/// on it. Nothing is sent besides the handshake.
struct DoctorNetworkChecks: Sendable {
  var connection: Connection
  /// Seconds allowed for a connect and for a handshake.
  var timeout: Double
  /// Seconds since 1970 (replaceable in tests).
  var now: @Sendable () -> Double = FileIO.unixTime

  /// A certificate expiring within this many days is a warning.
  static let expiryWarningDays = 14.0

  /// Appends the URL, DNS, TCP and TLS checks; false when the server cannot be reached.
  func run(into report: inout DoctorReport) async -> Bool {
    guard let parts = URLParts(connection.baseURL) else {
      report.checks.append(
        DoctorCheck("url", .fail, "'\(connection.baseURL)' is not an http(s) URL", fix: "pass --url https://HOST"))
      return false
    }
    report.checks.append(urlCheck(parts))
    let host = parts.host.hasPrefix("[") ? String(parts.host.dropFirst().dropLast()) : parts.host
    let port = parts.effectivePort
    switch await connect(host: host, port: port, tls: nil) {
    case .success(let remote):
      let address = remote ?? host
      report.checks.append(
        DoctorCheck("dns", .ok, Self.isAddressLiteral(host) ? "\(host) is an address" : "\(host) resolves (\(address))"))
      report.checks.append(DoctorCheck("tcp", .ok, "connected to \(address) port \(port)"))
    case .failure(let failure):
      switch failure {
      case .dns(let reason):
        report.checks.append(
          DoctorCheck(
            "dns", .fail, "cannot resolve \(host): \(reason)", fix: "check the host name in the URL, or your DNS/resolver"))
        report.checks.append(DoctorCheck("tcp", .skipped, "needs the host's address"))
      case .tcp(let reason, let fix):
        if !Self.isAddressLiteral(host) { report.checks.append(DoctorCheck("dns", .ok, "\(host) resolves")) }
        report.checks.append(DoctorCheck("tcp", .fail, "cannot connect to \(host) port \(port): \(reason)", fix: fix))
      case .tls:
        break
      }
      if parts.scheme == "https" { report.checks.append(DoctorCheck("tls", .skipped, "needs a TCP connection")) }
      return false
    }
    guard parts.scheme == "https" else { return true }
    let tls = await tlsCheck(host: host, port: port)
    report.checks.append(tls)
    return tls.status != .fail
  }

  /// The URL as dok reads it: scheme, host, and where `/api` is.
  func urlCheck(_ parts: URLParts) -> DoctorCheck {
    let local = parts.host == "localhost" || parts.host.hasPrefix("127.") || parts.host == "[::1]"
    if parts.scheme == "http" && !local {
      return DoctorCheck(
        "url", .warn, "\(connection.baseURL): plain HTTP, so the API key crosses the network unencrypted",
        fix: "use https:// if the server has a certificate (Dokploy's Traefik can get one from Let's Encrypt)")
    }
    let prefix = parts.path.hasSuffix("/api") ? String(parts.path.dropLast(4)) : parts.path
    let detail =
      prefix.isEmpty
      ? "\(connection.baseURL) (calls go to \(parts.origin)/api/ROUTER.PROCEDURE)"
      : "\(connection.baseURL) (under the path prefix \(prefix))"
    return DoctorCheck("url", .ok, detail)
  }

  /// The TLS handshake with verification; when that fails for the certificate, again without
  /// verification to tell an untrusted certificate from a server that does not speak TLS.
  func tlsCheck(host: String, port: Int) async -> DoctorCheck {
    let verify = !connection.insecure
    switch await connect(host: host, port: port, tls: verify) {
    case .success(let expiry):
      return expiryCheck(expiry, verified: verify)
    case .failure(.tls(let reason)):
      if reason.contains("WRONG_VERSION_NUMBER") || reason.contains("PACKET_LENGTH") || reason.contains("HTTP_REQUEST") {
        return DoctorCheck(
          "tls", .fail, "\(host):\(port) does not speak TLS (\(reason))",
          fix: "the server answers plain HTTP here: use http://\(host):\(port)")
      }
      guard verify, case .success(let expiry) = await connect(host: host, port: port, tls: false) else {
        return DoctorCheck(
          "tls", .fail, "TLS handshake failed: \(reason)", fix: "check the server's TLS set-up (proxy, certificate)")
      }
      let until = expiry.flatMap { Double($0) }.map { "; valid until \(Self.date($0))" } ?? ""
      return DoctorCheck(
        "tls", .fail,
        "the certificate is not trusted (self-signed, or from an unknown authority, or for another name: \(reason))\(until)",
        fix:
          "give the server a trusted certificate, or pass --insecure (dok login --insecure saves it) only for a server you trust")
    case .failure(let other):
      return DoctorCheck("tls", .fail, "TLS handshake failed: \(other.text)", fix: "check the server's TLS set-up")
    }
  }

  /// Ok, or a warning when the certificate expires within 14 days (or has expired).
  func expiryCheck(_ expiry: String?, verified: Bool) -> DoctorCheck {
    let how = verified ? "verified" : "not verified (--insecure)"
    guard let notAfter = expiry.flatMap(Double.init) else {
      return DoctorCheck("tls", verified ? .ok : .warn, "certificate \(how)")
    }
    let days = (notAfter - now()) / 86_400
    if days < 0 {
      return DoctorCheck(
        "tls", .fail, "the certificate expired on \(Self.date(notAfter))", fix: "renew the server's certificate")
    }
    if days < Self.expiryWarningDays {
      return DoctorCheck(
        "tls", .warn,
        "certificate \(how), but it expires in \(Int(days)) day\(Int(days) == 1 ? "" : "s") (\(Self.date(notAfter)))",
        fix: "renew the server's certificate (Traefik renews Let's Encrypt certificates 30 days ahead: check its logs)")
    }
    let detail = "certificate \(how), valid until \(Self.date(notAfter))"
    return verified
      ? DoctorCheck("tls", .ok, detail)
      : DoctorCheck("tls", .warn, detail, fix: "drop --insecure once the certificate is trusted")
  }

  /// Why a connection did not come up.
  enum Failure: Error {
    case dns(String)
    case tcp(String, fix: String)
    case tls(String)

    var text: String {
      switch self {
      case .dns(let s), .tls(let s): s
      case .tcp(let s, _): s
      }
    }
  }

  /// Connects (and with `tls` non-nil, completes a handshake, verifying when true). Succeeds
  /// with the remote address (plain) or the certificate's expiry in seconds since 1970 (TLS).
  func connect(host: String, port: Int, tls: Bool?) async -> Result<String?, Failure> {
    let seconds = max(0.05, min(timeout, 10))
    var context: NIOSSLContext?
    if let verify = tls {
      var config = TLSConfiguration.makeClientConfiguration()
      if !verify { config.certificateVerification = .none }
      do {
        context = try NIOSSLContext(configuration: config)
      } catch {
        return .failure(.tls("\(error)"))
      }
    }
    let group = MultiThreadedEventLoopGroup.singleton
    let handshake = tls == nil ? nil : group.any().makePromise(of: Void.self)
    let serverName = Self.isAddressLiteral(host) ? nil : host
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.milliseconds(Int64(seconds * 1000)))
      .channelInitializer { channel in
        guard let context, let handshake else { return channel.eventLoop.makeSucceededVoidFuture() }
        return channel.eventLoop.makeCompletedFuture {
          let ssl = try NIOSSLClientHandler(context: context, serverHostname: serverName)
          try channel.pipeline.syncOperations.addHandler(ssl)
          try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: handshake))
        }
      }
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: host, port: port).get()
    } catch {
      handshake?.fail(error)
      return .failure(Self.classifyConnect(error, seconds: seconds))
    }
    defer { channel.close(promise: nil) }
    guard let handshake else { return .success(channel.remoteAddress.map(Self.describe)) }
    let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
      handshake.fail(Failure.tls("no TLS handshake within \(Int(seconds)) s"))
    }
    defer { timer.cancel() }
    do {
      try await handshake.futureResult.get()
      let certificate = try await channel.nioSSL_peerCertificate().get()
      return .success(certificate.map { String(Int($0.notValidAfter)) })
    } catch let f as Failure {
      return .failure(f)
    } catch {
      return .failure(.tls(AsyncHTTPTransport.tlsReason(error)))
    }
  }

  static func classifyConnect(_ error: any Error, seconds: Double) -> Failure {
    if let e = error as? NIOConnectionError {
      if e.connectionErrors.isEmpty {
        let reason = e.dnsAError.map { "\($0)" } ?? e.dnsAAAAError.map { "\($0)" } ?? "no address"
        return .dns(reason)
      }
      return tcpFailure(e.connectionErrors.first!.error, seconds: seconds)
    }
    return tcpFailure(error, seconds: seconds)
  }

  static func tcpFailure(_ error: any Error, seconds: Double) -> Failure {
    if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
      return .tcp(
        "connection refused", fix: "nothing listens on that port: check the port in the URL and that Dokploy (or its proxy) runs")
    }
    if let c = error as? ChannelError, case .connectTimeout = c {
      return .tcp(
        "no answer within \(Int(seconds.rounded(.up))) s (timed out)",
        fix: "a firewall may drop the connection: check the port is open from here")
    }
    if let io = error as? IOError, io.errnoCode == EHOSTUNREACH || io.errnoCode == ENETUNREACH {
      return .tcp("host or network unreachable", fix: "check the route to the server (VPN, firewall)")
    }
    return .tcp("\(error)", fix: "check the URL and the network")
  }

  static func isAddressLiteral(_ host: String) -> Bool {
    host.contains(":") || (!host.isEmpty && host.allSatisfy { $0.isNumber || $0 == "." })
  }

  static func describe(_ address: SocketAddress) -> String { address.ipAddress ?? "\(address)" }

  /// `2027-03-01` for seconds since 1970 (UTC).
  static func date(_ seconds: Double) -> String {
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = Int((seconds / 86_400).rounded(.down)) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}

/// Completes a promise when the TLS handshake completes or fails.
private final class HandshakeWatcher: ChannelInboundHandler {
  typealias InboundIn = NIOAny
  let promise: EventLoopPromise<Void>
  var done = false

  init(promise: EventLoopPromise<Void>) { self.promise = promise }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if let e = event as? TLSUserEvent, case .handshakeCompleted = e, !done {
      done = true
      promise.succeed()
    }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if !done {
      done = true
      promise.fail(error)
    }
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    if !done {
      done = true
      promise.fail(DoctorNetworkChecks.Failure.tls("the server closed the connection during the handshake"))
    }
    context.fireChannelInactive()
  }
}
