import DokployDocument

/// The table of every procedure of the real document and how the sandbox answers it,
/// generated from the code (`docs/sandbox-procedures.md` is this text; a test keeps them equal).
public enum ProcedureCatalog {
  /// How `name` is answered: modelled by hand, by the declarative table engine, or with a fixed shape.
  public static func kind(of name: String) -> HandlerKind { SandboxState.handlerKind(name) }

  /// The Markdown table of all procedures, grouped by router, in document order.
  public static func markdown() -> String {
    var counts: [HandlerKind: Int] = [:]
    var rows: [String] = []
    for spec in ProcedureTable.all {
      let k = kind(of: spec.name)
      counts[k, default: 0] += 1
      let table = SandboxState.table(for: spec.name).map { "`\($0.name)`" } ?? ""
      let reply = replySource(of: spec.name).map { "\($0.reply) (`\($0.source)`)" } ?? ""
      rows.append(
        "| `\(spec.name)` | \(spec.kind == .query ? "GET" : "POST") | \(k.rawValue) | \(table) | \(reply.replacingBars) |")
    }
    var out = """
      # How the sandbox answers each procedure

      Generated from the code by `ProcedureCatalogTests` (run `DOK_UPDATE_SANDBOX_TABLE=1 swift test --filter \
      ProcedureCatalogTests` after changing a handler); a test fails when this file and the code differ.
      All \(ProcedureTable.all.count) operations of the bundled Dokploy \(DokployDocument.dokployVersion) document.

      - **modelled** (\(counts[.modelled] ?? 0)): hand-written behaviour (services, deploy queue, projects, environments, domains, \
      moves between environments, tags, organizations, invitations and the user, web server settings, patches).
      - **table** (\(counts[.table] ?? 0)): the declarative engine: rows with the columns and defaults of `tables.json`, \
      ids as Dokploy makes them, foreign keys checked.
      - **fixed shape** (\(counts[.fixedShape] ?? 0)): no state effect; a value of the real reply's shape, from \
      `tables.json` where it states one, else as recorded in `Sources/DokSandbox/Facts/RouterReplies*.swift` from \
      the router's source. Errors are what a self-hosted server without an enterprise licence answers.

      The last column says what the real procedure returns and where in Dokploy v0.30.2 it was read \
      (`routers/…` and `server/…` under `apps/dokploy/server/api/` and `apps/dokploy/server/`, \
      `services/…`, `utils/…` and `lib/…` under `packages/server/src/`).

      | procedure | method | answered by | table | reply (from) |
      | --- | --- | --- | --- | --- |

      """
    out += rows.joined(separator: "\n") + "\n"
    return out
  }
}

extension ProcedureCatalog {
  /// What the real procedure returns and the source line it was read from: the recorded
  /// ``RouterReplies`` entry (which the sandbox uses first), a hand-written router's note, else
  /// the reply `tables.json` states.
  static func replySource(of name: String) -> (reply: String, source: String)? {
    if let recorded = RouterReplies.all[name] { return (recorded.summary, recorded.source) }
    if let modelled = SandboxState.modelledReplySources[name] { return modelled }
    if let r = DokployFacts.shared.replies[name], let returns = r["returns"] {
      var file = r["file"]?.stringValue ?? ""
      if let prefix = file.range(of: "apps/dokploy/server/api/") { file.removeSubrange(prefix) }
      let line = r["line"]?.numberValue.map { String(Int($0)) } ?? ""
      return (returns.stringValue ?? "object", file.isEmpty ? "tables.json" : "\(file):\(line)")
    }
    return nil
  }
}

extension String {
  fileprivate var replacingBars: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
