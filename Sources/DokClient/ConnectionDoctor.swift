import DokCore

/// `dok doctor`'s checks, in order: the URL, DNS, TCP, TLS; whether a Dokploy answers; its
/// version and the cached document; the key, its organization and role; what it may do; the
/// live-log WebSocket; clock skew and latency. Each check is ok, a warning or a failure with the
/// fix in one line; a failure skips what depends on it. Nothing is changed on the server: every
/// call is a read (`settings.health`, `settings.getDokployVersion`, `user.get`,
/// `organization.one`, `user.getPermissions`) and the WebSocket is opened without a log path.
public struct ConnectionDoctor: Sendable {
  public var connection: Connection
  /// `$XDG_CACHE_HOME/dok`, to compare the cached document's version; nil for none.
  public var cacheDirectory: String?
  /// Seconds since 1970 (replaceable in tests).
  public var now: @Sendable () -> Double = FileIO.unixTime

  public init(connection: Connection, cacheDirectory: String? = nil) {
    self.connection = connection
    self.cacheDirectory = cacheDirectory
  }

  /// Runs every check and returns the report (it never throws: what fails is in the report).
  public func run() async -> DoctorReport {
    var report = DoctorReport(server: connection.serverURL)
    let network = DoctorNetworkChecks(connection: connection, timeout: min(connection.timeout, 10), now: now)
    guard await network.run(into: &report) else {
      skip(
        ["dokploy", "version", "key", "permissions", "websocket", "clock", "latency"], "the server cannot be reached", in: &report
      )
      return report
    }
    let session = DokSession(connection: connection, retry: RetryPolicy.none)
    await serverChecks(session, into: &report)
    await session.shutdown()
    return report
  }

  /// Everything after the network: the server, the key, the WebSocket, the clock and latency.
  private func serverChecks(_ session: DokSession, into report: inout DoctorReport) async {
    let server = DoctorServerChecks(session: session, cacheDirectory: cacheDirectory, now: now)
    let sentAt = now()
    guard let health = await server.identify(into: &report) else {
      skip(["version", "key", "permissions", "websocket", "clock", "latency"], "no Dokploy answered", in: &report)
      return
    }
    _ = await server.version(into: &report)
    let keys = DoctorKeyChecks(session: session)
    if await keys.key(into: &report) {
      await keys.permissions(into: &report)
    } else {
      skip(["permissions"], "needs an accepted key", in: &report)
    }
    report.checks.append(await DoctorWebSocketCheck(connection: connection, timeout: min(connection.timeout, 10)).run())
    server.clock(health, sentAt: sentAt, into: &report)
    await server.latency(into: &report)
  }

  private func skip(_ names: [String], _ why: String, in report: inout DoctorReport) {
    for n in names where report.check(n) == nil { report.checks.append(DoctorCheck(n, .skipped, why)) }
  }
}
