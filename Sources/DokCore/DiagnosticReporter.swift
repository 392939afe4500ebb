import Synchronization

/// The one reporter of problems: colour, source lookup and redaction, decided once (by the
/// executable, per process) and handed to `run`, `check`, the REPL and the debug pause. Every
/// diagnostic a person sees is rendered here, so each of them quotes its source line and caret
/// when the text is known and masks what the redactions mask.
public final class DiagnosticReporter: Sendable {
  /// Whether to use ANSI colour.
  public let color: Bool
  private let state = Mutex<State>(State())
  private struct State {
    var sources: [String: @Sendable (String) -> String?] = [:]
    var order: [String] = []
    var redaction: (@Sendable (String) -> String)?
  }

  public init(color: Bool = false) {
    self.color = color
  }

  /// Adds (or, for the same `key`, replaces) a lookup of source text by file name: a session's
  /// files, a script read from stdin.
  public func setSources(_ key: String, _ lookup: @escaping @Sendable (String) -> String?) {
    state.withLock { s in
      if s.sources.updateValue(lookup, forKey: key) == nil { s.order.append(key) }
    }
  }

  /// Adds the text of one file.
  public func addSource(_ text: String, file: String) {
    setSources("file:" + file) { $0 == file ? text : nil }
  }

  /// Masks secrets in every rendered diagnostic (an assert quoting a key it compared).
  public func setRedaction(_ redaction: (@Sendable (String) -> String)?) {
    state.withLock { $0.redaction = redaction }
  }

  /// The source text of `file`, from the first lookup that knows it.
  public func sourceText(file: String) -> String? {
    let lookups = state.withLock { s in s.order.compactMap { s.sources[$0] } }
    for lookup in lookups { if let text = lookup(file) { return text } }
    return nil
  }

  /// The renderer this reporter uses (colour and source lookup, no redaction).
  public var renderer: DiagnosticRenderer {
    DiagnosticRenderer(color: color) { [self] in sourceText(file: $0) }
  }

  /// `d` as text for people: location, message, source line and caret, notes; redacted.
  public func render(_ d: Diagnostic) -> String {
    let text = renderer.render(d)
    return state.withLock { $0.redaction }?(text) ?? text
  }

  /// Several, separated by newlines.
  public func render(_ ds: [Diagnostic]) -> String { ds.map(render).joined(separator: "\n") }

  /// Writes each diagnostic to standard error, one after another.
  public func report(_ ds: [Diagnostic]) {
    for d in ds { Output.stderr(render(d) + "\n") }
  }
}
