import DokCore
import NIOCore
import NIOPosix
import NIOSSL

/// `dok doctor`'s live-log check: asks the server to upgrade `/listen-deployment` to a WebSocket
/// (with the key, as dok's build-log stream does) and reads the answer's status line. Dokploy
/// answers 101 and then closes the socket, as there is no log path; a proxy that does not pass
/// upgrades answers something else (what answered is reported).
struct DoctorWebSocketCheck: Sendable {
  var connection: Connection
  var timeout: Double

  func run() async -> DoctorCheck {
    guard let parts = URLParts(connection.serverURL + "/listen-deployment") else {
      return DoctorCheck("websocket", .skipped, "no usable URL")
    }
    let scheme = parts.scheme == "https" ? "wss" : "ws"
    let url = "\(scheme)://\(parts.authority)\(parts.path)"
    switch await upgrade(parts) {
    case .success(let head):
      let status = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? head
      if status.contains(" 101") {
        return DoctorCheck("websocket", .ok, "live logs: \(url) upgrades to a WebSocket")
      }
      return DoctorCheck(
        "websocket", .warn, "live logs: \(url) answered '\(status)' instead of upgrading to a WebSocket",
        fix:
          "a proxy in between must pass WebSocket upgrades (Upgrade and Connection headers); dok falls back to polling deployment.readLogs"
      )
    case .failure(let message):
      return DoctorCheck(
        "websocket", .warn, "live logs: no WebSocket at \(url): \(message.text)",
        fix: "a proxy in between must pass WebSocket upgrades; dok falls back to polling deployment.readLogs")
    }
  }

  struct Failure: Error {
    var text: String
  }

  /// Sends the upgrade request; the reply's head (status line and headers).
  func upgrade(_ parts: URLParts) async -> Result<String, Failure> {
    let seconds = max(0.05, min(timeout, 10))
    var context: NIOSSLContext?
    if parts.scheme == "https" {
      var config = TLSConfiguration.makeClientConfiguration()
      if connection.insecure { config.certificateVerification = .none }
      do {
        context = try NIOSSLContext(configuration: config)
      } catch {
        return .failure(Failure(text: "\(error)"))
      }
    }
    let host = parts.host.hasPrefix("[") ? String(parts.host.dropFirst().dropLast()) : parts.host
    let group = MultiThreadedEventLoopGroup.singleton
    let head = group.any().makePromise(of: String.self)
    let serverName = DoctorNetworkChecks.isAddressLiteral(host) ? nil : host
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.milliseconds(Int64(seconds * 1000)))
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let context {
            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: serverName))
          }
          try channel.pipeline.syncOperations.addHandler(HeadReader(promise: head))
        }
      }
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: host, port: parts.effectivePort).get()
    } catch {
      head.fail(error)
      return .failure(Failure(text: "\(error)"))
    }
    defer { channel.close(promise: nil) }
    let timer = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
      head.fail(Failure(text: "no answer within \(Int(seconds)) s"))
    }
    defer { timer.cancel() }
    var request = "GET \(parts.path) HTTP/1.1\r\nHost: \(parts.authority)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    request += "Sec-WebSocket-Key: ZG9rLWRvY3Rvci1wcm9iZQ==\r\nSec-WebSocket-Version: 13\r\n"
    if let key = connection.apiKey, !key.isEmpty { request += "\(HTTPRequest.apiKeyHeader): \(key)\r\n" }
    request += "\r\n"
    channel.writeAndFlush(ByteBuffer(string: request), promise: nil)
    do {
      return .success(try await head.futureResult.get())
    } catch let f as Failure {
      return .failure(f)
    } catch {
      return .failure(Failure(text: "\(error)"))
    }
  }
}

/// Collects a reply up to the end of its head (at most 8 KB) and completes the promise with it.
private final class HeadReader: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  let promise: EventLoopPromise<String>
  var text = ""
  var done = false

  init(promise: EventLoopPromise<String>) { self.promise = promise }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    text += buffer.readString(length: buffer.readableBytes) ?? ""
    if !done, let end = text.range(of: "\r\n\r\n") {
      done = true
      promise.succeed(String(text[..<end.lowerBound]))
    } else if !done, text.utf8.count > 8192 {
      done = true
      promise.succeed(String(text.prefix(200)))
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if !done {
      done = true
      promise.fail(DoctorWebSocketCheck.Failure(text: "\(error)"))
    }
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    if !done {
      done = true
      promise.fail(
        DoctorWebSocketCheck.Failure(
          text: text.isEmpty ? "the server closed the connection without answering" : "an incomplete answer: \(text.prefix(120))")
      )
    }
    context.fireChannelInactive()
  }
}
