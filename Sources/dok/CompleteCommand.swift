import ArgumentParser
import DokCore
import DokREPL
import DokSpec

/// `dok complete -- LINE`: completion candidates for the end of LINE, one per line.
struct CompleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "complete", abstract: "Print completion candidates for the end of LINE, one per line.",
    discussion: "Used by shell completion; `dok complete -- \"application.dep\"` prints application.deploy.")

  @OptionGroup var specOptions: SpecOptions

  @Flag(name: .long, help: "Also print each candidate's hint after a tab.")
  var hints = false

  @Argument(parsing: .captureForPassthrough, help: "The line to complete (after --).")
  var line: [String] = []

  func run() async throws {
    if line.first == "--help" || line.first == "-h" {
      Terminal.standardOutput.write(Dok.helpMessage(for: Self.self) + "\n")
      return
    }
    let catalog = try await specOptions.resolvedCatalog(quiet: true)
    var words = line
    if words.first == "--" { words.removeFirst() }
    let text = words.joined(separator: " ")
    let result = Completer.complete(line: text, context: CompletionContext(catalog: catalog))
    var out = ""
    for c in result.candidates {
      out += c.text
      if hints, let h = c.hint { out += "\t" + h }
      out += "\n"
    }
    Terminal.standardOutput.write(out)
  }
}
