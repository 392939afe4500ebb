import DokCore
import DokSpec
import Testing

@testable import DokREPL

/// The REPL core driven in-process: a scripted line editor, a fake server, captured output.
@Suite struct REPLTests {
  @Test func aCallPrintsItsResultAndItsNumber() async {
    let h = REPLHarness(lines: [#"project.create name="demo""#])
    #expect(await h.run() == 0)
    #expect(h.capture.out.contains(#""projectId": "p1""#))
    #expect(h.capture.out.contains("→ $1"))
    #expect(h.editor.prompts.first == "dok test> ")
  }

  @Test func ctrlCAtAContinuationPromptDropsTheWholePendingBlock() async {
    let h = REPLHarness([
      .line("for $i in 1..2 {"), .line(#"  print "inside", $i"#), .interrupted, .line(#"print "after""#), .line("}"),
    ])
    await h.run()
    #expect(h.editor.prompts == ["dok test> ", "... ", "... ", "dok test> ", "dok test> ", "dok test> "])
    #expect(!h.capture.out.contains("inside"))
    #expect(h.capture.out.contains("after\n"))
  }

  /// Issue 14, bug 7: the README's `application.deploy?   # …` line works as typed.
  @Test func procQuestionMarkWithATrailingCommentDescribes() async {
    let h = REPLHarness(lines: ["application.deploy?                # or :describe PROC: what a procedure takes"])
    #expect(await h.run() == 0)
    #expect(h.capture.out.hasPrefix("application.deploy  POST /api/application.deploy"), "\(h.capture.out)")
    #expect(h.capture.err.isEmpty, "\(h.capture.err)")
  }

  @Test func theReadingThreadTakesSIGINTEvenWhenStartedWithItBlocked() async {
    let blockedAfter = await withCheckedContinuation { (c: CheckedContinuation<(Bool, Bool), Never>) in
      DetachedThread.start {
        Platform.blockSignalsOnCurrentThread([Platform.interruptSignal])
        let before = PromptWake.currentThreadBlocks(Platform.interruptSignal)
        PromptWake.prepareCurrentThread()
        c.resume(
          returning: (
            before,
            PromptWake.currentThreadBlocks(Platform.interruptSignal) || PromptWake.currentThreadBlocks(PromptWake.signal)
          ))
      }
    }
    #expect(blockedAfter.0, "the test thread should start with SIGINT blocked")
    #expect(!blockedAfter.1)
  }
}

/// `name=@path` (issue 14, bug 4): regular files only, bounded, `~` expanded, quoted paths, `:=@file.json`.
@Suite struct FileArgumentTests {
  @Test func aDeviceIsRefusedInsteadOfReadForever() async {
    let h = REPLHarness(lines: ["project.create name=@/dev/zero", #"print "still", "here""#])
    #expect(await h.run(seconds: 10) == 0)
    #expect(h.capture.err.contains("/dev/zero: not a regular file"), "\(h.capture.err)")
    #expect(h.capture.out.contains("still here"))
    #expect(h.caller.calls.isEmpty)
  }

  @Test func aFileOverTheCapIsAClearError() async throws {
    let dir = TempDir()
    let big = dir.file("big.txt")
    FileIO.createIfMissing(big, mode: 0o600)
    try FileIO.truncate(big, toSize: ArgumentFile.limit + 1)
    let h = REPLHarness(lines: ["project.create name=@\(big)"])
    await h.run()
    #expect(h.capture.err.contains("over the 16 MB limit"), "\(h.capture.err)")
    #expect(h.caller.calls.isEmpty)
  }

  @Test func quotedPathsWithSpacesTildeAndJSONFiles() async throws {
    let dir = TempDir()
    let spaced = dir.file("my name.txt")
    try FileIO.writeAtomically(spaced, Array("from a file".utf8))
    let json = dir.file("desc.json")
    try FileIO.writeAtomically(json, Array(#""json text""#.utf8))
    let h = REPLHarness(lines: [#"project.create name=@"\#(spaced)" description:=@\#(json)"#])
    #expect(await h.run() == 0, "\(h.capture.err)")
    let args = h.caller.calls.first?.1 ?? []
    #expect(args.map(\.name) == ["name", "description"])
    #expect(args.first?.value == .file(spaced))
    #expect(args.last?.value == .json("@" + json))
    #expect(h.caller.inputs.first?["name"] == "from a file")
    #expect(h.caller.inputs.first?["description"] == "json text")
    let home = FileIO.environment("HOME") ?? ""
    #expect(ArgumentFile.expand("~/x.json") == home + "/x.json")
    #expect(ArgumentFile.expand("a~b") == "a~b")
  }
}

/// What psql users expect: history, `→ $N`, the startup file.
@Suite struct REPLHabitsTests {
  @Test func aMultiLineEntryIsOneHistoryEntry() async {
    let h = REPLHarness(lines: ["for $i in 1..2 {", #"  print "n", $i"#, "}", #"print "next""#], interactive: true)
    await h.run()
    #expect(h.editor.history == ["for $i in 1..2 {\n  print \"n\", $i\n}", #"print "next""#])
  }

  @Test func assignmentsAndWaitsSayTheirNumber() async {
    let h = REPLHarness(lines: [
      "$p = project.create name=x",
      #"wait application.one applicationId=a1 until .applicationStatus == "done" every 10ms timeout 5s"#,
      "$v = 1",
    ])
    await h.run()
    #expect(h.capture.out == "→ $1\n→ $2\n\n", "\(h.capture.out)")  // the last newline: Ctrl-D
  }

  @Test func theStartupFileSetsAndDefinesWithoutHistory() async {
    let h = REPLHarness(lines: ["$greeting", "project.create name=y"], interactive: true)
    let code = h.repl.runStartup(":set output json\n$greeting = \"hi\"\n", file: "init.dok")
    #expect(code == 0)
    await h.run()
    #expect(h.capture.out.hasPrefix("\"hi\"\n"), "\(h.capture.out)")
    #expect(h.capture.out.contains(#"{"project":{"projectId":"p1""#), "json output was set: \(h.capture.out)")
    #expect(h.editor.history == ["$greeting", "project.create name=y"])
  }
}

/// Issue 14, bug 10: small things seen at the prompt.
@Suite struct REPLPapercutTests {
  @Test func historyRejectsANonNumber() async {
    let h = REPLHarness(lines: ["print 1", ":history abc", ":history 1"], interactive: true)
    await h.run()
    #expect(h.capture.err.contains("usage: :history [N]"), "\(h.capture.err)")
    #expect(h.capture.out.contains("    2  :history abc") == false)
  }

  @Test func loadAndSourceWordAMissingFileAlike() async {
    let dir = TempDir()
    let missing = dir.file("nope.dok")
    let h = REPLHarness(lines: [":load \(missing)", #"source "\#(missing)""#])
    await h.run()
    let lines = h.capture.err.split(separator: "\n").filter { $0.contains("cannot read") }
    #expect(lines.count == 2, "\(h.capture.err)")
    #expect(lines.allSatisfy { $0.contains("cannot read \(missing): No such file or directory") }, "\(h.capture.err)")
  }

  @Test func aByteOrderMarkIsAccepted() async throws {
    let dir = TempDir()
    let f = dir.file("bom.dok")
    try FileIO.writeAtomically(f, [0xEF, 0xBB, 0xBF] + Array(#"print "bom", "ok""#.utf8))
    let h = REPLHarness(lines: [":load \(f)", #"source "\#(f)""#])
    await h.run()
    #expect(h.capture.out == "bom ok\nbom ok\n\n", "\(h.capture.out) \(h.capture.err)")
  }

  @Test func redactMasksSecretsButNotBooleansAndPrintedSecretValues() async {
    let masked = SecretPolicy().redact(["createEnvFile": true, "password": "pw", "envVars": .null, "refreshToken": "t"])
    #expect(masked == ["createEnvFile": true, "password": "***", "envVars": .null, "refreshToken": "***"])
    let h = REPLHarness(lines: ["$a = user.login email=a@b.c password=x", "print $a.token"]) { $0.redact = true }
    await h.run()
    #expect(!h.capture.out.contains("tok-secret"), "\(h.capture.out)")
    #expect(h.capture.out.contains("***"), "\(h.capture.out)")
  }
}
