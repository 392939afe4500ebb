import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 23, part 1: `dok doctor` against a healthy server (the sandbox), a wrong key, a plain
/// web server answering HTML, a closed port and a self-signed TLS server. Every check is a line;
/// exit 0 when nothing fails, 1 otherwise; `--output json` for scripts.
@Suite struct DoctorCommandTests {
  /// The checks of a `--output json` report, by name: (status, detail, fix).
  static func checks(_ r: DokProcess.Result) throws -> [String: (status: String, detail: String, fix: String?)] {
    let report = try JSONParser.parse(Array(r.stdout.utf8))
    var out: [String: (String, String, String?)] = [:]
    for c in report["checks"]?.arrayValue ?? [] {
      out[c["check"]?.stringValue ?? ""] = (c["status"]?.stringValue ?? "", c["detail"]?.stringValue ?? "", c["fix"]?.stringValue)
    }
    return out
  }

  @Test(.timeLimit(.minutes(2))) func theSandboxPasses() throws {
    let r = try DokProcess.run(["doctor", "--sandbox", "--output", "json"], timeout: 60)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    let c = try Self.checks(r)
    for name in [
      "url", "dns", "tcp", "dokploy", "version", "key", "organization", "permissions", "websocket", "clock", "latency",
    ] {
      #expect(c[name]?.status == "ok", "\(name): \(r.stdout)")
    }
    #expect(c["permissions"]?.detail.contains("deploys allowed") == true)
    let text = try DokProcess.run(["doctor", "--sandbox"], timeout: 60)
    #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
    #expect(text.stdout.contains("all checks passed"), "\(text.stdout)")
  }

  @Test(.timeLimit(.minutes(2))) func aWrongKeyFailsWithTheCausesOfA401() throws {
    let sandbox = try SandboxKillTests.SandboxProcess(arguments: ["--api-key", "the-right-key"])
    defer { sandbox.killHard() }
    let r = try DokProcess.run(
      ["doctor", "--url", "http://127.0.0.1:\(sandbox.port)", "--api-key", "a-wrong-key-9f8e7d", "--output", "json"], timeout: 60)
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    let c = try Self.checks(r)
    #expect(c["dokploy"]?.status == "ok")
    #expect(c["key"]?.status == "fail")
    let detail = c["key"]?.detail ?? ""
    for cause in ["expired", "outside an organization", "rate-limited", "10 requests per 24 hours"] {
      #expect(detail.contains(cause), "\(detail)")
    }
    #expect(c["permissions"]?.status == "skipped")
    #expect(!r.stdout.contains("a-wrong-key-9f8e7d") && !r.stderr.contains("a-wrong-key-9f8e7d"))
    // The right key passes.
    let ok = try DokProcess.run(
      ["doctor", "--url", "http://127.0.0.1:\(sandbox.port)", "--api-key", "the-right-key"], timeout: 60)
    #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
  }

  @Test(.timeLimit(.minutes(1))) func aPlainWebServerIsNotADokploy() async throws {
    let server = try await TestServer.start { _ in
      .text(200, "<!DOCTYPE html><html><head><title>Sign in - Corporate Proxy</title></head><body>login</body></html>")
    }
    let url = server.url
    let r = try DokProcess.run(["doctor", "--url", url, "--api-key", "k", "--output", "json"], timeout: 60)
    await server.stop()
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    let c = try Self.checks(r)
    #expect(c["tcp"]?.status == "ok")
    #expect(c["dokploy"]?.status == "fail")
    #expect(c["dokploy"]?.detail.contains("not a Dokploy API at this URL") == true, "\(c["dokploy"]?.detail ?? "")")
    #expect(c["dokploy"]?.detail.contains("Sign in - Corporate Proxy") == true)
    #expect(c["key"]?.status == "skipped")
  }

  @Test(.timeLimit(.minutes(1))) func aServerAnswering404EverywhereIsNotADokploy() async throws {
    let server = try await TestServer.start { _ in .json(404, #"{"error":"no such route"}"#) }
    let r = try DokProcess.run(["doctor", "--url", server.url, "--api-key", "k"], timeout: 60)
    await server.stop()
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("404 on every route"), "\(r.stdout)")
  }

  @Test(.timeLimit(.minutes(1))) func aClosedPortFailsAtTCP() async throws {
    let port = try await TestServer.closedPort()
    let r = try DokProcess.run(
      ["doctor", "--url", "http://127.0.0.1:\(port)", "--api-key", "k", "--output", "json"], timeout: 60)
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    let c = try Self.checks(r)
    #expect(c["tcp"]?.status == "fail")
    #expect(c["tcp"]?.detail.contains("connection refused") == true, "\(c["tcp"]?.detail ?? "")")
    #expect(c["tcp"]?.fix?.isEmpty == false)
    #expect(c["dokploy"]?.status == "skipped")
  }

  @Test(.timeLimit(.minutes(2))) func aSelfSignedServerFailsAtTLSWithTheInsecureHint() async throws {
    let tls = try await SelfSignedServer.start(days: 5)
    defer { tls.stop() }
    let url = "https://localhost:\(tls.port)"
    let r = try DokProcess.run(["doctor", "--url", url, "--api-key", "k", "--output", "json"], timeout: 60)
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    let c = try Self.checks(r)
    #expect(c["tcp"]?.status == "ok")
    #expect(c["tls"]?.status == "fail")
    #expect(c["tls"]?.detail.contains("not trusted") == true, "\(c["tls"]?.detail ?? "")")
    #expect(c["tls"]?.fix?.contains("--insecure") == true)
    // With --insecure the handshake goes through; the certificate expires within 14 days (a
    // warning), and openssl's status page is not a Dokploy.
    let i = try DokProcess.run(["doctor", "--url", url, "--api-key", "k", "--insecure", "--output", "json"], timeout: 60)
    let ci = try Self.checks(i)
    #expect(ci["tls"]?.status == "warn", "\(i.stdout)")
    #expect(ci["tls"]?.detail.contains("expires in") == true, "\(ci["tls"]?.detail ?? "")")
    #expect(ci["dokploy"]?.status == "fail", "\(i.stdout)")
    #expect(i.status == 1)
  }
}

/// `openssl s_server` with a fresh self-signed certificate for `localhost`, on a free port.
final class SelfSignedServer: @unchecked Sendable {
  let process = Process()
  let port: Int
  let directory: String

  private init(port: Int, directory: String) {
    self.port = port
    self.directory = directory
  }

  struct Unavailable: Error, CustomStringConvertible {
    var description: String
  }

  /// Makes the certificate (valid `days` days) and starts the server; waits (≤ 20 s) until it accepts.
  static func start(days: Int) async throws -> SelfSignedServer {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-tls-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let gen = Process()
    gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gen.arguments = [
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem",
      "-days", String(days), "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
    ]
    gen.standardOutput = FileHandle.nullDevice
    gen.standardError = FileHandle.nullDevice
    try gen.run()
    gen.waitUntilExit()
    guard gen.terminationStatus == 0 else { throw Unavailable(description: "openssl req failed (\(gen.terminationStatus))") }
    let port = try await TestServer.closedPort()
    let server = SelfSignedServer(port: port, directory: dir)
    server.process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    server.process.arguments = [
      "openssl", "s_server", "-accept", String(port), "-cert", dir + "/cert.pem", "-key", dir + "/key.pem", "-www", "-quiet",
    ]
    server.process.standardOutput = FileHandle.nullDevice
    server.process.standardError = FileHandle.nullDevice
    server.process.standardInput = FileHandle.nullDevice
    try server.process.run()
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      if let s = Platform.LoopbackSocket.connect(port: port) {
        s.close()
        return server
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    server.stop()
    throw Unavailable(description: "openssl s_server did not accept connections within 20 s")
  }

  /// SIGKILL (s_server ignores SIGTERM), then waits (≤ 10 s) for it to be gone.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }
    try? FileManager.default.removeItem(atPath: directory)
  }
}
