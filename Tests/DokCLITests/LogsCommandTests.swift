import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// `dok logs SERVICE-KIND ID` against the queueing test server.
@Suite(.serialized, .timeLimit(.minutes(1))) struct LogsCommandTests {
  @Test func printsTheLastLines() async throws {
    let s = try await QueueingDokploy.start()
    try await withTeardown {
      let app = s.addApplication(name: "api")
      let r = try DokProcess.run(["logs", "application", app, "--tail", "3"], environment: CallWaitTests.env(s))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      let lines = r.stdout.split(separator: "\n").map(String.init)
      #expect(lines.count == 3 && lines.last?.hasSuffix("request 30 served") == true, "\(r.stdout)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func anUnknownKindIsAUsageError() async throws {
    let r = try DokProcess.run(["logs", "server", "x"])
    #expect(r.status == ExitStatus.usage.code)
    #expect(r.stderr.contains("SERVICE-KIND is one of"), "\(r.stderr)")
  }

  @Test func followPrintsNewLinesUntilCtrlC() async throws {
    let s = try await QueueingDokploy.start()
    try await withTeardown {
      let app = s.addApplication(name: "api")
      let p = Process()
      p.executableURL = URL(fileURLWithPath: DokProcess.binary)
      p.arguments = ["logs", "application", app, "--tail", "2", "--follow"]
      p.environment = CallWaitTests.env(s)
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      try p.run()
      let collected = LockedData()
      out.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
      for _ in 0..<300 where !collected.text.contains("live line 3\n") { try await Task.sleep(for: .milliseconds(20)) }
      kill(p.processIdentifier, SIGINT)
      for _ in 0..<250 where p.isRunning { try await Task.sleep(for: .milliseconds(20)) }
      if p.isRunning { p.terminate() }
      p.waitUntilExit()
      out.fileHandleForReading.readabilityHandler = nil
      #expect(p.terminationStatus == ExitStatus.success.code)
      let lines = collected.text.split(separator: "\n").map(String.init)
      #expect(lines.prefix(2).allSatisfy { $0.contains("served") }, "\(lines)")
      #expect(lines.contains("application-api-\(app) live line 3"), "\(lines)")
      #expect(Set(lines).count == lines.count)
    } teardown: {
      await s.stop()
    }
  }
}

extension LogsCommandTests {
  /// `--follow` where the container lookup finds nothing: `application.readLogs` polled (as
  /// plain `dok logs` reads it), with a note, until Ctrl-C (exit 0) — not an API error.
  @Test func followPollsReadLogsWhenNoContainerIsFound() async throws {
    var o = QueueingDokploy.Options()
    o.containers = false
    let s = try await QueueingDokploy.start(o)
    defer { Task { await s.stop() } }
    let app = s.addApplication(name: "api")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: DokProcess.binary)
    p.arguments = ["logs", "application", app, "--tail", "2", "--follow"]
    p.environment = CallWaitTests.env(s)
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let collected = LockedData()
    let notes = LockedData()
    out.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
    err.fileHandleForReading.readabilityHandler = { h in notes.append(h.availableData) }
    // Two polls: the first reply's lines, then a second request while it keeps following.
    for _ in 0..<400 where !(collected.text.contains("request 30 served\n") && s.requests("application.readLogs") >= 2) {
      try await Task.sleep(for: .milliseconds(20))
    }
    let runningAfterSecondPoll = p.isRunning
    kill(p.processIdentifier, SIGINT)
    for _ in 0..<250 where p.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    if p.isRunning { p.terminate() }
    p.waitUntilExit()
    out.fileHandleForReading.readabilityHandler = nil
    err.fileHandleForReading.readabilityHandler = nil
    #expect(runningAfterSecondPoll, "\(notes.text)")
    #expect(p.terminationStatus == ExitStatus.success.code, "\(notes.text)")
    let lines = collected.text.split(separator: "\n").map(String.init)
    #expect(lines.count == 2 && lines.last?.hasSuffix("request 30 served") == true, "\(lines)")
    #expect(notes.text.contains("polling application.readLogs"), "\(notes.text)")
  }
}

/// Bytes collected from a pipe's handler thread.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func append(_ d: Data) { lock.withLock { data.append(d) } }
  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
