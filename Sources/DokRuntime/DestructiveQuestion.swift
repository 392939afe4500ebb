import DokCore
import DokSpec

/// The question asked before a destructive call, naming what it affects:
/// `remove project 'shop' (2 environments, 3 services)?`. The target is read with the router's
/// read-only `one` procedure (`project.one`, `application.one`, …) on the call's id; when there is
/// no such read, or it fails, the question names the procedure and the id instead.
public enum DestructiveQuestion {
  /// The service lists of an environment in Dokploy's replies.
  static let serviceKeys = ["applications", "compose", "postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  /// The question for `procedure` called with `arguments` (ids already resolved), without
  /// `[y/N]`. `reader` sends the one read.
  public static func text(
    procedure: String, arguments: [CallArgument], catalog: Catalog?, reader: any ProcedureCaller
  ) async -> String {
    let parts = procedure.split(separator: ".", maxSplits: 1).map(String.init)
    let router = parts.first ?? procedure
    let action = parts.count > 1 ? DestructiveProcedures.words(of: parts[1]).joined(separator: " ") : procedure
    let ids = arguments.filter { $0.name.hasSuffix("Id") }.compactMap { a in idText(a).map { (a.name, $0) } }
    let plain = "\(procedure)" + ids.map { " \($0.0)=\($0.1)" }.joined()
    guard let (name, id) = ids.first else { return plain + "?" }
    let read = "\(router).one"
    guard let catalog, let one = catalog.procedure(named: read), one.isQuery, one.parameter(named: name) != nil else {
      return plain + "?"
    }
    let reply: JSON
    do {
      reply = try await reader.call(procedure: read, arguments: [CallArgument(name: name, value: .value(.string(id)))])
    } catch {
      return plain + " (\(read) could not read it: \(error.message))?"
    }
    guard let label = reply["name"]?.stringValue ?? reply["appName"]?.stringValue else { return plain + "?" }
    let what = parts.count > 1 && parts[1].lowercased().hasSuffix(router.lowercased()) ? "" : " " + router
    return "\(action)\(what) '\(label)'\(contents(reply))?"
  }

  /// `(2 environments, 3 services)` for a project, `(3 services)` for an environment, or "".
  static func contents(_ reply: JSON) -> String {
    var notes: [String] = []
    var environments: [JSON] = []
    if case .array(let envs)? = reply["environments"] {
      environments = envs
      notes.append(count(envs.count, "environment"))
    } else if serviceKeys.contains(where: { reply[$0]?.arrayValue != nil }) {
      environments = [reply]
    } else {
      return ""
    }
    let services = environments.reduce(0) { sum, env in
      sum + serviceKeys.reduce(0) { $0 + (env[$1]?.arrayValue?.count ?? 0) }
    }
    notes.append(count(services, "service"))
    return " (" + notes.joined(separator: ", ") + ")"
  }

  private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  /// An id argument's text, when it is a plain string.
  private static func idText(_ a: CallArgument) -> String? {
    switch a.value {
    case .bare(let s), .value(.string(let s)): s
    default: nil
    }
  }
}
