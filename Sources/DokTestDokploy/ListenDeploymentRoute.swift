import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOWebSocket

/// The server side of Dokploy's `/listen-deployment?logPath=…` WebSocket, reusable on any
/// Hummingbird router whose context supports WebSockets: it checks `x-api-key` (when a key is
/// set; a bad key closes the socket plainly), closes with 4000 "logPath no provided" or
/// "Invalid log path" (a path outside `logRoot` or missing), else sends the file from its first
/// line and then follows it like `tail -n +1 -f` until the client goes away.
///
/// ```swift
/// let router = Router(context: BasicWebSocketRequestContext.self)
/// ListenDeploymentRoute(apiKey: key, logRoot: dir).register(on: router)
/// let app = Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: router), …)
/// ```
public struct ListenDeploymentRoute: Sendable {
  /// The key clients must send in `x-api-key`; nil accepts any.
  public var apiKey: String?
  /// Log files must be inside this directory.
  public var logRoot: String
  /// How often a followed file is checked for new bytes.
  public var pollInterval: Duration = .milliseconds(10)

  public init(apiKey: String?, logRoot: String) {
    self.apiKey = apiKey
    self.logRoot = logRoot
  }

  /// Adds `GET /listen-deployment` (a WebSocket upgrade) to `router`.
  public func register<Context: WebSocketRequestContext>(on router: Router<Context>) {
    let route = self
    router.ws("/listen-deployment") { inbound, outbound, context in
      let request = context.request
      if let key = route.apiKey, request.headers[HTTPField.Name("x-api-key")!] != key {
        try await outbound.close(.normalClosure, reason: nil)
        return
      }
      guard let logPath = request.uri.queryParameters.get("logPath"), !logPath.isEmpty else {
        try await outbound.close(.unknown(4000), reason: "logPath no provided")
        return
      }
      let resolved = URL(fileURLWithPath: logPath).standardizedFileURL.path
      guard resolved.hasPrefix(route.logRoot + "/"), FileManager.default.fileExists(atPath: resolved) else {
        try await outbound.close(.unknown(4000), reason: "Invalid log path")
        return
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          // Ends when the client closes.
          for try await _ in inbound {}
        }
        group.addTask { try await route.follow(resolved) { try await outbound.write(.text($0)) } }
        _ = try await group.next()
        group.cancelAll()
      }
    }
  }

  /// Sends the file's text from its start, then new bytes as they are appended, until cancelled.
  func follow(_ path: String, send: (String) async throws -> Void) async throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    var pending: [UInt8] = []
    while !Task.isCancelled {
      let data = handle.availableData
      if !data.isEmpty {
        pending += data
        // Send whole UTF-8 sequences only (a write may stop inside a character).
        var cut = pending.count
        while cut > 0 && pending[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
        if cut > 0 && pending[cut - 1] >= 0xC0 { cut -= 1 }
        if cut == 0 { cut = pending.count }
        try await send(String(decoding: pending[..<cut], as: UTF8.self))
        pending.removeFirst(cut)
        continue
      }
      try await Task.sleep(for: pollInterval)
    }
  }
}
