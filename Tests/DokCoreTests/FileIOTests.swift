import DokCore
import Foundation
import Testing

@Suite final class FileIOTests {
  let dir = NSTemporaryDirectory() + "dok-fileio-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

  deinit { try? FileManager.default.removeItem(atPath: dir) }

  @Test(arguments: [0, 1, 8, 65_535, 65_536, 200_001])
  func readsWholeFiles(size: Int) throws {
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let path = dir + "/f\(size)"
    try FileIO.writeAtomically(path, bytes)
    #expect(try FileIO.read(path) == bytes)
  }

  @Test func readsFilesLongerThanTheirReportedSize() throws {
    // /proc files report size 0 and still have content.
    let status = try FileIO.readText("/proc/self/status")
    #expect(status.contains("Pid:"))
  }

  @Test func failuresNameTheReason() throws {
    #expect(throws: FileIO.Failure.self) { try FileIO.read(dir + "/missing") }
    try FileIO.makeDirectories(dir + "/sub")
    do {
      _ = try FileIO.read(dir + "/sub")
      Issue.record("reading a directory should fail")
    } catch {
      #expect(error.reason == "is a directory")
    }
  }
}
