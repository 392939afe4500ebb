import DokCore
import Testing

@testable import DokScript

/// Issue 20, item 4: a script argument the runbook never reads is a check error (exit 2) with
/// "did you mean", before any call; a runbook that `source`s a file may read anything.
@Suite struct UnreadArgumentTests {
  @Test func aMistypedArgumentIsACheckErrorBeforeAnyCall() async {
    let host = FakeHost()
    let s = Interpreter(host: host)
    #expect(s.setArguments(["imge=nginx:1.27", "name=web"]) == nil)
    let o = await s.execute(source: "counter.next\nprint $image, $name\n", file: "r.dok")
    #expect(o.exitCode == ExitStatus.usage.code)
    #expect(o.diagnostics.count == 1, "\(o.diagnostics)")
    #expect(o.diagnostics.first?.message == "argument 'imge' is never read by r.dok")
    #expect(o.diagnostics.first?.notes.first == "did you mean `image`?")
    #expect(host.calls.isEmpty, "nothing was sent")
  }

  @Test func aRunbookThatSourcesAFileIsNotJudged() async {
    let s = Interpreter(host: FakeHost())
    #expect(s.setArguments(["extra=1"]) == nil)
    let o = await s.execute(source: "source \"/nonexistent-dok-file.dok\"\n", file: "r.dok")
    #expect(o.diagnostics.allSatisfy { !$0.message.contains("never read") }, "\(o.diagnostics)")
  }

  @Test func theREPLIsNotJudged() async {
    let s = Interpreter(host: FakeHost())
    #expect(s.setArguments(["extra=1"]) == nil)
    let o = await s.execute(source: "print 1", file: "<repl>")
    #expect(o.exitCode == 0, "\(o.diagnostics)")
  }
}
