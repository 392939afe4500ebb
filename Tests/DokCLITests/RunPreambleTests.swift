import DokCore
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// Issue 20, items 4 and 5, through the binary: what `dok run` says and checks before its first
/// call. It names the server it runs on (and a sandbox recording replayed elsewhere says so); an
/// argument the runbook never reads is an error unless `--allow-unused-arguments`.
@Suite(.serialized, .timeLimit(.minutes(2))) struct RunPreambleTests {
  func script(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dok-pre-\(UUID().uuidString).dok").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aRunOnARealServerNamesItFirst() async throws {
    let s = try await QueueingDokploy.start(QueueingDokploy.Options())
    try await withTeardown {
      let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": s.url, "DOKPLOY_API_KEY": s.options.apiKey])
      let f = try script("print \"ran\"\n")
      let r = try DokProcess.run(["run", f], environment: env)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.hasPrefix("dok: running \(f) on \(s.url)"), "\(r.stderr)")
      #expect(!r.stderr.contains("sandbox"), "\(r.stderr)")
      #expect(!r.stderr.contains(s.options.apiKey))
      // A recording made on the sandbox, replayed here: the line says so.
      let recorded = try script(
        "# Recorded by dok 1.0 against the dok sandbox (http://127.0.0.1:1) on 2026-01-01.\n# Replay: dok run --sandbox x.dok\n\nprint 1\n"
      )
      let replay = try DokProcess.run(["run", recorded], environment: env)
      #expect(replay.status == 0, "\(replay.stderr)")
      let first = replay.stderr.split(separator: "\n").first.map(String.init) ?? ""
      #expect(first.hasPrefix("dok: running \(recorded) on \(s.url)"), "\(replay.stderr)")
      #expect(first.contains("recorded on the sandbox: dok run --sandbox \(recorded)"), "\(replay.stderr)")
    } teardown: {
      await s.stop()
    }
  }

  @Test func anUnreadArgumentIsAnErrorUnlessAllowed() throws {
    let f = try script("$p = project.create name=pre\nprint $image\n")
    let r = try DokProcess.run(["run", "--sandbox", f, "imge=nginx:1.27"])
    #expect(r.status == ExitStatus.usage.code, "\(r.stderr)")
    #expect(r.stderr.contains("argument 'imge' is never read by \(f)"), "\(r.stderr)")
    #expect(r.stderr.contains("did you mean `image`?"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    let allowed = try DokProcess.run(["run", "--sandbox", "--allow-unused-arguments", f, "image=a", "extra=1"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(allowed.stdout == "a\n")
  }

  @Test func anUnsetEnvironmentVariableIsNamedAndNullIsSaidOnce() throws {
    let f = try script("project.create name=(env(\"DOK_TEST_UNSET_PREAMBLE\"))\n")
    let checked = try DokProcess.run(["run", "--sandbox", f])
    #expect(checked.status == ExitStatus.usage.code, "\(checked.stderr)")
    #expect(checked.stderr.contains("DOK_TEST_UNSET_PREAMBLE is not set"), "\(checked.stderr)")
    // Without the check, the run's own error says "got null" once.
    let unchecked = try DokProcess.run(["run", "--sandbox", "--no-validate", f])
    #expect(unchecked.status != 0)
    #expect(unchecked.stderr.contains("got null"), "\(unchecked.stderr)")
    #expect(!unchecked.stderr.contains("null null"), "\(unchecked.stderr)")
  }
}
