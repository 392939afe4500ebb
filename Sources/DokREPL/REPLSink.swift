import DokCore
import DokPresentation
import DokRuntime
import DokScript

/// The REPL's sink: prints results (pretty JSON, coloured on a terminal, then a dim `→ $N`),
/// `print` lines, progress and diagnostics; collects the entry's call events for the recorder
/// and live IDs for completion.
final class REPLSink: ScriptSink, @unchecked Sendable {
  let terminal: TerminalSink
  let writer: REPLWriter
  var color: Bool
  /// `:set output`: the formats of `dok call --output`.
  var mode: OutputFormat = .pretty
  var redact: Bool
  let policy: SecretPolicy
  private(set) var calls: [CallEvent] = []
  var liveIDs = LiveIDIndex()
  /// Results taller than the terminal go through this (nil: never; `:set pager off`).
  var pager: Pager?
  /// `:set columns a,b`: the table columns (nil: all).
  var columns: [String]?
  /// The `$N` last shown under a result.
  var lastShownIndex = 0

  init(terminal: TerminalSink, writer: REPLWriter, color: Bool, policy: SecretPolicy, redact: Bool) {
    self.terminal = terminal
    self.writer = writer
    self.color = color
    self.policy = policy
    self.redact = redact
  }

  /// A dim line to show after the result: a bare call only queued a deploy.
  private var queuedHint: String?

  func beginEntry() {
    calls = []
    queuedHint = nil
  }

  /// `print` lines; with `--redact`, secret values learned from replies are masked too.
  func print(_ line: String) { terminal.print(redact ? policy.redactKey(in: line) : line) }
  func trace(_ event: TraceEvent) { terminal.trace(event) }
  func waitProgress(_ progress: WaitProgress) { terminal.waitProgress(progress) }
  func diagnostic(_ diagnostic: Diagnostic) { terminal.diagnostic(diagnostic) }
  func deploy(_ event: DeployEvent) { terminal.deploy(event) }

  func result(_ value: JSON, index: Int?) {
    terminal.clearProgress()
    liveIDs.record(value)
    let shown = redact ? policy.redact(value) : value
    var text = OutputFormatter.render(shown, as: mode, color: color, columns: columns)
    while text.hasSuffix("\n") { text.removeLast() }
    // The dim lines under the result: printed after the pager too (quitting it early must not
    // hide the result's number).
    var trailer = ""
    if let index {
      lastShownIndex = index
      trailer += color ? "\u{1B}[2m→ $\(index)\u{1B}[0m\n" : "→ $\(index)\n"
    }
    if let hint = queuedHint {
      queuedHint = nil
      trailer += (color ? "\u{1B}[2m\(hint)\u{1B}[0m" : hint) + "\n"
    }
    if let pager, let rows = Pager.terminalRows(), Pager.tooTall(text + "\n" + trailer, rows: rows), pager.show(text + "\n") {
      if !trailer.isEmpty { writer.out(trailer) }
      return
    }
    writer.out(text + "\n" + trailer)
  }

  func call(_ event: CallEvent) {
    calls.append(event)
    let st = event.statement.trimmingPrefix(" ")
    let followed =
      st.hasPrefix("deploy ")
      || (st.hasPrefix("$") && st.split(separator: "=", maxSplits: 1).last?.trimmingPrefix(" ").hasPrefix("deploy ") == true)
    if !followed, DeployTarget.queuedProcedures.contains(event.procedure) {
      queuedHint =
        "deploy queued: the server runs it when its worker is free; `deploy \(event.procedure) …` follows it to its end"
    }
    liveIDs.record(event.result, procedure: event.procedure)
  }
}
