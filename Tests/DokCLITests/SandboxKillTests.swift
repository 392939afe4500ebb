import DokCore
import Foundation
import Synchronization
import Testing

/// Issue 12, item 5: `dok sandbox --state FILE` killed with SIGKILL (no chance to flush or
/// clean up) while writes are in flight loses no write it acknowledged. The real binary runs as
/// a child process; writes go over HTTP from curl; every wait has a timeout.
@Suite(.serialized) struct SandboxKillTests {
  /// A value shared with reader and writer threads.
  final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
    func with<T: Sendable>(_ body: (inout Value) -> T) -> T { value.withLock { body(&$0) } }
  }

  /// A running `dok sandbox` child.
  final class SandboxProcess {
    let process = Process()
    let port: Int

    /// Starts `dok sandbox --port 0 --state state` and waits (≤ 30 s) for its listening line.
    convenience init(state: String) throws {
      try self.init(arguments: ["--queue-delay", "0", "--state", state])
    }

    /// Starts `dok sandbox --port 0 ARGUMENTS…` and waits (≤ 30 s) for its listening line.
    init(arguments: [String]) throws {
      process.executableURL = URL(fileURLWithPath: DokProcess.binary)
      process.arguments = ["sandbox", "--port", "0"] + arguments
      process.environment = DokProcess.isolatedEnvironment()
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      let seen = Shared("")
      let reader = out.fileHandleForReading
      reader.readabilityHandler = { h in
        let chunk = h.availableData
        if chunk.isEmpty { h.readabilityHandler = nil }
        seen.with { $0 += String(decoding: chunk, as: UTF8.self) }
      }
      let deadline = Date().addingTimeInterval(30)
      var found: Int?
      while found == nil, Date() < deadline, process.isRunning {
        let text = seen.with { $0 }
        if let r = text.range(of: "listening on http://127.0.0.1:"), let nl = text[r.upperBound...].firstIndex(of: "\n") {
          found = Int(text[r.upperBound..<nl])
        } else {
          Thread.sleep(forTimeInterval: 0.02)
        }
      }
      guard let found else {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw StartFailure(output: seen.with { $0 })
      }
      port = found
    }

    struct StartFailure: Error, CustomStringConvertible {
      var output: String
      var description: String { "dok sandbox did not report a port within 30 s: \(output)" }
    }

    /// SIGKILL, then waits (≤ 10 s) for the process to be gone.
    func killHard() {
      kill(process.processIdentifier, SIGKILL)
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    deinit { if process.isRunning { killHard() } }
  }

  /// One request with curl (at most 10 s); the status (0: no reply) and the body.
  static func curl(_ args: [String]) -> (status: Int, body: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    p.arguments = ["-s", "--max-time", "10", "-w", "\n%{http_code}"] + args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return (0, "") }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    guard let nl = text.lastIndex(of: "\n") else { return (0, text) }
    return (Int(text[text.index(after: nl)...]) ?? 0, String(text[..<nl]))
  }

  /// Runs `writers` loops creating projects until the sandbox dies; after `ackedBeforeKill`
  /// acknowledgements (or 60 s) kills it with SIGKILL mid-load. Returns the acknowledged names.
  static func writeAndKill(_ sandbox: SandboxProcess, tag: String, writers: Int = 6, ackedBeforeKill: Int = 300)
    -> [String]
  {
    let acked = Shared<[String]>([])
    let stop = Shared(false)
    let port = sandbox.port
    let pid = sandbox.process.processIdentifier
    let group = DispatchGroup()
    for w in 0..<writers {
      group.enter()
      Thread.detachNewThread {
        defer { group.leave() }
        var i = 0
        while !stop.with({ $0 }) {
          let name = "\(tag)-\(w)-\(i)"
          i += 1
          let r = curl([
            "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", #"{"name":"\#(name)"}"#,
            "http://127.0.0.1:\(port)/api/project.create",
          ])
          // Acknowledged: a 200 whose reply names the project.
          if r.status == 200, r.body.contains(#""name":"\#(name)""#) {
            // The kill follows an acknowledgement at once, while the other writers' requests
            // are in flight (some answered, their changes maybe not yet written).
            if acked.with({
              $0.append(name); return $0.count
            }) == ackedBeforeKill {
              kill(pid, SIGKILL)
            }
          } else if r.status == 0 {
            return  // the server is gone
          }
        }
      }
    }
    let deadline = Date().addingTimeInterval(60)
    while acked.with({ $0.count }) < ackedBeforeKill, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    sandbox.killHard()
    stop.with { $0 = true }
    _ = group.wait(timeout: .now() + 30)
    return acked.with { $0 }
  }

  /// The project names a sandbox on `state` holds, read over HTTP.
  static func names(in sandbox: SandboxProcess) throws -> Set<String> {
    let r = curl(["http://127.0.0.1:\(sandbox.port)/api/project.all"])
    #expect(r.status == 200, "\(r.body)")
    let all = try JSONParser.parse(r.body).arrayValue ?? []
    return Set(all.compactMap { $0["name"]?.stringValue })
  }

  /// Two rounds: load, SIGKILL mid-load, restart on the same file (the second round starts
  /// from a replayed journal); after each restart every acknowledged write is there.
  @Test(.timeLimit(.minutes(5))) func aKilledSandboxKeepsEveryAcknowledgedWrite() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let state = dir.appendingPathComponent("state.json").path
    var everyAck: [String] = []
    for round in 1...2 {
      let running = try SandboxProcess(state: state)
      let acked = Self.writeAndKill(running, tag: "r\(round)")
      #expect(acked.count >= 300, "round \(round): only \(acked.count) writes acknowledged before the kill")
      everyAck += acked
      let restarted = try SandboxProcess(state: state)
      let onDisk = try Self.names(in: restarted)
      let lost = everyAck.filter { !onDisk.contains($0) }
      #expect(lost.isEmpty, "round \(round): \(lost.count) of \(everyAck.count) acknowledged writes lost: \(lost.prefix(5))")
      restarted.killHard()
    }
  }
}
