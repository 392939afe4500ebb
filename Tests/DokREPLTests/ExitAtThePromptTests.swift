import DokCore
import Testing

@testable import DokREPL

/// `exit [N]` at the prompt ends the session with N, as the language contract says (issue 20,
/// item 8); a bad N is an error that keeps the REPL up; `quit` and `help` point to the meta
/// commands.
@Suite struct ExitAtThePromptTests {
  @Test func exitAloneEndsTheSessionWithZero() async {
    let h = REPLHarness(lines: ["exit", #"print "after", "exit""#])
    #expect(await h.run() == 0)
    #expect(!h.capture.out.contains("after exit"), "\(h.capture.out)")
    #expect(h.editor.prompts.count == 1, "\(h.editor.prompts)")
  }

  @Test func exitNEndsTheSessionWithN() async {
    let h = REPLHarness(lines: ["exit 3", #"print "after", "exit""#])
    #expect(await h.run() == 3)
    #expect(!h.capture.out.contains("after exit"), "\(h.capture.out)")
  }

  @Test func exitInsideABlockEndsTheSession() async {
    let h = REPLHarness(lines: ["if true {", "  exit 4", "}", #"print "after", "exit""#])
    #expect(await h.run() == 4)
    #expect(!h.capture.out.contains("after exit"), "\(h.capture.out)")
  }

  @Test func aBadCodeIsAnErrorAndTheREPLStaysUp() async {
    let h = REPLHarness(lines: ["exit 300", #"exit "x""#, #"print "still", "here""#])
    #expect(await h.run() == 0)
    #expect(h.capture.err.contains("exit needs a whole number from 0 to 255"), "\(h.capture.err)")
    #expect(h.capture.out.contains("still here"), "\(h.capture.out)")
  }

  @Test func exitEndsPipedInputToo() async {
    let h = REPLHarness(lines: ["exit 5", #"print "after""#], interactive: false)
    #expect(await h.run() == 5)
    #expect(!h.capture.out.contains("after"), "\(h.capture.out)")
  }

  @Test func quitAndHelpAsBareWordsPointToTheMetaCommands() async {
    let h = REPLHarness(lines: ["quit", "help", #"print "still", "here""#])
    #expect(await h.run() == 0)
    #expect(h.capture.err.contains("`:quit`"), "\(h.capture.err)")
    #expect(h.capture.err.contains("`:help`"), "\(h.capture.err)")
    #expect(!h.capture.err.contains("'exit'"), "\(h.capture.err)")
    #expect(h.capture.out.contains("still here"), "\(h.capture.out)")
  }
}
