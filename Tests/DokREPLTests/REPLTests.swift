import DokCore
import Glibc
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

  @Test func theReadingThreadTakesSIGINTEvenWhenStartedWithItBlocked() async {
    let blockedAfter = await withCheckedContinuation { (c: CheckedContinuation<(Bool, Bool), Never>) in
      DetachedThread.start {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let before = PromptWake.currentThreadBlocks(SIGINT)
        PromptWake.prepareCurrentThread()
        c.resume(returning: (before, PromptWake.currentThreadBlocks(SIGINT) || PromptWake.currentThreadBlocks(PromptWake.signal)))
      }
    }
    #expect(blockedAfter.0, "the test thread should start with SIGINT blocked")
    #expect(!blockedAfter.1)
  }
}
