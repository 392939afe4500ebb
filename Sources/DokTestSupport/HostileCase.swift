/// The misbehaving replies the tests put dok through, kept once: `HostileServerTests` serve them
/// to `dok call` and `dok run`, and `terminal-tests/hostile.sh` serves them to the REPL through
/// the `dok-hostile-server` executable (as the procedures `hostile.<case>`).
public enum HostileCase: String, CaseIterable, Sendable {
  /// A 200 whose body is not JSON.
  case badJson
  /// A head announcing 1000 bytes, a few of them, then the connection closes.
  case truncated
  /// A head announcing 5000 bytes, a few of them, then a TCP reset.
  case reset
  /// No reply at all.
  case silent
  /// Half a head, then silence.
  case halfHeaders
  /// A head announcing a long body, then two bytes every 100 ms, forever.
  case trickle
  /// A 2 MB body with a Content-Length.
  case huge
  /// A 2 MB body without a Content-Length (it ends when the connection closes).
  case hugeUnannounced
  /// A 500 with a long HTML page.
  case html500
  /// A 502 with `Retry-After: 0` (a GET is retried, then reported).
  case badGateway
  /// A redirect to `/api/elsewhere`, which redirects back.
  case loop
  /// A redirect to the same path on another host (`otherHost`).
  case offsite

  /// The reply to `request`. `home` is the path `loop` redirects back to; `otherHost` the
  /// origin `offsite` sends the client to (say `http://localhost:4321`).
  public func reply(to request: HostileServer.Request, home: String, otherHost: String = "http://localhost:9") -> HostileReply {
    switch self {
    case .badJson: return .json(200, "{\"projects\": [1, 2,")
    case .truncated:
      return .raw(Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"a\": [1, 2".utf8))
    case .reset:
      return .rawThenReset(
        Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n[{\"projectId\": \"p1\"".utf8))
    case .silent: return .silent
    case .halfHeaders: return .stall(Array("HTTP/1.1 200 OK\r\nContent-Type: applic".utf8))
    case .trickle:
      return .trickle(Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[".utf8))
    case .huge: return .large(size: 2 << 20)
    case .hugeUnannounced: return .largeUnannounced(size: 2 << 20)
    case .html500:
      let html =
        "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1>"
        + String(repeating: "<p>x</p>", count: 500) + "</body></html>"
      return .reply(status: 500, headers: [("Content-Type", "text/html")], body: Array(html.utf8))
    case .badGateway:
      return .reply(
        status: 502, headers: [("Content-Type", "text/html"), ("Retry-After", "0")],
        body: Array("<html><body>Bad Gateway</body></html>".utf8))
    case .loop:
      return .reply(status: 302, headers: [("Location", request.path == home ? "/api/elsewhere" : home)], body: [])
    case .offsite:
      return .reply(status: 307, headers: [("Location", otherHost + request.path)], body: [])
    }
  }

  /// A document listing `hostile.<case>` for every case (GET, no parameters), plus the two
  /// procedures dok asks for on connecting.
  public static var document: String {
    let procedures = allCases.map { "\"/hostile.\($0.rawValue)\":{\"get\":{}}" }.joined(separator: ",")
    return #"{"openapi":"3.1.0","info":{"title":"Dokploy","version":"1.0.0"},"paths":{"#
      + procedures + #","/settings.getDokployVersion":{"get":{}},"/settings.getOpenApiDocument":{"get":{}}}}"#
  }

  /// A server that answers the version and ``document`` properly and misbehaves on
  /// `/api/hostile.<case>` (and `/api/elsewhere`, the far end of `loop`).
  public static func server(otherHost: String) throws -> HostileServer {
    try HostileServer { r in
      let path = String(r.path.prefix { $0 != "?" })
      switch path {
      case "/api/settings.getDokployVersion": return .json(200, #""v0.25.0""#)
      case "/api/settings.getOpenApiDocument": return .json(200, document)
      case "/api/elsewhere": return HostileCase.loop.reply(to: r, home: "/api/hostile.loop")
      default:
        guard path.hasPrefix("/api/hostile."), let c = HostileCase(rawValue: String(path.dropFirst("/api/hostile.".count))) else {
          return .json(404, #"{"message":"Not found","code":"NOT_FOUND"}"#)
        }
        return c.reply(to: r, home: path, otherHost: otherHost)
      }
    }
  }
}
