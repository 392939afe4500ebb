import DokClient
import DokCore
import DokLive
import DokREPL
import DokRuntime

/// `dok call`'s question before a destructive call (issue 23, part 4): asked only when stdin and
/// stdout are terminals and `--yes` is not given; read with the REPL's line editor (so Ctrl-C at
/// the question interrupts the read, which declines). A declined call sends nothing and exits 1.
extension CallCommand {
  /// The confirmation for this run, or nil when nothing is to be asked.
  var confirmation: DestructiveConfirmation? {
    guard !yes, !curl, Platform.isTerminal(0), Platform.isTerminal(1) else { return nil }
    return DestructiveConfirmation(ask: Self.askOnTerminal)
  }

  /// Reads the answer on a thread of its own with a history-less line editor.
  @Sendable static func askOnTerminal(_ question: String) async -> String? {
    await withCheckedContinuation { continuation in
      Platform.startThread {
        let editor = LibEditLineEditor(historyPath: nil, interrupts: InterruptMonitor.shared) { _, _ in
          CompletionResult(wordStart: 0, word: "", candidates: [])
        }
        switch editor.readLine(prompt: question) {
        case .line(let answer): continuation.resume(returning: answer)
        case .interrupted, .endOfFile: continuation.resume(returning: nil)
        }
      }
    }
  }

  /// Asks (when `confirm` is set and the procedure is destructive) before the call is sent.
  static func approve(
    _ confirm: DestructiveConfirmation?, session: DokSession, procedure: String, arguments: [CallArgument]
  ) async throws(CallError) {
    guard let confirm else { return }
    try await confirm.approve(procedure: procedure, arguments: arguments, catalog: session.catalog, reader: session)
  }

  /// The children's arguments for a fleet: a destructive call is asked about once, here, naming
  /// the servers (the children read no terminal), and the children are then given `--yes`.
  func fleetArguments(_ fleet: Fleet) async throws -> [String] {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard confirmation != nil, DestructiveProcedures.isDestructive(procedure, isQuery: false) else { return arguments }
    let names = fleet.members.map(\.name).joined(separator: ", ")
    let answer = await Self.askOnTerminal("\(procedure) on \(fleet.members.count) servers (\(names))? [y/N] ")
    guard DestructiveConfirmation.accepts(answer) else { throw Self.declinedExit(DestructiveConfirmation.declined(procedure)) }
    arguments.append("--yes")
    return arguments
  }

  /// A declined call: exit 1, "cancelled", nothing sent.
  static func declinedExit(_ error: CallError) -> DokExit {
    DokExit(
      .assertionFailed, [Diagnostic(.error, error.message, notes: ["nothing was sent (answer y to send it, or pass --yes)"])])
  }
}
