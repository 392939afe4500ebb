import DokCore

/// How a column gets its value when an insert does not give one.
enum ColumnDefault: Sendable, Equatable {
  /// A literal database default.
  case literal(JSON)
  /// `nanoid()`: a 21-character id.
  case nanoid
  /// `now()` / `new Date().toISOString()`: the insert time, ISO 8601.
  case now
  /// `generateAppName("<prefix>")`.
  case appName(String)
  /// An auto-increment sequence.
  case serial
  /// No default: null when nullable, a zero value of the type otherwise.
  case none
}

/// One column of a Dokploy table (`tables.json`).
struct ColumnFacts: Sendable {
  /// The JSON key (the TypeScript property name).
  let name: String
  /// `text`, `integer`, `boolean`, `json`, `jsonb`, `enum`, `timestamp`, `serial`, …
  let type: String
  /// `.array()` columns.
  let isArray: Bool
  /// NOT NULL.
  let notNull: Bool
  /// The insert default.
  let defaultValue: ColumnDefault
  /// The foreign key target: a table name and its column.
  let references: (table: String, column: String)?
  /// The SQL column name (differs from ``name`` for a few columns: `rootPassword`, `created_at`).
  let sqlName: String
}

/// One table of Dokploy's database, with its columns in declaration order.
struct TableFacts: Sendable {
  /// The TypeScript export name (`applications`, `server`, `sshKeys`).
  let name: String
  /// The SQL table name (`application`, `project_tag`).
  let sqlName: String
  /// The primary key column (`serverId`).
  let primaryKey: String
  /// Columns in order (which is the key order of replies).
  let columns: [ColumnFacts]
  /// Relations by name: `(many, table, fields)`; `fields` names this table's FK columns for a one().
  let relations: [String: (many: Bool, table: String, fields: [String])]

  /// The column named `name`.
  func column(_ name: String) -> ColumnFacts? { columns.first { $0.name == name } }

  /// "<Thing>" in "<Thing> not found": the table's name, singular and capitalized.
  var thing: String {
    var n = name
    if n.hasSuffix("ies") { n = String(n.dropLast(3)) + "y" } else if n.hasSuffix("s"), !n.hasSuffix("ss") { n.removeLast() }
    return n.prefix(1).uppercased() + n.dropFirst()
  }
}

/// Dokploy's tables and the shapes of 364 procedures' replies, read once from the bundled
/// copy of `../shared/dokploy/tables.json` (``DokployTablesText``).
struct DokployFacts: Sendable {
  /// Tables by TypeScript name.
  let tables: [String: TableFacts]
  /// Table names by primary key column (`serverId` → `server`); only unambiguous keys.
  let tableByPrimaryKey: [String: String]
  /// Reply facts by `router.procedure` (`returns`, `table`, `with`, …).
  let replies: [String: JSONObject]

  /// The facts, parsed on first use.
  static let shared = DokployFacts(text: DokployTablesText.text)

  init(text: String) {
    let root = (try? JSONParser.parse(text)) ?? .null
    var tables: [String: TableFacts] = [:]
    var byKey: [String: [String]] = [:]
    for (tname, t) in root["tables"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      var cols: [ColumnFacts] = []
      var pk: String?
      for (cname, c) in t["columns"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
        if c["primaryKey"]?.boolValue == true, pk == nil { pk = cname }
        cols.append(Self.column(cname, c))
      }
      var rels: [String: (many: Bool, table: String, fields: [String])] = [:]
      for (rname, r) in t["relations"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
        guard let target = r["table"]?.stringValue else { continue }
        rels[rname] = (r["many"]?.boolValue ?? false, target, (r["fields"]?.arrayValue ?? []).compactMap(\.stringValue))
      }
      guard let pk else { continue }
      tables[tname] = TableFacts(
        name: tname, sqlName: t["sqlName"]?.stringValue ?? tname, primaryKey: pk, columns: cols, relations: rels)
      byKey[pk, default: []].append(tname)
    }
    self.tables = tables
    tableByPrimaryKey = byKey.compactMapValues { $0.count == 1 ? $0[0] : nil }
    replies =
      root["replies"]?.objectValue.map { o in
        Dictionary(o.pairs.compactMap { k, v in v.objectValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
      } ?? [:]
  }

  private static func column(_ name: String, _ c: JSON) -> ColumnFacts {
    let d: ColumnDefault
    if let lit = c["default"] {
      d = .literal(lit)
    } else if let fn = c["defaultFn"]?.stringValue {
      if fn == "nanoid()" {
        d = .nanoid
      } else if fn.hasPrefix("generateAppName(\"") {
        d = .appName(String(fn.dropFirst(17).prefix { $0 != "\"" }))
      } else if fn.contains("Date") {
        d = .now
      } else if fn == "true" {
        d = .literal(true)
      } else {
        d = .none
      }
    } else if let sql = c["defaultSql"]?.stringValue {
      d = sql == "now()" ? .now : sql.hasPrefix("ARRAY[]") ? .literal([]) : sql.hasPrefix("serial") ? .serial : .none
    } else if c["type"]?.stringValue == "serial" {
      d = .serial
    } else {
      d = .none
    }
    var refs: (String, String)?
    if let r = c["references"]?.stringValue, let dot = r.firstIndex(of: ".") {
      refs = (String(r[..<dot]), String(r[r.index(after: dot)...]))
    }
    return ColumnFacts(
      name: name, type: c["type"]?.stringValue ?? "text", isArray: c["array"]?.boolValue ?? false,
      notNull: c["notNull"]?.boolValue ?? false, defaultValue: d, references: refs,
      sqlName: c["sqlColumn"]?.stringValue ?? name)
  }
}
