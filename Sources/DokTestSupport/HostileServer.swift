import DokCore
import Foundation
import Synchronization

/// What a ``HostileServer`` does with one request.
public enum HostileReply: Sendable {
  /// A well-formed reply (keep-alive; the connection stays open for the next request).
  case reply(status: Int, headers: [(String, String)], body: [UInt8])
  /// These bytes exactly, then close.
  case raw([UInt8])
  /// These bytes, then a TCP reset (SO_LINGER 0).
  case rawThenReset([UInt8])
  /// Nothing at all: the connection stays open and silent until the server stops.
  case silent
  /// These bytes (say, half a head), then silence until the client gives up.
  case stall([UInt8])
  /// These bytes (a head announcing a long body), then two body bytes every 100 ms, forever.
  case trickle([UInt8])
  /// A 200 reply whose body of `size` bytes is streamed in chunks (stops when the client goes away).
  case large(size: Int)
  /// Like ``large(size:)`` but without Content-Length: the body ends when the connection closes.
  case largeUnannounced(size: Int)

  public static func json(_ status: Int = 200, _ text: String) -> HostileReply {
    .reply(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
  }
}

/// A raw-socket HTTP/1.1 server on 127.0.0.1 for misbehaving replies that a well-behaved server
/// library cannot produce: truncated bodies, resets, silence, endless redirects, huge bodies.
/// Each connection runs on its own thread; requests are recorded.
public final class HostileServer: Sendable {
  public struct Request: Sendable {
    public var method: String
    public var path: String
    public var headers: [(String, String)]
    public func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
  }

  public let port: Int
  private let listener: Platform.LoopbackSocket
  private let route: @Sendable (Request) -> HostileReply
  private let log = Mutex<[Request]>([])
  private let open = Mutex<Set<Platform.LoopbackSocket>>([])
  private let stopped = Mutex(false)

  /// Starts listening on a free port.
  public init(_ route: @escaping @Sendable (Request) -> HostileReply) throws {
    guard let socket = Platform.LoopbackSocket.listen(port: 0, backlog: 64) else { throw POSIXError(.EADDRINUSE) }
    port = socket.port
    listener = socket
    self.route = route
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  /// `http://127.0.0.1:PORT`.
  public var url: String { "http://127.0.0.1:\(port)" }

  /// Every request received so far.
  public var requests: [Request] { log.withLock { $0 } }

  /// Stops accepting and closes every open connection.
  public func stop() {
    guard
      stopped.withLock({ s in
        defer { s = true }; return !s
      })
    else { return }
    listener.shutdown()
    listener.close()
    for connection in open.withLock({ $0 }) { connection.shutdown() }
  }

  deinit { stop() }

  private func acceptLoop() {
    while !stopped.withLock({ $0 }) {
      guard let connection = listener.accept() else { return }
      open.withLock { _ = $0.insert(connection) }
      Thread.detachNewThread { [self] in
        serve(connection)
        open.withLock { _ = $0.remove(connection) }
        connection.close()
      }
    }
  }

  private func serve(_ fd: Platform.LoopbackSocket) {
    var buffer: [UInt8] = []
    while true {
      guard let request = readRequest(fd, &buffer) else { return }
      log.withLock { $0.append(request) }
      let reply = route(request)
      switch reply {
      case .reply(let status, let headers, let body):
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (n, v) in headers { head += "\(n): \(v)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        guard write(fd, Array(head.utf8) + body) else { return }
      case .raw(let bytes):
        _ = write(fd, bytes)
        return
      case .rawThenReset(let bytes):
        _ = write(fd, bytes)
        fd.resetOnClose()
        return
      case .stall(let bytes):
        guard write(fd, bytes) else { return }
        var scratch = [UInt8](repeating: 0, count: 4096)
        while fd.receive(into: &scratch) > 0 {}
        return
      case .trickle(let bytes):
        guard write(fd, bytes) else { return }
        while !stopped.withLock({ $0 }) {
          Thread.sleep(forTimeInterval: 0.1)
          guard write(fd, Array("1,".utf8)) else { return }
        }
        return
      case .silent:
        var scratch = [UInt8](repeating: 0, count: 4096)
        while fd.receive(into: &scratch) > 0 {}
        return
      case .large(let size), .largeUnannounced(let size):
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        if case .large = reply { head += "Content-Length: \(size)\r\n\r\n" } else { head += "Connection: close\r\n\r\n" }
        guard write(fd, Array(head.utf8)) else { return }
        // A JSON string of `size` bytes: `"xxxx…"`.
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
        guard write(fd, [UInt8(ascii: "\"")]) else { return }
        var left = size - 2
        while left > 0 {
          let n = min(left, chunk.count)
          guard write(fd, Array(chunk[0..<n])) else { return }
          left -= n
        }
        guard write(fd, [UInt8(ascii: "\"")]) else { return }
        if case .largeUnannounced = reply { return }
      }
    }
  }

  private func write(_ fd: Platform.LoopbackSocket, _ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { fd.send($0) }
      if n <= 0 { return false }
      sent += n
    }
    return true
  }

  /// Reads one request (head and a Content-Length body); nil when the client closed.
  private func readRequest(_ fd: Platform.LoopbackSocket, _ buffer: inout [UInt8]) -> Request? {
    let end: [UInt8] = Array("\r\n\r\n".utf8)
    var scratch = [UInt8](repeating: 0, count: 65536)
    func fill() -> Bool {
      let n = fd.receive(into: &scratch)
      if n <= 0 { return false }
      buffer += scratch[0..<n]
      return true
    }
    var headEnd: Int?
    while headEnd == nil {
      if buffer.count >= 4 {
        for i in 0...(buffer.count - 4) where buffer[i..<(i + 4)].elementsEqual(end) {
          headEnd = i
          break
        }
      }
      if headEnd == nil && !fill() { return nil }
    }
    let lines = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
    let first = lines[0].split(separator: " ")
    var headers: [(String, String)] = []
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
    let total = headEnd! + 4 + length
    while buffer.count < total { if !fill() { return nil } }
    buffer.removeSubrange(0..<total)
    let target = first.count > 1 ? String(first[1]) : "/"
    return Request(
      method: first.first.map(String.init) ?? "", path: String(target.split(separator: "?").first ?? ""), headers: headers)
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 307: "Temporary Redirect"
    case 400: "Bad Request"
    case 404: "Not Found"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    default: "Status"
    }
  }
}
