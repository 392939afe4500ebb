import DokCore

/// read(2), named apart from Swift's readLine.
func sysRead(_ fd: Int32, _ buf: UnsafeMutableRawPointer?, _ count: Int) -> Int { Platform.read(fd, into: buf, count: count) }

/// True when the last system call failed with EINTR.
func isEINTR() -> Bool { Platform.lastErrorWasInterrupt }
