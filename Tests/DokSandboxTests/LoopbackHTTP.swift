import DokCore
import Foundation

/// The tests' independent HTTP/1.1 client: one request per connection (`Connection: close`) on
/// a blocking loopback socket, in process (no `curl` child per request). Every read is bounded
/// by a receive timeout, so a server that never answers fails the request instead of hanging.
enum LoopbackHTTP {
  /// A request that got no complete HTTP answer.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Sends one request to `url` (`http://127.0.0.1:PORT/path?query`) and returns status and body.
  /// `contentType` is sent with a body (nil: no `Content-Type` header).
  static func request(
    _ method: String, _ url: String, body: String? = nil, contentType: String? = "application/json",
    headers: [String: String] = [:], timeout seconds: Int = 30
  ) throws -> Reply {
    let reply = try exchange(
      method, url, body: body.map { Array($0.utf8) }, contentType: contentType, headers: headers, timeout: seconds)
    return Reply(status: reply.status, body: String(decoding: reply.body, as: UTF8.self))
  }

  /// The status, the headers (names lowercased) and the raw body of one request.
  static func exchange(
    _ method: String, _ url: String, body: [UInt8]? = nil, contentType: String? = "application/json",
    headers: [String: String] = [:], timeout seconds: Int = 30
  ) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
    guard url.hasPrefix("http://") else { throw Failure(description: "not an http:// URL: \(url)") }
    let rest = url.dropFirst(7)
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    let authority = rest[..<slash]
    let target = slash == rest.endIndex ? "/" : String(rest[slash...])
    guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) else {
      throw Failure(description: "no port in \(url)")
    }
    var head = "\(method) \(target) HTTP/1.1\r\nHost: \(authority)\r\nConnection: close\r\n"
    for (k, v) in headers { head += "\(k): \(v)\r\n" }
    if let body {
      if let contentType { head += "Content-Type: \(contentType)\r\n" }
      head += "Content-Length: \(body.count)\r\n"
    }
    return try send(Array((head + "\r\n").utf8) + (body ?? []), port: port, timeout: seconds, isHead: method == "HEAD")
  }

  /// Sends `bytes` as they are and parses the answer (read until the server closes).
  static func send(_ bytes: [UInt8], port: Int, timeout seconds: Int = 30, isHead: Bool = false) throws -> (
    status: Int, headers: [String: String], body: [UInt8]
  ) {
    guard let socket = Platform.LoopbackSocket.connect(port: port) else {
      throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
    }
    defer { socket.close() }
    socket.setReceiveTimeout(seconds: seconds)
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { socket.send($0) }
      // The server may answer early (413) and close before the whole body is taken.
      if n <= 0 { break }
      sent += n
    }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = socket.receive(into: &buffer)
      if n <= 0 { break }
      answer += buffer[..<n]
      if isHead, let end = headEnd(answer) { answer.removeSubrange(end...); break }
    }
    return try parse(answer)
  }

  /// Sends `count` GET requests for `target` one after another on ONE connection (HTTP/1.1
  /// keep-alive) and returns each reply's status. Throws when the server closes the connection
  /// (or stops answering) before the last reply.
  static func statusesOnOneConnection(port: Int, target: String, count: Int, timeout seconds: Int = 30) throws -> [Int] {
    guard let socket = Platform.LoopbackSocket.connect(port: port) else {
      throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
    }
    defer { socket.close() }
    socket.setReceiveTimeout(seconds: seconds)
    let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
    var statuses: [Int] = []
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    for i in 0..<count {
      let n = request.withUnsafeBytes { socket.send($0) }
      guard n == request.count else { throw Failure(description: "request \(i + 1): the connection is closed") }
      // One reply: its head, then Content-Length bytes of body.
      while true {
        if let end = headEnd(pending) {
          let reply = try parse(Array(pending[..<end]))
          guard let length = reply.headers["content-length"].flatMap({ Int($0) }) else {
            throw Failure(description: "reply \(i + 1) has no Content-Length")
          }
          if pending.count >= end + length {
            statuses.append(reply.status)
            pending.removeFirst(end + length)
            break
          }
        }
        let got = socket.receive(into: &buffer)
        guard got > 0 else { throw Failure(description: "the server closed the connection after \(i) replies") }
        pending += buffer[..<got]
      }
    }
    return statuses
  }

  private static func headEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
      return i + 4
    }
    return nil
  }

  private static func parse(_ answer: [UInt8]) throws -> (status: Int, headers: [String: String], body: [UInt8]) {
    guard let end = headEnd(answer) else {
      throw Failure(
        description: "no complete answer (\(answer.count) bytes: \(String(decoding: answer.prefix(200), as: UTF8.self)))")
    }
    let lines = String(decoding: answer[..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
    let statusWords = lines[0].split(separator: " ")
    guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
      throw Failure(description: "bad status line \(lines[0].debugDescription)")
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...]).trimming()
    }
    var body = Array(answer[end...])
    if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
    if let length = headers["content-length"].flatMap({ Int($0) }), length < body.count { body = Array(body.prefix(length)) }
    return (status, headers, body)
  }

  private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      guard let lineEnd = (i..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { break }
      let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
      guard let size = Int(String(sizeText).trimming(), radix: 16) else { throw Failure(description: "bad chunk size") }
      if size == 0 { break }
      let start = lineEnd + 2
      guard start + size <= bytes.count else { throw Failure(description: "truncated chunk") }
      out += bytes[start..<(start + size)]
      i = start + size + 2
    }
    return out
  }
}
