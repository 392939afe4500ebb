import DokCore
import Foundation
import Testing

@testable import DokSandbox

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 12, item 5: a half-sent request gets an answer (408 with a message) instead of
/// holding its connection forever.
@Suite struct ReadTimeoutTests {
  /// Sends `text` on a fresh connection and reads what comes back for up to `seconds`.
  static func raw(port: Int, _ text: String, seconds: Int) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0 else { return "" }
    var tv = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    _ = text.withCString { send(fd, $0, strlen($0), 0) }
    var out = [UInt8]()
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = recv(fd, &buf, buf.count, 0)
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
    defer { Task { await sb.stop() } }
    let request =
      "POST /api/project.create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"
    let reply = Self.raw(port: sb.port, request, seconds: 10)
    #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
    #expect(reply.contains("did not arrive within 0.5 s"), "\(reply)")
  }
}
