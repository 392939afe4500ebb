import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// Issue 12, item 5: a half-sent request gets an answer (408 with a message) instead of
/// holding its connection forever.
@Suite struct ReadTimeoutTests {
  /// Sends `text` on a fresh connection and reads what comes back for up to `seconds`.
  static func raw(port: Int, _ text: String, seconds: Int) -> String {
    guard let socket = Platform.LoopbackSocket.connect(port: port) else { return "" }
    defer { socket.close() }
    socket.setReceiveTimeout(seconds: seconds)
    _ = Array(text.utf8).withUnsafeBytes { socket.send($0) }
    var out = [UInt8]()
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = socket.receive(into: &buf)
      if n <= 0 { break }
      out += buf[0..<n]
      if String(decoding: out, as: UTF8.self).contains("}") { break }
    }
    return String(decoding: out, as: UTF8.self)
  }

  @Test func aHalfSentBodyGets408() async throws {
    var options = SandboxOptions()
    options.readTimeout = 0.5
    let sb = try await Sandbox.start(options)
    try await withTeardown {
      let request =
        "POST /api/project.create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"
      let reply = Self.raw(port: sb.port, request, seconds: 10)
      #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
      #expect(reply.contains("did not arrive within 0.5 s"), "\(reply)")
    } teardown: {
      await sb.stop()
    }
  }
}
