import DokCore
import DokRuntime
import DokScript

/// How the REPL shows values.
public enum OutputMode: String, Sendable, CaseIterable {
  case pretty, json, table, raw, yaml
}

/// The REPL's sink: prints results (pretty JSON, coloured on a terminal, then a dim `→ $N`),
/// `print` lines, progress and diagnostics; collects the entry's call events for the recorder
/// and live IDs for completion.
final class REPLSink: ScriptSink, @unchecked Sendable {
  let terminal: TerminalSink
  var color: Bool
  var mode: OutputMode = .pretty
  var format: (JSON, OutputMode, Bool) -> String
  var redact: Bool
  let policy: SecretPolicy
  private(set) var calls: [CallEvent] = []
  var liveIDs = LiveIDIndex()

  init(terminal: TerminalSink, color: Bool, policy: SecretPolicy, redact: Bool, format: @escaping (JSON, OutputMode, Bool) -> String) {
    self.terminal = terminal
    self.color = color
    self.policy = policy
    self.redact = redact
    self.format = format
  }

  func beginEntry() { calls = [] }

  func print(_ line: String) { terminal.print(line) }
  func trace(_ event: TraceEvent) { terminal.trace(event) }
  func waitProgress(_ progress: WaitProgress) { terminal.waitProgress(progress) }
  func diagnostic(_ diagnostic: Diagnostic) { terminal.diagnostic(diagnostic) }

  func result(_ value: JSON, index: Int?) {
    terminal.clearProgress()
    liveIDs.record(value)
    let shown = redact ? policy.redact(value) : value
    var text = format(shown, mode, color)
    while text.hasSuffix("\n") { text.removeLast() }
    if let index {
      text += color ? "\n\u{1B}[2m→ $\(index)\u{1B}[0m" : "\n→ $\(index)"
    }
    Output.stdout(text + "\n")
  }

  func call(_ event: CallEvent) {
    calls.append(event)
    liveIDs.record(event.result)
  }
}

/// Default value rendering until a richer formatter is plugged in: pretty JSON (coloured on a
/// terminal), compact JSON, raw strings.
enum DefaultFormat {
  static func format(_ v: JSON, _ mode: OutputMode, _ color: Bool) -> String {
    switch mode {
    case .json: return JSONWriter.compact(v)
    case .raw:
      if case .string(let s) = v { return s }
      return JSONWriter.compact(v)
    default: return JSONWriter.pretty(v, style: color ? .terminal : nil)
    }
  }
}
