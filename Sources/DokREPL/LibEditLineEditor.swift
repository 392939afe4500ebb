import CLibEdit
import DokCore

/// The terminal line editor on libedit's native API: emacs keys, history with Up/Down and
/// Ctrl-R search, and Tab completion from a ``Completer``-style provider.
///
/// Facts it relies on (see ../shared/design/libedit-notes.md): libedit's own signal handling is
/// off (it re-sends signals to the process group); SIGINT is caught by ``InterruptMonitor``
/// without SA_RESTART, and at the prompt the reading thread is woken by ``PromptWake``, so a
/// Ctrl-C makes `el_gets` return NULL with EINTR; the locale is set so
/// UTF-8 input works; the history file is created 0600 by us.
public final class LibEditLineEditor: LineEditor {
  /// Computes completions for (line up to the cursor, cursor character offset).
  public typealias Provider = (String, Int) -> CompletionResult

  private let el: OpaquePointer
  private let hist: OpaquePointer
  private let historyPath: String?
  private var currentPrompt: [CChar] = [0]
  private let provider: Provider
  private var lastTabLine: String?
  private let interrupts: InterruptMonitor
  private let savedTerminal: Platform.TerminalSettings?
  /// Lines are written to history only up to this many entries.
  public static let historySize: Int32 = 1000

  public init(historyPath: String?, interrupts: InterruptMonitor, provider: @escaping Provider) {
    Platform.useEnvironmentCharacterLocale()
    savedTerminal = Platform.terminalSettings(0)
    self.el = dok_el_init("dok")
    self.hist = dok_hist_init()
    self.historyPath = historyPath
    self.provider = provider
    self.interrupts = interrupts
    dok_hist_setsize(hist, Self.historySize)
    dok_hist_setunique(hist, 1)
    if let historyPath, FileIO.exists(historyPath) { _ = dok_hist_load(hist, historyPath) }
    dok_el_set_signal(el, 0)
    dok_el_set_editor(el, "emacs")
    dok_el_set_hist(el, hist)
    dok_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    dok_el_set_prompt(el) { el in
      guard let el, let data = dok_el_get_clientdata(el) else { return nil }
      let editor = Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue()
      return editor.currentPrompt.withUnsafeMutableBufferPointer { $0.baseAddress }
    }
    dok_el_addfn(el, "dok-complete", "complete the word before the cursor") { el, _ in
      guard let el, let data = dok_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue().complete()
    }
    dok_el_bind(el, "^I", "dok-complete")
    dok_el_bind(el, "^R", "em-inc-search-prev")
    // Read ~/.editrc-style settings from nowhere: behaviour is the same on every machine.
  }

  deinit {
    el_end(el)
    dok_hist_end(hist)
  }

  public var isInteractive: Bool { true }

  /// Puts the terminal back as it was before dok started (for SIGTERM, which exits at once).
  public func restoreTerminal() {
    guard let savedTerminal else { return }
    Platform.restoreTerminalSettings(savedTerminal, on: 0)
  }

  public func readLine(prompt: String) -> LineRead {
    currentPrompt = Array(prompt.utf8CString)
    lastTabLine = nil
    // Ctrl-C must interrupt the read below: see PromptWake.
    PromptWake.install()
    PromptWake.prepareCurrentThread()
    let reading = PromptWake.Reading()
    let previous = interrupts.swapInterruptHandler { reading.wake() }
    defer { _ = interrupts.swapInterruptHandler(previous) }
    var count: Int32 = 0
    let before = interrupts.count
    let got = el_gets(el, &count)
    let readInterrupted = Platform.lastErrorWasInterrupt
    reading.finish()
    guard let raw = got else {
      if interrupts.count != before || readInterrupted {
        // Ctrl-C: discard what was typed and start a fresh line.
        el_reset(el)
        clearBuffer()
        Output.write(1, "^C\n")
        return .interrupted
      }
      return .endOfFile
    }
    if count <= 0 { return .endOfFile }
    var s = String(cString: raw)
    if s.hasSuffix("\n") { s.removeLast() }
    return .line(s)
  }

  private func clearBuffer() {
    guard let info = el_line(el) else { return }
    let total = info.pointee.lastchar - info.pointee.buffer
    _ = el_cursor(el, Int32(total))
    if total > 0 { el_deletestr(el, Int32(total)) }
  }

  public func addHistory(_ line: String) {
    _ = dok_hist_enter(hist, line)
  }

  public var history: [String] {
    var out: [String] = []
    var p = dok_hist_last(hist)
    while let s = p {
      out.append(String(cString: s))
      p = dok_hist_prev(hist)
    }
    return out
  }

  public func saveHistory() {
    guard let historyPath else { return }
    let dir = FileIO.directory(of: historyPath)
    if !dir.isEmpty { try? FileIO.makeDirectories(dir) }
    // Create it 0600 before libedit writes to it; keep it 0600 afterwards.
    FileIO.createIfMissing(historyPath, mode: 0o600)
    FileIO.setMode(historyPath, 0o600)
    _ = dok_hist_save(hist, historyPath)
    FileIO.setMode(historyPath, 0o600)
  }

  /// Tab: complete a unique candidate (or the common prefix); on a second Tab with nothing
  /// to add, list the candidates with their hints.
  private func complete() -> UInt8 {
    guard let info = el_line(el) else { return UInt8(CC_ERROR) }
    let start = info.pointee.buffer!
    let cursorBytes = info.pointee.cursor - start
    let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: cursorBytes)
    let line = String(decoding: bytes, as: UTF8.self)
    let result = provider(line, line.count)
    let word = result.word
    guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if result.candidates.count == 1 {
      let c = result.candidates[0]
      replaceWord(word, with: c.text + (c.appendSpace ? " " : ""))
      lastTabLine = nil
      return UInt8(CC_REFRESH)
    }
    let common = Self.commonPrefix(result.candidates.map(\.text))
    if common.count > word.count {
      replaceWord(word, with: common)
      lastTabLine = nil
      return UInt8(CC_REFRESH)
    }
    if lastTabLine != line, let p = result.preferred {
      replaceWord(word, with: p.text + (p.appendSpace ? " " : ""))
      lastTabLine = nil
      return UInt8(CC_REFRESH)
    }
    if lastTabLine == line {
      Output.write(1, "\n" + Self.listing(result.candidates) + "\n")
      return UInt8(CC_REDISPLAY)
    }
    lastTabLine = line
    return UInt8(CC_REFRESH_BEEP)
  }

  private func replaceWord(_ word: String, with text: String) {
    if !word.isEmpty { el_deletestr(el, Int32(word.unicodeScalars.count)) }
    _ = el_insertstr(el, text)
  }

  static func commonPrefix(_ items: [String]) -> String {
    guard var prefix = items.first.map(Array.init) else { return "" }
    for item in items.dropFirst() {
      let a = Array(item)
      var n = 0
      while n < prefix.count, n < a.count, prefix[n] == a[n] { n += 1 }
      prefix = Array(prefix[..<n])
    }
    return String(prefix)
  }

  /// Candidates in columns; with hints, one per line as `text  hint`.
  static func listing(_ candidates: [Completion]) -> String {
    let width = (candidates.map(\.text.count).max() ?? 0) + 2
    if candidates.contains(where: { $0.hint != nil }) {
      return candidates.map { c in
        c.text + String(repeating: " ", count: max(2, width - c.text.count)) + (c.hint.map { "\u{1B}[2m\($0)\u{1B}[0m" } ?? "")
      }.joined(separator: "\n")
    }
    let columns = max(1, 80 / width)
    var lines: [String] = []
    var row = ""
    for (i, c) in candidates.enumerated() {
      row += c.text + String(repeating: " ", count: width - c.text.count)
      if (i + 1) % columns == 0 {
        lines.append(row)
        row = ""
      }
    }
    if !row.isEmpty { lines.append(row) }
    return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n")
  }
}

extension String {
  fileprivate func replacingTrailingSpaces() -> String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
