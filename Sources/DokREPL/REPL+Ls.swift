import DokCore
import DokPresentation
import DokRuntime
import DokScript
import DokSpec

extension REPL {
  /// `:ls [PATH] [-o FORMAT]`: the tree of `dok ls`, through the session's caller.
  func listTree(_ args: [String]) {
    guard let host = session.host as? DokScriptHost else { return fail(":ls needs a server connection") }
    var format = OutputFormat.table
    var pathText: String?
    var i = 0
    while i < args.count {
      let a = args[i]
      if a == "-o" || a == "--output" {
        guard i + 1 < args.count, let f = OutputFormat(rawValue: args[i + 1]) else {
          return fail("usage: :ls [PATH] [-o \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))]")
        }
        format = f
        i += 2
        continue
      }
      // The path is the rest of the words: a name may hold spaces (`:ls my shop/web`).
      pathText = pathText.map { $0 + " " + a } ?? a
      i += 1
    }
    var path: ResourcePath?
    if var pathText {
      if pathText.count > 1, pathText.hasPrefix("\""), pathText.hasSuffix("\"") {
        pathText = PathCompletion.unescapeString(String(pathText.dropFirst().dropLast()))
      }
      switch ResourcePath.parse(pathText) {
      case .failure(let e): return fail(e.message)
      case .success(let p):
        guard p.segments.count <= 3 else {
          return fail("'\(pathText)' is not a path: PROJECT, PROJECT/ENVIRONMENT or PROJECT/ENVIRONMENT/NAME")
        }
        path = p
      }
    }
    let caller = host.caller
    let wanted = path
    let catalog = environment.catalog
    let result = blockingRun { () async -> Result<TreeListing, CallError> in
      do throws(CallError) {
        return .success(try await TreeListing.read(caller: caller, catalog: catalog, path: wanted))
      } catch { return .failure(error) }
    }
    switch result {
    case .failure(let e): fail(e.rendered)
    case .success(let listing):
      for n in listing.notes { writer.err(note(n) + "\n") }
      let json = listing.json()
      writer.out(
        format == .table
          ? TreeTable.render(json, now: SystemClock().now(), color: environment.color)
          : OutputFormatter.render(json, as: format, color: environment.color))
    }
  }
}
