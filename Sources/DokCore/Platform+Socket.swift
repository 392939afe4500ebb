#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// A blocking TCP socket on 127.0.0.1 (IPv4), for the raw servers and clients of tests that
  /// must send what a server library would not (half a request, a reset, silence). The owner
  /// closes it with ``close()``.
  public struct LoopbackSocket: Sendable, Hashable {
    /// The descriptor.
    public let descriptor: Int32

    /// Listens on 127.0.0.1 at `port` (0: a free one the system picks; see ``port``), with
    /// `SO_REUSEADDR` when `reuseAddress`. Nil when the socket cannot be made or bound.
    public static func listen(port: Int = 0, backlog: Int32 = 64, reuseAddress: Bool = true) -> LoopbackSocket? {
      let fd = makeSocket()
      guard fd >= 0 else { return nil }
      if reuseAddress {
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
      }
      var addr = loopback(port: port)
      let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
        Glibc.close(fd)
        return nil
      }
      return LoopbackSocket(descriptor: fd)
    }

    /// Connects to 127.0.0.1 at `port`; nil when that fails.
    public static func connect(port: Int) -> LoopbackSocket? {
      let fd = makeSocket()
      guard fd >= 0 else { return nil }
      var addr = loopback(port: port)
      let ok = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard ok == 0 else {
        Glibc.close(fd)
        return nil
      }
      return LoopbackSocket(descriptor: fd)
    }

    /// The local port (the one a listening socket was given).
    public var port: Int {
      var addr = sockaddr_in()
      var len = socklen_t(MemoryLayout<sockaddr_in>.size)
      _ = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &len) }
      }
      return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// The next connection (going on after interruptions); nil when the socket was shut down
    /// or closed.
    public func accept() -> LoopbackSocket? {
      while true {
        let fd = Glibc.accept(descriptor, nil, nil)
        if fd >= 0 { return LoopbackSocket(descriptor: fd) }
        if errno != EINTR { return nil }
      }
    }

    /// Sends what fits of `bytes` without raising SIGPIPE: the count sent, 0 or -1 when the
    /// peer is gone.
    public func send(_ bytes: UnsafeRawBufferPointer) -> Int {
      Glibc.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// Receives into `buffer` (up to its size): the count received, 0 at the end, -1 on an error
    /// or after the receive timeout.
    public func receive(into buffer: inout [UInt8]) -> Int {
      let capacity = buffer.count
      return buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, capacity, 0) }
    }

    /// Makes a receive give up after `seconds` (`SO_RCVTIMEO`).
    public func setReceiveTimeout(seconds: Int) {
      var tv = timeval(tv_sec: seconds, tv_usec: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes ``close()`` reset the connection (`SO_LINGER` 0) instead of closing it cleanly.
    public func resetOnClose() {
      var l = linger(l_onoff: 1, l_linger: 0)
      setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &l, socklen_t(MemoryLayout<linger>.size))
    }

    /// Shuts both directions down: a thread blocked in ``accept()`` or ``receive(into:)`` returns.
    public func shutdown() { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }

    /// Closes the descriptor.
    public func close() { _ = Glibc.close(descriptor) }

    private static func makeSocket() -> Int32 {
      #if canImport(Glibc)
        socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      #else
        socket(AF_INET, SOCK_STREAM, 0)
      #endif
    }

    private static func loopback(port: Int) -> sockaddr_in {
      var addr = sockaddr_in()
      addr.sin_family = sa_family_t(AF_INET)
      addr.sin_port = in_port_t(UInt16(port).bigEndian)
      addr.sin_addr.s_addr = inet_addr("127.0.0.1")
      return addr
    }
  }
}
