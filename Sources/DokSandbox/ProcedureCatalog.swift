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
      let reply = DokployFacts.shared.replies[spec.name]?["returns"].map { r in r.stringValue ?? "object" } ?? ""
      rows.append(
        "| `\(spec.name)` | \(spec.kind == .query ? "GET" : "POST") | \(k.rawValue) | \(table) | \(reply.replacingBars) |")
    }
    var out = """
      # How the sandbox answers each procedure

      Generated from the code by `ProcedureCatalogTests` (run `DOK_UPDATE_SANDBOX_TABLE=1 swift test --filter \
      ProcedureCatalogTests` after changing a handler); a test fails when this file and the code differ.
      All \(ProcedureTable.all.count) operations of the bundled Dokploy \(DokployDocument.dokployVersion) document.

      - **modelled** (\(counts[.modelled] ?? 0)): hand-written behaviour (services, deploy queue, projects, environments, domains).
      - **table** (\(counts[.table] ?? 0)): the declarative engine: rows with the columns and defaults of `tables.json`, \
      ids as Dokploy makes them, foreign keys checked.
      - **fixed shape** (\(counts[.fixedShape] ?? 0)): no state effect; a value of the reply's shape (from `tables.json` \
      where it states one, else from the router's source or the procedure's form).

      | procedure | method | answered by | table | reply (tables.json) |
      | --- | --- | --- | --- | --- |

      """
    out += rows.joined(separator: "\n") + "\n"
    return out
  }
}

extension String {
  fileprivate var replacingBars: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
