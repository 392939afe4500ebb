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
  private var tabs = CompletionTabs()
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
    dok_el_addfn(el, "dok-search", "search the history as you type") { el, _ in
      guard let el, let data = dok_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue().search()
    }
    // Not libedit's em-inc-search-prev: after a search that found nothing, Enter there ran the
    // last partial match (see HistorySearch).
    dok_el_bind(el, "^R", "dok-search")
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
    tabs.reset()
    // Ctrl-C must interrupt the read below: see PromptWake.
    PromptWake.install()
    PromptWake.prepareCurrentThread()
    let reading = PromptWake.Reading()
    let previous = interrupts.swapInterruptHandler { reading.wake() }
    defer { _ = interrupts.swapInterruptHandler(previous) }
    var count: Int32 = 0
    let before = interrupts.count
    // An EINTR left by an earlier Ctrl-C would make a later Ctrl-D (NULL, errno untouched)
    // look like one more Ctrl-C: the REPL would never exit on Ctrl-D again.
    Platform.clearLastError()
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
    guard let info = el_wline(el) else { return }
    let total = info.pointee.lastchar - info.pointee.buffer
    _ = el_cursor(el, Int32(total))
    if total > 0 { el_deletestr(el, Int32(total)) }
  }

  /// The whole line being edited.
  private var bufferText: String {
    guard let info = el_line(el), let start = info.pointee.buffer else { return "" }
    let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: info.pointee.lastchar - start)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The cursor's offset in the line, in characters.
  private var cursorOffset: Int {
    guard let info = el_wline(el) else { return 0 }
    return info.pointee.cursor - info.pointee.buffer
  }

  /// A prompt as shown: without the `\1`-delimited escape sequences (colour).
  static func visible(_ prompt: [CChar]) -> String {
    var out = ""
    var hidden = false
    for c in String(cString: prompt) {
      if c == "\u{1}" { hidden.toggle() } else if !hidden { out.append(c) }
    }
    return out
  }

  /// How many rows below its first the end of `text` is on a terminal `columns` wide (lines
  /// wrap; a newline starts a row).
  static func rows(_ text: String, columns: Int) -> Int {
    guard columns > 0 else { return 0 }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.dropLast().reduce(0) { $0 + $1.count / columns + 1 } + (lines.last?.count ?? 0) / columns
  }

  private func replaceBuffer(with text: String) {
    clearBuffer()
    if !text.isEmpty { _ = el_insertstr(el, text) }
  }

  /// Ctrl-R: reads keys itself until the search ends (see ``HistorySearch``), showing the
  /// pattern in the prompt and the match as the line. Enter runs a match; after a search that
  /// found nothing it puts back the line typed before the search and runs nothing. Ctrl-G
  /// cancels; another key keeps the match (or the original line) and does its usual work.
  private func search() -> UInt8 {
    var s = HistorySearch(entries: history, original: bufferText)
    let savedPrompt = currentPrompt
    defer { currentPrompt = savedPrompt }
    // Where the terminal's cursor is, as text from the start of the prompt.
    var beforeCursor = Self.visible(savedPrompt) + String(bufferText.prefix(cursorOffset))
    func show() {
      // EL_REFRESH redraws from where it believes the prompt starts: go there, clear the rest.
      let rows = Self.rows(beforeCursor, columns: Int(dok_el_columns(el)))
      Output.write(1, "\r" + (rows > 0 ? "\u{1B}[\(rows)A" : "") + "\u{1B}[J")
      currentPrompt = Array(s.prompt.utf8CString)
      replaceBuffer(with: s.line)
      dok_el_refresh(el)
      beforeCursor = s.prompt + s.line
    }
    show()
    while true {
      var key: wchar_t = 0
      // Ctrl-C (EINTR) or the end of input: el_gets returns NULL and readLine tells which.
      guard el_wgetc(el, &key) == 1, let scalar = Unicode.Scalar(UInt32(bitPattern: key)) else {
        return UInt8(CC_EOF)
      }
      switch scalar {
      case "\u{12}": s.older()  // Ctrl-R
      case "\u{7F}", "\u{08}": s.backspace()
      case "\u{07}":  // Ctrl-G: back to the line as it was
        currentPrompt = savedPrompt
        replaceBuffer(with: s.original)
        return UInt8(CC_REFRESH)
      case "\n", "\r":
        currentPrompt = savedPrompt
        guard let line = s.accepted else {
          replaceBuffer(with: s.original)
          Output.write(1, "\u{7}")  // the bell: nothing was found, nothing runs
          return UInt8(CC_REFRESH)
        }
        replaceBuffer(with: line)
        // libedit's own Enter ends the line (it terminates the buffer; CC_NEWLINE from here
        // returned what followed the shorter line too).
        el_push(el, "\n")
        return UInt8(CC_REFRESH)
      default:
        if scalar.value >= 0x20 {
          s.type(Character(scalar))
        } else {
          // Another key (an arrow's ESC, Ctrl-A…): keep the line and let the key do its work.
          currentPrompt = savedPrompt
          replaceBuffer(with: s.kept)
          var pushed: [wchar_t] = [key, 0]
          el_wpush(el, &pushed)
          return UInt8(CC_REFRESH)
        }
      }
      show()
    }
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

  /// Tab: what ``CompletionTabs`` says — insert a candidate or a common prefix, or list the
  /// candidates on a second Tab.
  private func complete() -> UInt8 {
    guard let info = el_line(el) else { return UInt8(CC_ERROR) }
    let start = info.pointee.buffer!
    let cursorBytes = info.pointee.cursor - start
    let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: cursorBytes)
    let line = String(decoding: bytes, as: UTF8.self)
    switch tabs.tab(line: line, result: provider(line, line.count)) {
    case .insert(let word, let text):
      if !word.isEmpty { el_deletestr(el, Int32(word.unicodeScalars.count)) }
      _ = el_insertstr(el, text)
      return UInt8(CC_REFRESH)
    case .list(let listing):
      Output.write(1, "\n" + listing + "\n")
      return UInt8(CC_REDISPLAY)
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    }
  }
}
