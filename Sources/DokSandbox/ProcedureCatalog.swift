import DokployDocument

/// The table of every procedure of the real document and how the sandbox answers it,
/// generated from the code (`docs/sandbox-procedures.md` is this text; a test keeps them equal).
public enum ProcedureCatalog {
  /// How `name` is answered: by code over the state, by the declarative table engine, or with a
  /// fixed shape (recorded, or as tables.json states it). Nil for a name no router declares.
  public static func kind(of name: String) -> HandlerKind? { Routers.byName[name]?.kind }

  /// The Markdown table of all procedures, grouped by router, in document order.
  public static func markdown() -> String {
    var counts: [HandlerKind: Int] = [:]
    var rows: [String] = []
    var changing = 0
    for spec in ProcedureTable.all {
      let declared = Routers.byName[spec.name]
      let k = declared?.kind
      if let k { counts[k, default: 0] += 1 }
      if declared?.changesState == true { changing += 1 }
      let table = SandboxState.table(for: spec.name).map { "`\($0.name)`" } ?? ""
      let reply = replySource(of: spec.name).map { "\($0.reply) (`\($0.source)`)" } ?? ""
      let changes = declared.map { $0.changesState ? "yes" : "no" } ?? ""
      let method = spec.kind == .query ? "GET" : "POST"
      let cells = ["`\(spec.name)`", method, k?.rawValue ?? "undeclared", changes, table, reply.replacingBars]
      rows.append("| " + cells.joined(separator: " | ") + " |")
    }
    var out = """
      # How the sandbox answers each procedure

      Generated from the declarations in `Sources/DokSandbox/Routers/` (one file per router, each procedure declared \
      once with its source line and its handler) by `ProcedureCatalogTests`: run `DOK_UPDATE_SANDBOX_TABLE=1 swift test \
      --filter ProcedureCatalogTests` after changing a declaration; a test fails when this file and the code differ.
      All \(ProcedureTable.all.count) operations of the bundled Dokploy \(DokployDocument.dokployVersion) document.

      - **modelled** (\(counts[.modelled] ?? 0)): code over the state (services, deploy queue, projects, environments, \
      domains, moves between environments, tags, organizations, invitations and the user, web server settings, patches).
      - **table** (\(counts[.table] ?? 0)): the declarative engine: rows with the columns and defaults of `tables.json`, \
      ids as Dokploy makes them, foreign keys checked.
      - **fixed shape** (\(counts[.fixedShape] ?? 0)): a value of the real reply's shape, recorded from the router's source \
      in its declaration, else as `tables.json` states it. Errors are what a self-hosted server without an enterprise \
      licence answers. A few recorded replies store something (a status set, a row updated, a deployment removed).

      The "changes state" column says whether answering the procedure may change the sandbox's state \
      (\(changing) do); a test runs every other one on a populated sandbox and checks that nothing changed.

      The last column says what the real procedure returns and where in Dokploy v0.30.2 it was read \
      (`routers/…` and `server/…` under `apps/dokploy/server/api/` and `apps/dokploy/server/`, \
      `services/…`, `utils/…` and `lib/…` under `packages/server/src/`).

      | procedure | method | answered by | changes state | table | reply (from) |
      | --- | --- | --- | --- | --- | --- |

      """
    out += rows.joined(separator: "\n") + "\n"
    return out
  }
}

extension ProcedureCatalog {
  /// What the real procedure returns and the source line it was read from, as its declaration
  /// says; nil when it says neither.
  static func replySource(of name: String) -> (reply: String, source: String)? {
    guard let p = Routers.byName[name], !p.reply.isEmpty || !p.source.isEmpty else { return nil }
    return (p.reply, p.source)
  }
}

extension String {
  fileprivate var replacingBars: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
