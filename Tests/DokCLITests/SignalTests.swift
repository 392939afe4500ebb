import DokTestSupport
import Foundation
import Testing

/// Ctrl-C (SIGINT) during a request, a wait and a sleep ends `dok run` with 130 and a note;
/// SIGTERM ends it with 143. `dok call` goes through the same interrupt component.
@Suite struct SignalTests {
  func runAndSignal(_ body: String, signal: Int32 = SIGINT) throws -> (status: Int32, stderr: String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dok-sig-\(UUID().uuidString).dok").path
    // "started" is printed just before the body's last statement (the request, wait or sleep to interrupt).
    var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.insert("print \"started\"", at: lines.count - 1)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: DokProcess.binary)
    p.arguments = ["run", "--deploy-seconds", "60", path]
    p.environment = DokProcess.isolatedEnvironment()
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Signal once the run has reached the statement to interrupt ("started" is printed just before it).
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("started") {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen.append(chunk)
    }
    return DokProcess.signal(p, signal, stderr: err)
  }

  static let deployAndWait = """
    $p = project.create name=s
    $a = application.create name=w environmentId=$p.environment.environmentId
    application.saveDockerProvider applicationId=$a.applicationId dockerImage=nginx username=null password=null registryUrl=null
    application.deploy applicationId=$a.applicationId
    wait application.one applicationId=$a.applicationId until .applicationStatus == "done" every 100ms timeout 1h
    """

  @Test(arguments: ["sleep 1h", deployAndWait, "while true { $x = 1 }"])
  func ctrlCEndsTheRunWith130(body: String) throws {
    let r = try runAndSignal(body)
    #expect(r.status == 130, "\(r.stderr)")
    #expect(r.stderr.contains("interrupted"), "\(r.stderr)")
  }

  @Test func sigtermEndsTheRunWith143() throws {
    let r = try runAndSignal("sleep 1h", signal: SIGTERM)
    #expect(r.status == 143, "\(r.stderr)")
  }

  /// `dok call` to a server that never answers, signalled after a second; killed if it
  /// outlives the signal by 20 s (the test then fails instead of hanging).
  func callAndSignal(_ signal: Int32) throws -> (status: Int32, stderr: String) {
    let server = try HostileServer { _ in .silent }
    defer { server.stop() }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: DokProcess.binary)
    p.arguments = ["call", "project.all", "--url", server.url, "--api-key", "k"]
    p.environment = DokProcess.isolatedEnvironment()
    let err = Pipe()
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    try p.run()
    for _ in 0..<100 where server.requests.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
    return DokProcess.signal(p, signal, stderr: err)
  }

  @Test func ctrlCEndsACallWith130() throws {
    let r = try callAndSignal(SIGINT)
    #expect(r.status == 130, "\(r.stderr)")
    #expect(r.stderr.contains("interrupted"), "\(r.stderr)")
  }

  @Test func sigtermEndsACallWith143() throws {
    let r = try callAndSignal(SIGTERM)
    #expect(r.status == 143, "\(r.stderr)")
  }
}
