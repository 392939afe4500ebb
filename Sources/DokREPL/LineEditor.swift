/// What reading one line produced.
public enum LineRead: Sendable, Equatable {
  case line(String)
  /// Ctrl-C at the prompt: the line was discarded.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfFile
}

/// Reads lines for the REPL. The REPL core is tested with a scripted editor; the terminal uses
/// ``LibEditLineEditor``; piped input uses ``PlainLineEditor``.
public protocol LineEditor: AnyObject {
  /// Shows `prompt` (ignored by non-interactive editors) and reads one line.
  func readLine(prompt: String) -> LineRead
  /// Adds an entry to the history (already filtered for secrets by the caller).
  func addHistory(_ line: String)
  /// History entries, oldest first.
  var history: [String] { get }
  /// Writes the history to its file, if any.
  func saveHistory()
  /// Whether this editor is interactive (prompts, colour, progress lines).
  var isInteractive: Bool { get }
}

/// Reads lines from a file descriptor with no prompt and no history (when stdin is not a terminal,
/// so `dok < runbook.dok` behaves like `dok run -`).
public final class PlainLineEditor: LineEditor {
  private var buffer: [UInt8] = []
  private var eof = false
  private let fd: Int32

  public init(fd: Int32 = 0) { self.fd = fd }

  public func readLine(prompt: String) -> LineRead {
    while true {
      if let nl = buffer.firstIndex(of: 0x0A) {
        var lineBytes = Array(buffer[..<nl])
        buffer.removeFirst(nl + 1)
        if lineBytes.last == 0x0D { lineBytes.removeLast() }
        return .line(String(decoding: lineBytes, as: UTF8.self))
      }
      if eof {
        if buffer.isEmpty { return .endOfFile }
        let rest = buffer
        buffer = []
        return .line(String(decoding: rest, as: UTF8.self))
      }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let n = chunk.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[0..<n])
      } else if n == 0 || !isEINTR() {
        eof = true
      }
    }
  }

  public func addHistory(_ line: String) {}
  public var history: [String] { [] }
  public func saveHistory() {}
  public var isInteractive: Bool { false }
}

/// A scripted editor for tests: returns the given reads in order, then end of file.
public final class ScriptedLineEditor: LineEditor {
  private var reads: [LineRead]
  public private(set) var prompts: [String] = []
  public private(set) var history: [String] = []

  public let isInteractive: Bool

  /// `interactive`: behave like a terminal editor (history kept, the REPL keeps going after errors).
  public init(_ reads: [LineRead], interactive: Bool = false) {
    self.reads = reads
    self.isInteractive = interactive
  }
  public convenience init(lines: [String], interactive: Bool = false) {
    self.init(lines.map { .line($0) }, interactive: interactive)
  }

  public func readLine(prompt: String) -> LineRead {
    prompts.append(prompt)
    return reads.isEmpty ? .endOfFile : reads.removeFirst()
  }

  public func addHistory(_ line: String) { history.append(line) }
  public func saveHistory() {}
}
