import DokCore
import DokREPL
import Foundation

/// Command lines that name no command dok has: `dok help nosuch`, `dok cal`, `dok project.all`.
/// Without this check ArgumentParser hands the word to the default command (the REPL), which
/// answers with its own usage; here it is a usage error (exit 2) that names what exists and
/// suggests the closest command.
enum UnknownCommand {
  /// The subcommands' names, as typed.
  static var commandNames: [String] { Dok.configuration.subcommands.map { $0._commandName } }

  /// The usage error for `args`, or nil when `args` starts as dok expects (a command, an option,
  /// a `.dok` file, a help topic).
  static func problem(_ args: [String]) -> DokExit? {
    guard let first = args.first else { return nil }
    let commands = commandNames
    if first == "help" {
      guard args.count >= 2 else { return nil }
      let word = args[1]
      if word.hasPrefix("-") || HelpTopics.names.contains(word) || commands.contains(word) { return nil }
      var notes: [String] = []
      if let close = Suggest.closest(to: word, in: HelpTopics.names + commands).first {
        notes.append("did you mean `dok help \(close)`?")
      }
      notes.append("topics: \(HelpTopics.names.joined(separator: ", "))")
      notes.append("commands: \(commands.joined(separator: ", "))")
      return DokExit.usage("no help topic or command '\(word)'", notes: notes)
    }
    if first.hasPrefix("-") || commands.contains(first) || first == "help" || first.hasSuffix(".dok") { return nil }
    var notes: [String] = []
    if FileManager.default.fileExists(atPath: first) {
      // A runbook without the .dok extension.
      notes.append("did you mean `dok run \(shellWord(first))`?")
    } else if Self.looksLikeProcedure(first) {
      let rest = args.dropFirst().map(shellWord).joined(separator: " ")
      notes.append("did you mean `dok call \(first)\(rest.isEmpty ? "" : " " + rest)`?")
    } else if let close = Suggest.closest(to: first, in: commands).first {
      notes.append("did you mean `dok \(close)`?")
    }
    notes.append("commands: \(commands.joined(separator: ", ")) (dok --help)")
    return DokExit.usage("unknown command '\(first)'", notes: notes)
  }

  /// `router.procedure`: two identifiers joined by one dot.
  static func looksLikeProcedure(_ word: String) -> Bool {
    let parts = word.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { p in
        !p.isEmpty && p.first!.isLetter && p.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
      }
  }

  /// A word as typed back in a suggestion (quoted when the shell would split or expand it).
  private static func shellWord(_ w: String) -> String {
    let plain = w.allSatisfy { $0.isLetter || $0.isNumber || "=._-/:@,+%".contains($0) }
    return plain && !w.isEmpty ? w : "'" + w.replacing("'", with: "'\\''") + "'"
  }
}
