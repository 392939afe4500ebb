#if canImport(Glibc)
  import Glibc
#endif

/// read(2), named apart from Swift's readLine.
func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buf, count) }

/// True when the last system call failed with EINTR.
func isEINTR() -> Bool { errno == EINTR }
