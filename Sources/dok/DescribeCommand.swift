import ArgumentParser
import DokCore
import DokPresentation
import DokSpec

/// `dok describe PROC`: method, path, summary and a parameter table.
struct DescribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe", abstract: "Describe a procedure: method, path, summary and parameters (required first).")

  @OptionGroup var specOptions: SpecOptions

  @Option(name: .shortAndLong, help: "text (a table) or json.")
  var output: ListingFormat = .text

  @Argument(help: "The procedure, as router.procedure.")
  var procedure: String

  func run() async throws {
    let lookup =
      specOptions.spec != nil
      ? try specOptions.lookup(procedure) : ProcedureLookup.find(procedure, in: try await specOptions.resolvedCatalog())
    switch lookup {
    case .found(let p):
      switch output {
      case .text: Terminal.standardOutput.write(ProcedureDescriber.text(p) + "\n")
      case .json: Terminal.standardOutput.write(JSONWriter.pretty(ProcedureDescriber.json(p)) + "\n")
      }
    case .missing(let close):
      throw DokExit.usage("unknown procedure '\(procedure)'", notes: Suggest.didYouMean(close, colon: true).map { [$0] } ?? [])
    }
  }
}
