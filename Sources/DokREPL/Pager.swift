import DokCore

/// Shows output taller than the terminal through a pager (`$PAGER`, default `less -FRX`), as
/// psql does. Used only on a terminal; `:set pager off` turns it off.
struct Pager {
  /// The shell command (`less -FRX`).
  var command: String

  /// The pager for this environment: `$PAGER` when set and not empty, else `less -FRX`.
  static func fromEnvironment() -> Pager {
    if let p = FileIO.environment("PAGER"), !p.allSatisfy({ $0 == " " }) { return Pager(command: p) }
    return Pager(command: "less -FRX")
  }

  /// The terminal's height in rows, or nil when standard output is not a terminal.
  static func terminalRows() -> Int? { Platform.terminalRows(1) }

  /// True when `text` would not fit on the screen (leaving a line for the prompt).
  static func tooTall(_ text: String, rows: Int) -> Bool {
    var lines = 0
    for c in text.utf8 where c == 0x0A {
      lines += 1
      if lines >= rows - 1 { return true }
    }
    return false
  }

  /// Writes `text` through the pager; false when it could not be started (the caller prints).
  func show(_ text: String) -> Bool {
    // Quitting the pager early closes the pipe: the write fails (SIGPIPE ignored), dok goes on.
    guard let status = Platform.runShellCommand(command, input: text) else { return false }
    // 127: the shell could not run the command.
    return status != 127
  }
}
