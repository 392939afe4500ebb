import DokCore
import Foundation
import Testing

/// The operating-system calls behind `Platform` and `FileIO` that the REPL, the sandbox's state
/// file, `@file` arguments and the raw test servers go through.
@Suite(.timeLimit(.minutes(1))) final class PlatformShimTests {
  let dir = NSTemporaryDirectory() + "dok-shim-\(Platform.processID)-\(UInt32.random(in: 0...UInt32.max))"

  init() throws { try FileIO.makeDirectories(dir) }
  deinit { try? FileManager.default.removeItem(atPath: dir) }

  @Test func aShellCommandGetsItsInputAndGivesItsStatus() throws {
    let out = dir + "/piped"
    #expect(Platform.runShellCommand("cat > '\(out)'", input: "line one\nline two\n") == 0)
    #expect(try FileIO.readText(out) == "line one\nline two\n")
    #expect(Platform.runShellCommand("exit 3", input: "") == 3)
    #expect(Platform.runShellCommand("dok-no-such-command-here", input: "x") == 127)
  }

  @Test func openingForReadingTellsAMissingFileApart() throws {
    #expect(try FileIO.openForReading(dir + "/missing") == nil)
    try FileIO.writeAtomically(dir + "/present", Array("abc".utf8))
    let fd = try #require(try FileIO.openForReading(dir + "/present"))
    defer { FileIO.close(fd) }
    #expect(try FileIO.read(fd: fd, name: "present") == Array("abc".utf8))
  }

  @Test func inspectingSaysWhatAFileIsBeforeReading() throws {
    try FileIO.writeAtomically(dir + "/five", Array("12345".utf8))
    let file = try FileIO.openToInspect(dir + "/five")
    defer { FileIO.close(file.fd) }
    #expect(file.kind == .regular && file.size == 5)
    let folder = try FileIO.openToInspect(dir)
    FileIO.close(folder.fd)
    #expect(folder.kind == .directory)
    let device = try FileIO.openToInspect("/dev/null")
    FileIO.close(device.fd)
    #expect(device.kind == .other)
    #expect(throws: FileIO.Failure.self) { try FileIO.openToInspect(dir + "/missing") }
  }

  @Test func appendsAreSyncedPrivateAndInOrder() throws {
    let path = dir + "/journal"
    for line in ["one\n", "two\n"] {
      let fd = try FileIO.openForAppending(path, mode: 0o600)
      try FileIO.writeAll(fd, Array(line.utf8), name: path)
      try FileIO.sync(fd, name: path)
      FileIO.close(fd)
    }
    #expect(try FileIO.readText(path) == "one\ntwo\n")
    #expect(FileIO.mode(of: path) == 0o600)
    try FileIO.truncate(path, toSize: 2)
    #expect(try FileIO.readText(path) == "on")
    try FileIO.truncate(path, toSize: 4)
    #expect(try FileIO.read(path) == Array("on".utf8) + [0, 0])
  }

  @Test func createModeListRemoveAndAge() throws {
    let path = dir + "/made"
    FileIO.createIfMissing(path, mode: 0o600)
    #expect(FileIO.mode(of: path) == 0o600)
    #expect(FileIO.setMode(path, 0o640))
    #expect(FileIO.mode(of: path) == 0o640)
    #expect(FileIO.directoryEntries(dir)?.contains("made") == true)
    #expect(FileIO.directoryEntries(dir + "/missing") == nil)
    let age = try #require(FileIO.secondsSinceModification(path))
    #expect(age >= 0 && age < 60)
    #expect(FileIO.secondsSinceModification(dir + "/missing") == nil)
    #expect(FileIO.remove(path))
    #expect(!FileIO.exists(path))
    #expect(!FileIO.remove(path))
  }

  @Test func processesAndTerminals() {
    #expect(Platform.processMayBeRunning(Platform.processID))
    #expect(Platform.terminalRows(-1) == nil)
    #expect(Platform.terminalSettings(-1) == nil)
  }

  @Test func loopbackSocketsCarryBytesBothWays() async throws {
    let listener = try #require(Platform.LoopbackSocket.listen())
    defer { listener.close() }
    #expect(listener.port > 0)
    let client = try #require(Platform.LoopbackSocket.connect(port: listener.port))
    defer { client.close() }
    let server = try #require(listener.accept())
    defer { server.close() }
    #expect(Array("ping".utf8).withUnsafeBytes { client.send($0) } == 4)
    var buffer = [UInt8](repeating: 0, count: 16)
    server.setReceiveTimeout(seconds: 5)
    let n = server.receive(into: &buffer)
    #expect(n == 4 && Array(buffer[0..<4]) == Array("ping".utf8))
    client.shutdown()
    #expect(server.receive(into: &buffer) == 0)
  }

  @Test func aSecondListenerOnTheSamePortIsRefused() throws {
    let first = try #require(Platform.LoopbackSocket.listen(reuseAddress: false))
    defer { first.close() }
    #expect(Platform.LoopbackSocket.listen(port: first.port) == nil)
  }

  @Test func signalMasksArePerThread() async {
    let seen = await withCheckedContinuation { (c: CheckedContinuation<[Bool], Never>) in
      Platform.startThread(acceptsSignals: true) {
        // The starting thread's mask is inherited: start from a known state.
        Platform.unblockSignalsOnCurrentThread([Platform.wakeSignal])
        var states = [Platform.currentThreadBlocks(Platform.wakeSignal)]
        Platform.blockSignalsOnCurrentThread([Platform.wakeSignal])
        states.append(Platform.currentThreadBlocks(Platform.wakeSignal))
        Platform.unblockSignalsOnCurrentThread([Platform.wakeSignal])
        states.append(Platform.currentThreadBlocks(Platform.wakeSignal))
        c.resume(returning: states)
      }
    }
    #expect(seen == [false, true, false])
  }
}
