import DokCore

/// The server half of `dok doctor`: is a Dokploy answering at this URL (`settings.health`'s
/// JSON, not an HTML page or a 404 on every route), its version and whether the cached document
/// matches it, the clock skew from the `Date` header, and the latency (median of 5 health calls).
struct DoctorServerChecks: Sendable {
  var session: DokSession
  /// `$XDG_CACHE_HOME/dok` (for the cached document's version), or nil.
  var cacheDirectory: String?
  var now: @Sendable () -> Double = FileIO.unixTime

  /// Clock skew above this many seconds is a warning (tokens and logs' times drift).
  static let skewWarningSeconds = 60.0
  /// A median health call slower than this is a warning.
  static let slowSeconds = 1.0

  /// A raw exchange with its time; never retried (the doctor reports what happens).
  func exchange(_ name: String) async -> (Result<HTTPResponse, CallError>, seconds: Double) {
    let request = RequestBuilder(connection: session.connection).request(name: name, method: "GET", input: JSONObject())
    let clock = ContinuousClock()
    let start = clock.now
    do {
      let response = try await session.exchange(request, retry: RetryPolicy.none)
      return (.success(response), DokSession.seconds(clock.now - start))
    } catch {
      return (.failure(error), DokSession.seconds(clock.now - start))
    }
  }

  /// `dokploy`: whether `settings.health` answers JSON. Returns the reply when it does.
  func identify(into report: inout DoctorReport) async -> HTTPResponse? {
    let (result, _) = await exchange("settings.health")
    let response: HTTPResponse
    switch result {
    case .failure(let e):
      report.checks.append(
        DoctorCheck(
          "dokploy", .fail, "no reply to settings.health: \(e.message)", fix: "check the URL and the proxy in front of Dokploy"))
      return nil
    case .success(let r): response = r
    }
    if let html = Self.htmlTitle(response) {
      report.checks.append(
        DoctorCheck(
          "dokploy", .fail,
          "not a Dokploy API at this URL: settings.health got HTTP \(response.status) with an HTML page\(html.isEmpty ? "" : " ('\(html)')")\(Self.serverHeader(response))",
          fix:
            "a proxy, a firewall (WAF) or a login page answered: give the address of Dokploy itself (its web UI's address), with or without /api"
        ))
      return nil
    }
    if response.status == 404 {
      let (other, _) = await exchange("settings.getDokployVersion")
      if case .success(let r) = other, r.status == 404 {
        report.checks.append(
          DoctorCheck(
            "dokploy", .fail,
            "not a Dokploy API at this URL: 404 on every route (settings.health, settings.getDokployVersion)\(Self.serverHeader(response))",
            fix: "check the URL: Dokploy's API is at https://HOST/api (a path prefix, if any, goes before /api)"))
        return nil
      }
    }
    guard (200..<300).contains(response.status), let value = try? JSONParser.parse(response.body) else {
      let excerpt = String(decoding: response.body.prefix(120), as: UTF8.self).trimming()
      report.checks.append(
        DoctorCheck(
          "dokploy", .fail,
          "settings.health answered HTTP \(response.status)\(response.contentType.isEmpty ? "" : " (\(response.contentType))")\(excerpt.isEmpty ? "" : ": \(excerpt)")",
          fix: response.status >= 500
            ? "the server (or its proxy) fails: check Dokploy's logs (docker service logs dokploy)" : "check the URL"))
      return nil
    }
    report.checks.append(DoctorCheck("dokploy", .ok, "settings.health answered \(JSONWriter.compact(Self.unwrapTRPC(value)))"))
    return response
  }

  /// `version` and `document`: the server's Dokploy version, and whether the cached API document
  /// is for it. A version that needs a key the server refused is skipped.
  func version(into report: inout DoctorReport) async -> String? {
    let version: String
    do {
      let value = try await session.callRaw(name: "settings.getDokployVersion", method: "GET", retry: RetryPolicy.none)
      guard let v = value.stringValue else {
        report.checks.append(
          DoctorCheck("version", .warn, "settings.getDokployVersion answered \(value.compactText), not a version"))
        return nil
      }
      version = v
    } catch  where error.httpStatus == 401 {
      report.checks.append(DoctorCheck("version", .skipped, "settings.getDokployVersion needs an accepted key (see key)"))
      return nil
    } catch {
      report.checks.append(
        DoctorCheck(
          "version", .warn, "settings.getDokployVersion failed: \(error.message)",
          fix: "an older Dokploy may not have it; dok works from the document it serves"))
      return nil
    }
    report.checks.append(DoctorCheck("version", .ok, "Dokploy \(version)"))
    let cached = SpecProvider(cacheDirectory: cacheDirectory).cachedVersion(for: session.connection)
    switch cached {
    case nil:
      report.checks.append(DoctorCheck("document", .ok, "no cached API document yet (dok fetches it at first use)"))
    case version?:
      report.checks.append(DoctorCheck("document", .ok, "the cached API document is for \(version)"))
    case let other?:
      report.checks.append(
        DoctorCheck(
          "document", .warn, "the cached API document is for \(other), the server runs \(version)",
          fix: "dok spec refresh (dok also reloads it by itself when its check interval passes)"))
    }
    return version
  }

  /// `clock`: the difference between the server's `Date` header and this machine's clock.
  func clock(_ response: HTTPResponse, sentAt: Double, into report: inout DoctorReport) {
    guard let header = response.header("date"), let serverTime = HTTPDate.parse(header) else {
      report.checks.append(DoctorCheck("clock", .skipped, "the reply had no Date header"))
      return
    }
    let skew = serverTime - sentAt
    let text = "the server's clock is \(Self.duration(abs(skew))) \(skew >= 0 ? "ahead of" : "behind") this machine's"
    if abs(skew) > Self.skewWarningSeconds {
      report.checks.append(
        DoctorCheck(
          "clock", .warn, text,
          fix: "run NTP (timedatectl set-ntp true) on the machine that is off: times in logs and deployments will not match"))
    } else {
      report.checks.append(DoctorCheck("clock", .ok, abs(skew) < 2 ? "in step with this machine's (within 2 s)" : text))
    }
  }

  /// `latency`: the median of 5 `settings.health` calls on the kept-alive connection.
  func latency(into report: inout DoctorReport) async {
    var times: [Double] = []
    for _ in 0..<5 {
      let (result, seconds) = await exchange("settings.health")
      guard case .success(let r) = result, (200..<300).contains(r.status) else {
        report.checks.append(
          DoctorCheck(
            "latency", .warn, "a settings.health call failed while measuring",
            fix: "the connection is unsteady: try again, or check the network"))
        return
      }
      times.append(seconds)
    }
    times.sort()
    let median = times[2]
    let text =
      "median of 5 settings.health calls: \(Self.milliseconds(median)) (fastest \(Self.milliseconds(times[0])), slowest \(Self.milliseconds(times[4])))"
    if median > Self.slowSeconds {
      report.checks.append(
        DoctorCheck("latency", .warn, text, fix: "a slow link or an overloaded server: raise --timeout for long calls"))
    } else {
      report.checks.append(DoctorCheck("latency", .ok, text))
    }
  }

  /// The `<title>` of an HTML reply ("" when it has none); nil when the reply is not HTML.
  static func htmlTitle(_ response: HTTPResponse) -> String? {
    let head = String(decoding: response.body.prefix(4096), as: UTF8.self)
    let start = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }.prefix(15).lowercased()
    guard response.contentType == "text/html" || start.hasPrefix("<!doctype html") || start.hasPrefix("<html") else { return nil }
    guard let open = head.range(of: "<title>") ?? head.range(of: "<TITLE>") ?? head.range(of: "<Title>") else { return "" }
    let rest = head[open.upperBound...]
    let title = rest.prefix { $0 != "<" }.trimming()
    return String(title.prefix(80))
  }

  /// `, served by nginx/1.25` from the `Server` header.
  static func serverHeader(_ response: HTTPResponse) -> String {
    response.header("server").map { ", served by \($0)" } ?? ""
  }

  /// A tRPC envelope's `result.data.json`, else the value itself.
  static func unwrapTRPC(_ value: JSON) -> JSON {
    value["result"]?["data"]?["json"] ?? value
  }

  static func milliseconds(_ s: Double) -> String { "\(Int((s * 1000).rounded())) ms" }

  static func duration(_ s: Double) -> String {
    s < 120 ? "\(Int(s.rounded())) s" : s < 7200 ? "\(Int((s / 60).rounded())) min" : "\(Int((s / 3600).rounded())) h"
  }
}
