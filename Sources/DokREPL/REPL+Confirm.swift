import DokCore
import DokRuntime

extension REPL {
  /// Gives the environment's ``DestructiveConfirmation`` its way of asking: the REPL's own line
  /// editor, on a terminal only (piped input never asks). The question is read on a thread of
  /// its own, so the entry's task waits without blocking one of the pool's threads; a Ctrl-C at
  /// the question interrupts the read, which declines.
  func installConfirmation() {
    guard let confirmation = environment.confirmation else { return }
    guard editor.isInteractive else { return confirmation.setAsk(nil) }
    let editor = Box<LineEditor>(self.editor)
    confirmation.setAsk { question in
      await withCheckedContinuation { continuation in
        Platform.startThread {
          switch editor.value.readLine(prompt: question) {
          case .line(let answer): continuation.resume(returning: answer)
          case .interrupted, .endOfFile: continuation.resume(returning: nil)
          }
        }
      }
    }
  }

  /// `:set confirm on|off`.
  func setConfirm(_ value: String) {
    guard let confirmation = environment.confirmation else {
      return fail("this session never asks before destructive calls (no terminal)")
    }
    switch value {
    case "on": confirmation.enabled = true
    case "off": confirmation.enabled = false
    default: fail("confirm is on or off")
    }
  }
}
