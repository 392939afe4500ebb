import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// Issue 12, item 5: `Expect: 100-continue`. A client that sends it waits for `100 Continue`
/// before its body; the sandbox sends it when it will read the body, and answers a request it
/// refuses up front (a `Content-Length` past the limit, a missing key) without it, so the body
/// is never sent. Checked with a raw socket on 127.0.0.1, each read bounded by a timeout.
@Suite struct ExpectContinueTests {
  /// One client connection; every read gives up after `seconds`.
  final class RawConnection {
    private let socket: Platform.LoopbackSocket
    private var buffered: [UInt8] = []
    /// True once a read found the connection closed by the server (not timed out).
    private(set) var isClosed = false

    init?(port: Int, seconds: Int = 5) {
      guard let s = Platform.LoopbackSocket.connect(port: port) else { return nil }
      socket = s
      s.setReceiveTimeout(seconds: seconds)
    }

    deinit { socket.close() }

    func send(_ text: String) {
      let bytes = Array(text.utf8)
      var sent = 0
      while sent < bytes.count {
        let n = bytes.withUnsafeBytes { socket.send(UnsafeRawBufferPointer(rebasing: $0[sent...])) }
        if n <= 0 { return }
        sent += n
      }
    }

    /// Reads until `done` holds for what arrived, the peer closes, or the timeout; returns all of it.
    private func read(until done: ([UInt8]) -> Bool) -> [UInt8] {
      var chunk = [UInt8](repeating: 0, count: 65536)
      while !done(buffered) {
        let n = socket.receive(into: &chunk)
        if n == 0 { isClosed = true }
        if n <= 0 { break }
        buffered += chunk[0..<n]
      }
      return buffered
    }

    /// The next response head (through its blank line), or what arrived before the timeout.
    func readHead() -> String {
      let all = read { Self.headEnd($0) != nil }
      guard let end = Self.headEnd(all) else {
        buffered = []
        return String(decoding: all, as: UTF8.self)
      }
      buffered = Array(all[end...])
      return String(decoding: all[..<end], as: UTF8.self)
    }

    /// The body of the response whose head was just read (by its Content-Length).
    func readBody(head: String) -> String {
      let length =
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
      let all = read { $0.count >= length }
      buffered = Array(all[min(length, all.count)...])
      return String(decoding: all[..<min(length, all.count)], as: UTF8.self)
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
      guard bytes.count >= 4 else { return nil }
      for i in 0...(bytes.count - 4)
      where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
        return i + 4
      }
      return nil
    }
  }

  static func head(_ path: String, length: Int, key: String? = nil) -> String {
    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n"
      + (key.map { "x-api-key: \($0)\r\n" } ?? "") + "Expect: 100-continue\r\n\r\n"
  }

  /// A sandbox whose read timeout is far longer than the client's 5 s wait: a missing
  /// `100 Continue` shows as nothing arriving, not as the 408 that would end the wait.
  static func sandbox(apiKey: String? = nil) async throws -> Sandbox {
    var options = SandboxOptions(apiKey: apiKey)
    options.readTimeout = 20
    return try await Sandbox.start(options)
  }

  @Test(arguments: [("/api/project.create", false), ("/api/trpc/project.create", true)])
  func theBodyIsAskedForThenAnswered(path: String, trpc: Bool) async throws {
    let sb = try await Self.sandbox()
    try await withTeardown {
      let c = try #require(RawConnection(port: sb.port))
      let body = trpc ? #"{"json":{"name":"continued"}}"# : #"{"name":"continued"}"#
      c.send(Self.head(path, length: body.utf8.count))
      let interim = c.readHead()
      #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n", "before the body: \(interim.debugDescription)")
      c.send(body)
      let head = c.readHead()
      #expect(head.hasPrefix("HTTP/1.1 200"), "\(head)")
      let reply = try JSONParser.parse(c.readBody(head: head))
      let project = trpc ? reply["result"]?["data"]?["json"]?["project"] : reply["project"]
      #expect(project?["name"] == "continued")
      // The connection stays usable: a second request on it, without Expect, is answered too.
      c.send("GET /api/project.all HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
      let next = c.readHead()
      #expect(next.hasPrefix("HTTP/1.1 200"), "\(next)")
      #expect(try JSONParser.parse(c.readBody(head: next))[0]?["name"] == "continued")
    } teardown: {
      await sb.stop()
    }
  }

  /// A body past the 1 MB REST limit is refused with the 413 and its message at once, without
  /// `100 Continue`, so the client never sends it.
  @Test func anOversizedBodyGets413WithoutContinue() async throws {
    let sb = try await Self.sandbox()
    try await withTeardown {
      let c = try #require(RawConnection(port: sb.port))
      c.send(Self.head("/api/project.create", length: 2_000_000))
      let head = c.readHead()
      #expect(head.hasPrefix("HTTP/1.1 413"), "\(head.debugDescription)")
      let body = c.readBody(head: head)
      #expect(try JSONParser.parse(body)["message"] == "Body exceeded 1mb limit", "\(body)")
      #expect(try sb.engine.call("project.all", input: nil) == [])
    } teardown: {
      await sb.stop()
    }
  }

  /// A request without the key is refused (401) before its body is asked for.
  @Test func aMissingKeyGets401WithoutContinue() async throws {
    let sb = try await Self.sandbox(apiKey: "k")
    try await withTeardown {
      let c = try #require(RawConnection(port: sb.port))
      c.send(Self.head("/api/project.create", length: 17))
      let head = c.readHead()
      #expect(head.hasPrefix("HTTP/1.1 401"), "\(head.debugDescription)")
      #expect(try JSONParser.parse(c.readBody(head: head))["message"] == "Unauthorized")
      // With the key, the same request is asked for its body.
      let d = try #require(RawConnection(port: sb.port))
      d.send(Self.head("/api/project.create", length: 17, key: "k"))
      #expect(d.readHead() == "HTTP/1.1 100 Continue\r\n\r\n")
      d.send(#"{"name":"keyed!"}"#)
      #expect(d.readHead().hasPrefix("HTTP/1.1 200"))
    } teardown: {
      await sb.stop()
    }
  }
}
