import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// Long `deploy`s and `wait`s off a terminal: a plain progress line on stderr every
/// `DOK_PROGRESS_EVERY` (10 s by default), and `--trace` lines when they start, with the
/// `description` dok adds to a deploy.
@Suite(.serialized, .timeLimit(.minutes(2))) struct LongRunProgressTests {
  static func server(build: Double) async throws -> QueueingDokploy {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.05
    o.buildSeconds = build
    return try await QueueingDokploy.start(o)
  }

  static func script(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).dok").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func callWaitPrintsPlainProgressLinesOnAPipe() async throws {
    let s = try await Self.server(build: 1.2)
    defer { Task { await s.stop() } }
    let app = s.addApplication()
    var env = CallWaitTests.env(s)
    env["DOK_PROGRESS_EVERY"] = "200ms"
    let r = try DokProcess.run(
      ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms", "-o", "json"], environment: env)
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    let progress = r.stderr.split(separator: "\n").filter {
      $0.hasPrefix("dok: deploy running") || $0.hasPrefix("dok: deploy queued")
    }
    #expect(progress.count >= 2, "\(r.stderr)")
    #expect(!r.stderr.contains("\u{1B}["), "no terminal escapes on a pipe")
  }

  @Test func runPrintsPlainProgressForDeploysAndWaits() async throws {
    let s = try await Self.server(build: 1.2)
    defer { Task { await s.stop() } }
    let app = s.addApplication()
    let file = try Self.script(
      """
      deploy application.deploy applicationId="\(app)" every 50ms
      wait application.one applicationId="\(app)" until .name == "never" every 50ms timeout 800ms
      """)
    var env = CallWaitTests.env(s)
    env["DOK_PROGRESS_EVERY"] = "200ms"
    let r = try DokProcess.run(["run", file], environment: env)
    #expect(r.status == ExitStatus.timeout.code, "\(r.stderr)")
    #expect(r.stderr.contains("\(file):1:1: deploy running"), "\(r.stderr)")
    #expect(r.stderr.contains("\(file):2:1: waiting "), "\(r.stderr)")
    // Without the variable, nothing within the first 10 s.
    var quiet = CallWaitTests.env(s)
    quiet["DOK_PROGRESS_EVERY"] = nil
    let q = try DokProcess.run(["run", file], environment: quiet)
    #expect(!q.stderr.contains("deploy running") && !q.stderr.contains("waiting "), "\(q.stderr)")
  }

  @Test func traceShowsADeployWhenItStartsWithDoksDescription() async throws {
    let s = try await Self.server(build: 0.3)
    defer { Task { await s.stop() } }
    let app = s.addApplication()
    let file = try Self.script(
      """
      $d = deploy application.deploy applicationId="\(app)" every 50ms
      wait application.one applicationId="\(app)" until .name == "web" every 50ms timeout 5s
      """)
    let r = try DokProcess.run(["run", "--trace", file], environment: CallWaitTests.env(s))
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
    let name = URL(fileURLWithPath: file).lastPathComponent
    let lines = r.stderr.split(separator: "\n").map(String.init)
    let start = lines.firstIndex { $0.hasPrefix("\(file):1:6: $d = deploy application.deploy") && $0.hasSuffix("  …") }
    let note = lines.firstIndex { $0.hasPrefix("\(file):1:6: note: sent with description \"dok ") && $0.contains("(\(name):1)") }
    let firstLog = lines.firstIndex { $0.hasPrefix("\(file):1:6: | ") }
    let end = lines.firstIndex { $0.hasPrefix("\(file):1:6: $d = deploy") && $0.contains("=>") }
    #expect(start != nil && note != nil && firstLog != nil && end != nil, "\(r.stderr)")
    if let start, let note, let firstLog, let end { #expect(start < note && note < firstLog && firstLog < end, "\(r.stderr)") }
    // The description shown is the one the row carries.
    let sent = s.deployments(app).first?["description"]?.stringValue ?? "?"
    #expect(r.stderr.contains(JSON.string(sent).compactText), "\(sent) / \(r.stderr)")
    let waitStart = lines.firstIndex { $0.hasPrefix("\(file):2:1: wait application.one") && $0.hasSuffix("  …") }
    let waitEnd = lines.firstIndex { $0.hasPrefix("\(file):2:1: wait application.one") && $0.contains("=>") }
    #expect(waitStart != nil && waitEnd != nil && waitStart! < waitEnd!, "\(r.stderr)")
  }
}
