import ArgumentParser
import DokCore
import DokSpec

/// `dok procedures [ROUTER]`: one `router.procedure` per line, sorted.
struct ProceduresCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "procedures", abstract: "List the API's procedures (router.procedure), sorted.")

  @OptionGroup var specOptions: SpecOptions

  @Option(name: .shortAndLong, help: "text (one per line) or json.")
  var output: ListingFormat = .text

  @Argument(help: "Only this router's procedures.")
  var router: String?

  func run() async throws {
    let catalog = try await specOptions.resolvedCatalog()
    var procs = catalog.procedures
    if let router {
      let r = router.hasSuffix(".") ? String(router.dropLast()) : router
      guard catalog.routers.contains(r) else {
        let close = Suggest.closest(to: r, in: catalog.routers)
        throw DokExit.usage("unknown router '\(r)'" + (Suggest.didYouMean(close, separator: " or ").map { "; " + $0 } ?? ""))
      }
      procs = catalog.procedures(inRouter: r)
    }
    switch output {
    case .text:
      Terminal.standardOutput.write(procs.map { $0.name + "\n" }.joined())
    case .json:
      let list = JSON.array(
        procs.map { p in
          .object(["name": .string(p.name), "method": .string(p.method), "summary": p.summary.map(JSON.string) ?? .null])
        })
      Terminal.standardOutput.write(JSONWriter.pretty(list) + "\n")
    }
  }
}
