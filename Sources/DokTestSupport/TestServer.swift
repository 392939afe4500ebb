import DokCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// One request exactly as the test server received it.
public struct RecordedRequest: Sendable {
  public var method: String
  /// The request target as sent (path and query, undecoded).
  public var uri: String
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public var path: String { uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? uri }
  public var query: String? { uri.contains("?") ? String(uri.split(separator: "?", maxSplits: 1)[1]) : nil }
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  public func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }
}

/// A scripted reply.
public struct Scripted: Sendable {
  public var status: Int
  public var headers: [(String, String)] = []
  public var body: [UInt8] = []
  /// Seconds to wait before replying.
  public var delay: Double = 0

  public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delay: Double = 0) {
    self.status = status
    self.headers = headers
    self.body = body
    self.delay = delay
  }

  public static func json(_ status: Int = 200, _ text: String, headers: [(String, String)] = []) -> Scripted {
    Scripted(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
  }

  public static func json(_ status: Int = 200, _ value: JSON) -> Scripted { json(status, value.compactText) }

  public static func text(_ status: Int, _ text: String, type: String = "text/html") -> Scripted {
    Scripted(status: status, headers: [("Content-Type", type)], body: Array(text.utf8))
  }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 (port 0) that records every request and answers with a
/// scripted reply.
public final class TestServer: Sendable {
  private let channel: any Channel
  public let port: Int
  private let log = Mutex<[RecordedRequest]>([])
  private let connectionCount = Mutex(0)
  private let children = Mutex<[any Channel]>([])
  public let handler: @Sendable (RecordedRequest) -> Scripted

  private init(channel: any Channel, handler: @escaping @Sendable (RecordedRequest) -> Scripted) {
    self.channel = channel
    self.port = channel.localAddress?.port ?? 0
    self.handler = handler
  }

  /// Starts a server answering with `handler`.
  public static func start(_ handler: @escaping @Sendable (RecordedRequest) -> Scripted) async throws -> TestServer {
    let box = Mutex<TestServer?>(nil)
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 64)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        let server = box.withLock { $0! }
        server.connectionCount.withLock { $0 += 1 }
        server.children.withLock { $0.append(channel) }
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(RecordingHandler(server: box.withLock { $0! }))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    let server = TestServer(channel: channel, handler: handler)
    box.withLock { $0 = server }
    return server
  }

  /// `http://127.0.0.1:PORT`.
  public var url: String { "http://127.0.0.1:\(port)" }

  /// Requests received so far.
  public var requests: [RecordedRequest] { log.withLock { $0 } }

  /// Connections accepted so far.
  public var connections: Int { connectionCount.withLock { $0 } }

  func record(_ r: RecordedRequest) { log.withLock { $0.append(r) } }

  /// Stops listening and closes every open connection.
  public func stop() async {
    try? await channel.close()
    for child in children.withLock({ $0 }) { try? await child.close() }
  }

  /// A port nothing listens on (a server started and stopped).
  public static func closedPort() async throws -> Int {
    let s = try await start { _ in Scripted(status: 200) }
    let p = s.port
    await s.stop()
    return p
  }
}

private final class RecordingHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let server: TestServer
  var head: HTTPRequestHead?
  var body: [UInt8] = []

  init(server: TestServer) {
    self.server = server
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let h):
      head = h
      body = []
    case .body(var buf):
      body += buf.readBytes(length: buf.readableBytes) ?? []
    case .end:
      guard let head else { return }
      let request = RecordedRequest(
        method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
      server.record(request)
      let reply = server.handler(request)
      let keepAlive = head.isKeepAlive
      if reply.delay > 0 {
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
          self.respond(context: context, reply, keepAlive: keepAlive)
        }
      } else {
        respond(context: context, reply, keepAlive: keepAlive)
      }
    }
  }

  func respond(context: ChannelHandlerContext, _ reply: Scripted, keepAlive: Bool) {
    guard context.channel.isActive else { return }
    var headers = HTTPHeaders(reply.headers)
    headers.replaceOrAdd(name: "Content-Length", value: "\(reply.body.count)")
    if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
    let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if !reply.body.isEmpty {
      context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
    }
    let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !keepAlive {
      let ctx = NIOLoopBound(context, eventLoop: context.eventLoop)
      done.whenComplete { _ in ctx.value.close(promise: nil) }
    }
  }
}
