import DokCore
import DokScript
import DokSpec
import Synchronization

/// `dok run --rehearse PROFILE FILE`: the projects a runbook names by path are read (read calls
/// only) from production and exported with placeholder secrets; the executable replays those
/// exports on a fresh sandbox and runs the runbook there. This type holds what needs no server
/// of its own: which projects a runbook names, and their exports.
public struct Rehearsal: Sendable {
  let production: ReadOnlyCaller
  let catalog: Catalog

  /// A rehearsal reading production through `production` (refusing anything but reads).
  public init(production: any ProcedureCaller, catalog: Catalog) {
    self.production = (production as? ReadOnlyCaller) ?? ReadOnlyCaller(base: production, catalog: catalog)
    self.catalog = catalog
  }

  /// The procedures sent to production so far (all of them queries).
  public var sentToProduction: [String] { production.procedures }

  /// The project names a runbook's `<kind>=PATH` arguments start with, in order of first use,
  /// as the language's check sees its calls (comments and strings are no arguments). Paths
  /// built at run time (`application=$path`) are not seen.
  public static func projectNames(in source: String) -> [String] {
    let host = PathCollectingHost()
    _ = Script.check(source: source, file: "<rehearsal>", host: host)
    return host.names
  }

  /// The export (placeholder secrets) of each project of `names` that production has; names
  /// it lacks are left out (the runbook may create them).
  public func exports(of names: [String], source: String) async throws(CallError) -> [(project: String, runbook: String)] {
    let exporter = RunbookExporter(caller: production, catalog: catalog)
    let tree = try await PathResolver(caller: production, catalog: catalog).tree()
    var out: [(project: String, runbook: String)] = []
    for name in names where tree.projects.contains(where: { $0.name == name }) {
      out.append((name, try await exporter.runbook(.project(name), source: source, secrets: .placeholder)))
    }
    return out
  }
}

extension Rehearsal {
  /// Runs an export on the copy (through `host`), printing nothing; the outcome says whether
  /// the copy was made.
  public static func replay(_ runbook: String, project: String, on host: DokScriptHost) async -> RunOutcome {
    await Interpreter(host: host).execute(source: runbook, file: "<export of \(project)>")
  }
}

/// A host that runs nothing: the language's check hands it every literal call, and it notes
/// the first name of each `<kind>=PATH` argument.
private final class PathCollectingHost: ScriptHost, Sendable {
  private let found = Mutex<[String]>([])
  var names: [String] { found.withLock { $0 } }

  func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
    throw CallError(kind: .argument, message: "nothing runs here")
  }

  func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic] {
    for arg in arguments {
      guard let kind = PathParameter.Kind(rawValue: arg.name), kind != .server, let text = PathParameter.text(of: arg.value),
        case .success(let path) = ResourcePath.parse(text), let first = path.segments.first
      else { continue }
      found.withLock { if !$0.contains(first) { $0.append(first) } }
    }
    return []
  }

  func changesState(procedure: String) -> Bool { true }
  func derived(_ output: JSON, from inputs: [JSON]) {}
}
