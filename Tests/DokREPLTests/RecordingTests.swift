import DokCore
import Foundation
import Testing

@testable import DokREPL

/// `:record`: recordings stand alone and are never lost or clobbered silently (issue 14, bugs 3 and 5).
@Suite struct RecordingTests {
  func read(_ path: String) -> String { (try? FileIO.readText(path)) ?? "<missing>" }

  @Test func quitWritesTheRecordingInProgressAndSaysSo() async {
    let dir = TempDir()
    let f = dir.file("x.dok")
    let h = REPLHarness(lines: [":record \(f)", "project.create name=kept", ":quit"])
    await h.run()
    #expect(read(f).contains("project.create name=kept"))
    #expect(h.capture.err.contains("wrote 1 entry to \(f)"))
  }

  @Test func endOfInputWritesItToo() async {
    let dir = TempDir()
    let f = dir.file("eof.dok")
    let h = REPLHarness(lines: [":record \(f)", "project.create name=kept"])
    await h.run()
    #expect(read(f).contains("project.create name=kept"))
  }

  @Test func startingAnotherRecordingWritesTheFirst() async {
    let dir = TempDir()
    let (a, b) = (dir.file("a.dok"), dir.file("b.dok"))
    let h = REPLHarness(lines: [
      ":record \(a)", "project.create name=first", ":record \(b)", "project.create name=second", ":quit",
    ])
    await h.run()
    #expect(read(a).contains("name=first") && !read(a).contains("name=second"))
    #expect(read(b).contains("name=second"))
  }

  @Test func anExistingFileIsNotOverwrittenWithoutTheBang() async throws {
    let dir = TempDir()
    let f = dir.file("keep.dok")
    try FileIO.writeAtomically(f, Array("precious\n".utf8))
    let h = REPLHarness(lines: [":record \(f)", "project.create name=x", ":record stop", ":quit"])
    await h.run()
    #expect(read(f) == "precious\n")
    #expect(h.capture.err.contains("\(f) exists; :record! \(f) overwrites it"))
    let bang = REPLHarness(lines: [":record! \(f)", "project.create name=x", ":record stop"])
    await bang.run()
    #expect(read(f).contains("project.create name=x"))
  }

  @Test func aPathInAMissingDirectoryIsAnError() async {
    let dir = TempDir()
    let f = dir.file("no/such/dir/x.dok")
    let h = REPLHarness(lines: [":record \(f)", "project.create name=x", ":quit"])
    await h.run()
    #expect(h.capture.err.contains("cannot record to \(f): no directory"))
    #expect(!FileIO.exists(dir.file("no")))
  }

  @Test func aRecordingKeepsNamesDefinesWhatItUsesAndReplaysOnItsOwn() async throws {
    let dir = TempDir()
    let f = dir.file("standalone.dok")
    let h = REPLHarness(lines: [
      "project.create name=before",  // $1, before the recording
      ":record \(f)",
      "$app = application.create name=web environmentId=$1.environment.environmentId",  // $2 → a2
      "application.deploy applicationId=$app.applicationId",
      "application.create name=other environmentId=$1.environment.environmentId",  // $4 → a4
      "application.one applicationId=a2",  // an ID typed as text
      "application.one applicationId=$4.applicationId",
      ":record stop",
    ])
    await h.run()
    let text = read(f)
    #expect(text.contains("$app = application.create name=web environmentId=$r1.environment.environmentId"), "\(text)")
    #expect(text.contains("\napplication.deploy applicationId=$app.applicationId\n"), "\(text)")
    #expect(text.contains("application.one applicationId=$app.applicationId\n"), "\(text)")
    #expect(text.contains("$r4 = application.create name=other"), "\(text)")
    #expect(text.contains("application.one applicationId=$r4.applicationId\n"), "\(text)")
    #expect(text.contains(#"$r1 = {"project": {"projectId": "p1""#), "\(text)")
    #expect(!text.contains("$1") && !text.contains("$2") && !text.contains("$4"), "\(text)")

    // Replayed with :load in a session that already has results (and its own $app): the
    // recording acts on what it creates itself.
    let replay = REPLHarness(lines: [
      "project.create name=old", "$app = application.create name=old environmentId=e1", ":load \(f)",
    ])
    await replay.run()
    let calls = replay.caller.calls.map { c in c.0 + " " + c.1.map { "\($0.name)=\($0.value)" }.joined(separator: " ") }
    let deploy = calls.first { $0.hasPrefix("application.deploy") } ?? "none"
    // a2 is the old session's app; the recording's application.create is call 3, so it made a3.
    #expect(deploy.contains("a3"), "\(calls)")
    #expect(replay.capture.err.isEmpty, "\(replay.capture.err)")
  }

  @Test func secretsBecomeEnvironmentReadsNotAsterisks() async {
    let dir = TempDir()
    let f = dir.file("login.dok")
    let h = REPLHarness(lines: [":record \(f)", #"user.login email=a@b.c password="hunter2""#, ":record stop"])
    await h.run()
    let text = read(f)
    #expect(text.contains(#"user.login email=a@b.c password=(env("DOK_PASSWORD"))"#), "\(text)")
    #expect(!text.contains("hunter2") && !text.contains("***"), "\(text)")
    #expect(text.contains("DOK_PASSWORD=… dok run"), "\(text)")
    // Replayed with the variable set, the secret comes from the environment.
    setenv("DOK_PASSWORD", "from-env", 1)
    defer { unsetenv("DOK_PASSWORD") }
    let replay = REPLHarness(lines: [":load \(f)"])
    await replay.run()
    #expect(replay.capture.err.isEmpty, "\(replay.capture.err)")
    #expect(replay.caller.inputs.first?["password"] == "from-env")
  }

  /// Issue 20, item 5: a recording made on the sandbox says so in its replay hint, and lists the
  /// environment variables it needs; `dok run` recognises it.
  @Test func aRecordingMadeOnTheSandboxReplaysThere() async {
    let dir = TempDir()
    let f = dir.file("sandbox.dok")
    let h = REPLHarness(lines: [":record \(f)", #"user.login email=a@b.c password="hunter2""#, ":record stop"]) {
      $0.isSandbox = true
    }
    await h.run()
    let text = read(f)
    #expect(text.contains("# Replay: DOK_PASSWORD=… dok run --sandbox \(f)\n"), "\(text)")
    #expect(text.contains("# Needs the environment variables: DOK_PASSWORD\n"), "\(text)")
    #expect(Recorder.recordedOnSandbox(text))
    let g = dir.file("real.dok")
    let real = REPLHarness(lines: [":record \(g)", "project.create name=x", ":record stop"])
    await real.run()
    let other = read(g)
    #expect(other.contains("# Replay: dok run \(g)\n"), "\(other)")
    #expect(!Recorder.recordedOnSandbox(other))
  }
}
