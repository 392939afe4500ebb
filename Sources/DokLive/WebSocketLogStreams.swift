import DokClient
import DokRuntime
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOSSL
import NIOWebSocket

/// Dokploy's log WebSockets on a connection's own server: `/listen-deployment` (a deployment's
/// build log, from its first line, then followed) and `/docker-container-logs` (a container's
/// log). Sends the connection's `x-api-key`; honours `--insecure` for `wss://`.
public struct WebSocketLogStreams: LogStreamSource {
  public let connection: Connection

  public init(connection: Connection) { self.connection = connection }

  /// `ws(s)://host/listen-deployment?logPath=…[&serverId=…]`: always the server's own origin (the
  /// key goes nowhere else); `serverId` when the build ran on a remote server (Dokploy reads it there).
  public static func listenURL(serverURL: String, logPath: String, serverId: String? = nil) -> String {
    socketURL(
      serverURL: serverURL, path: "/listen-deployment",
      query: [("logPath", logPath)] + (serverId.map { [("serverId", $0)] } ?? []))
  }

  /// `ws(s)://<the server's own host>/PATH?k=v&…` with the values percent-encoded.
  public static func socketURL(serverURL: String, path: String, query: [(String, String)]) -> String {
    var base = serverURL
    if base.hasPrefix("https://") {
      base = "wss://" + base.dropFirst(8)
    } else if base.hasPrefix("http://") {
      base = "ws://" + base.dropFirst(7)
    }
    while base.hasSuffix("/") { base.removeLast() }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~/")
    let q = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
    return base + path + (q.isEmpty ? "" : "?" + q)
  }

  /// `/listen-deployment`; close code 4000 ("logPath no provided" / "Invalid log path") is a refusal.
  public func followBuildLog(logPath: String, serverId: String?, onText: @escaping @Sendable (String) -> Void) async throws
    -> LogStreamEnd
  {
    let url = Self.listenURL(serverURL: connection.serverURL, logPath: logPath, serverId: serverId)
    let code = try await stream(url: url, onText: onText)
    return code == 4000 ? .refused : .closed
  }

  /// `/docker-container-logs` with Dokploy's web UI's parameters (no search, the native runner).
  public func followContainerLog(containerId: String, tail: Int, since: String, onText: @escaping @Sendable (String) -> Void)
    async throws
  {
    let url = Self.socketURL(
      serverURL: connection.serverURL, path: "/docker-container-logs",
      query: [("containerId", containerId), ("tail", String(tail)), ("since", since), ("search", ""), ("runType", "native")])
    _ = try await stream(url: url, onText: onText)
  }

  /// Opens a WebSocket on the server (with its `x-api-key`) and hands every frame's text to
  /// `onText` until the server closes or the task is cancelled; the close code.
  private func stream(url: String, onText: @escaping @Sendable (String) -> Void) async throws -> Int? {
    var headers = HTTPFields()
    if let key = connection.apiKey { headers[HTTPField.Name("x-api-key")!] = key }
    var tls: TLSConfiguration?
    if url.hasPrefix("wss://") {
      var t = TLSConfiguration.makeClientConfiguration()
      if connection.insecure { t.certificateVerification = .none }
      tls = t
    }
    var logger = Logger(label: "dok.build-log")
    logger.logLevel = .critical
    let close = try await WebSocketClient.connect(
      url: url, configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: headers),
      tlsConfiguration: tls,
      logger: logger
    ) { inbound, _, _ in
      for try await message in inbound.messages(maxSize: 4 << 20) {
        switch message {
        case .text(let s): onText(s)
        case .binary(let b): onText(String(decoding: b.readableBytesView, as: UTF8.self))
        }
      }
    }
    return close.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
  }
}
