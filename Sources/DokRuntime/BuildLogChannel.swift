import DokClient
import DokCore
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOSSL
import NIOWebSocket

/// How a deployment's build log reaches dok: Dokploy's `/listen-deployment` WebSocket (the file
/// from its first line, then followed), polling `deployment.readLogs`, or not at all.
public enum BuildLogChannel: String, Sendable {
  case webSocket, polling, none

  /// The channel a server offers, decided from its connection and document: the WebSocket when
  /// the server's URL is known, else polling when the document has `deployment.readLogs`.
  public static func preferred(connection: Connection?, hasReadLogs: Bool) -> BuildLogChannel {
    connection != nil ? .webSocket : hasReadLogs ? .polling : .none
  }

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

  /// Connects to `/listen-deployment` and hands every text frame to `onText` until the server
  /// closes or the task is cancelled. Throws when the connection or the upgrade fails; returns
  /// the close code (4000 = "logPath no provided" / "Invalid log path").
  static func listen(
    connection: Connection, logPath: String, serverId: String?, onText: @escaping @Sendable (String) -> Void
  ) async throws -> Int? {
    try await stream(
      connection: connection, url: listenURL(serverURL: connection.serverURL, logPath: logPath, serverId: serverId),
      onText: onText)
  }

  /// Opens a WebSocket on the server (with its `x-api-key`) and hands every frame's text to `onText`.
  static func stream(connection: Connection, url: String, onText: @escaping @Sendable (String) -> Void) async throws -> Int? {
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

/// Cuts text chunks into whole lines (a chunk may end inside a line). A line longer than
/// ``maxLine`` bytes (a progress bar that never ends its line) is handed on in pieces, so the
/// pending text stays bounded.
struct LineSplitter {
  private var pending = ""
  static let maxLine = 64 << 10

  /// The complete lines in `chunk` (and what was pending before it).
  mutating func feed(_ chunk: String) -> [String] {
    pending += chunk
    // "\r\n" is one Character in Swift: both end a line.
    guard pending.contains(where: Self.isNewline) else {
      guard pending.utf8.count > Self.maxLine else { return [] }
      let piece = pending
      pending = ""
      return [piece]
    }
    var parts = pending.split(omittingEmptySubsequences: false, whereSeparator: Self.isNewline).map { String($0) }
    pending = parts.removeLast()
    return parts.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
  }

  static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

  /// Lines of a whole log text (as `deployment.readLogs` returns it).
  static func lines(of text: String) -> [String] {
    var parts = text.split(omittingEmptySubsequences: false, whereSeparator: isNewline).map { String($0) }
    if parts.last == "" { parts.removeLast() }
    return parts.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
  }
}

/// ``LineSplitter`` for tests.
public struct LineSplitterForTests {
  private var splitter = LineSplitter()
  public init() {}
  public mutating func feed(_ chunk: String) -> [String] { splitter.feed(chunk) }
}
