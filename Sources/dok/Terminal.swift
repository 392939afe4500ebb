import DokCore

/// Facts about the terminal and unbuffered writers for stdout/stderr.
struct Terminal: Sendable {
  let fd: Int32

  static let standardOutput = Terminal(fd: 1)
  static let standardError = Terminal(fd: 2)

  /// True when this stream is a terminal.
  var isTTY: Bool { Platform.isTerminal(fd) }

  /// Colour only on a terminal and never when `NO_COLOR` is set (any value).
  var useColor: Bool {
    guard isTTY else { return false }
    if Platform.environmentIsSet("NO_COLOR") { return false }
    if let term = FileIO.environment("TERM"), term == "dumb" { return false }
    return true
  }

  /// Writes all of `text`.
  func write(_ text: String) { Output.write(fd, text) }
}
