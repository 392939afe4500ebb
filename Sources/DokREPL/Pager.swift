#if canImport(Glibc)
  import Glibc
#endif

/// Shows output taller than the terminal through a pager (`$PAGER`, default `less -FRX`), as
/// psql does. Used only on a terminal; `:set pager off` turns it off.
struct Pager {
  /// The shell command (`less -FRX`).
  var command: String

  /// The pager for this environment: `$PAGER` when set and not empty, else `less -FRX`.
  static func fromEnvironment() -> Pager {
    if let p = getenv("PAGER").map({ String(cString: $0) }), !p.allSatisfy({ $0 == " " }) { return Pager(command: p) }
    return Pager(command: "less -FRX")
  }

  /// The terminal's height in rows, or nil when standard output is not a terminal.
  static func terminalRows() -> Int? {
    guard isatty(1) == 1 else { return nil }
    var ws = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
    return Int(ws.ws_row)
  }

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
    // Quitting the pager early closes the pipe: a write must fail, not kill dok.
    signal(SIGPIPE, SIG_IGN)
    guard let f = popen(command, "w") else { return false }
    var t = text
    t.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, f) }
    let status = pclose(f)
    // 127: the shell could not run the command.
    return status != -1 && (status >> 8) & 0xFF != 127
  }
}
