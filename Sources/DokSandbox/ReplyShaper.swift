import DokCore

/// Shapes rows the way a reply of tables.json returns them: each relation of the reply's `with`
/// tree included (up to three levels), trimmed to its columns, and the top level trimmed to the
/// reply's columns. Built once per call and bound to the state's tables then, so a list of
/// 5,000 projects resolves each relation's table once, not once per row, and builds each trimmed
/// object directly instead of copying the whole row and then dropping members.
///
/// The reply is exactly what expanding each row (``SandboxState/expand(_:_:_:depth:)``) and then
/// trimming it gives; `ReplyShaperTests` compares the two byte for byte.
struct ReplyShaper {
  /// One relation bound to its table for this call (a class: rows share it without copying).
  final class Node {
    let name: String
    let many: Bool
    let target: TableFacts
    /// The target table as it is now (nil: no rows).
    let table: Table?
    /// For one row: the parent's member naming it.
    let field: String
    let columns: [String]?
    let excluded: [String]
    /// For each column: the nested relation of that name, when there is one (it then wins).
    let columnRelation: [Int?]
    /// The nested relations, expanded (empty below the third level).
    let nested: [Node]
    /// Names of the nested relations, expanded or not (a trimmed object keeps them).
    let nestedNames: [String]
    /// For many rows: the target table's index on the parent's key (nil: not indexed).
    let byParent: [String: [String]]?

    init(
      _ rel: RelationPlan, parent: TableFacts, table: Table?, columnRelation: [Int?], nested: [Node]
    ) {
      name = rel.name
      many = rel.many
      target = rel.target
      self.table = table
      field = parent.relations[rel.name]?.fields.first ?? rel.target.primaryKey
      columns = rel.columns
      excluded = rel.excluded
      self.columnRelation = columnRelation
      self.nested = nested
      nestedNames = rel.nested.map(\.name)
      byParent = rel.many ? table?.referenceIndex(parent.primaryKey) : nil
    }

    /// The rows of a many relation whose parent key is `value`, in ``Table/filter(_:_:)`` order.
    func children(of value: String, key: String) -> [JSONObject] {
      guard let table, table.count > 0 else { return [] }
      guard let byParent else { return table.filter(key, value) }
      return (byParent[value] ?? []).compactMap { table[$0] }
    }
  }

  private let table: TableFacts?
  private let nodes: [Node]
  /// The reply's columns and the names of its `with` tree (nil: the row is not trimmed).
  private let columns: [String]?
  private let withKeys: [String]
  private let columnRelation: [Int?]

  /// The shaper for procedure `reply` over rows of `tableName` (rows pass unchanged when
  /// tables.json has no facts for either).
  init(_ state: SandboxState, table tableName: String, reply: String) {
    let facts = DokployFacts.shared
    guard let t = facts.tables[tableName], let r = facts.replies[reply] else {
      (table, nodes, columns, withKeys, columnRelation) = (nil, [], nil, [], [])
      return
    }
    table = t
    nodes = Self.bind(RelationPlan.forReply(reply), parent: t, depth: 0, state)
    columns = r["columns"]?.arrayValue?.compactMap(\.stringValue)
    withKeys = r["with"]?.objectValue?.keys ?? []
    columnRelation = Self.relationIndex(columns, nodes)
  }

  private static func bind(_ plan: [RelationPlan], parent: TableFacts, depth: Int, _ state: SandboxState) -> [Node] {
    guard depth < 3 else { return [] }
    return plan.map { rel in
      let nested = bind(rel.nested, parent: rel.target, depth: depth + 1, state)
      return Node(
        rel, parent: parent, table: state[table: rel.target.name], columnRelation: relationIndex(rel.columns, nested),
        nested: nested)
    }
  }

  private static func relationIndex(_ columns: [String]?, _ nodes: [Node]) -> [Int?] {
    (columns ?? []).map { c in nodes.firstIndex { $0.name == c } }
  }

  /// `row` as the reply returns it.
  func shape(_ row: JSONObject) -> JSONObject {
    guard let t = table else { return row }
    let values = nodes.map { value(of: $0, for: row, parent: t) }
    guard let columns else { return Self.expanded(row, nodes, values) }
    // Expanding sets each relation on the row (in place when the row has that member, else at
    // the end); the trimmed object keeps the columns, then the expanded members named in `with`.
    var out = JSONObject()
    for (c, rel) in zip(columns, columnRelation) {
      if let rel { out[c] = values[rel] } else if let v = row[c] { out[c] = v }
    }
    for (k, v) in row.pairs where withKeys.contains(k) {
      out[k] = nodes.firstIndex { $0.name == k }.map { values[$0] } ?? v
    }
    for (n, v) in zip(nodes, values) where row[n.name] == nil && withKeys.contains(n.name) { out[n.name] = v }
    return out
  }

  /// The row with each relation set.
  private static func expanded(_ row: JSONObject, _ nodes: [Node], _ values: [JSON]) -> JSONObject {
    if nodes.isEmpty { return row }
    var out = row
    for (n, v) in zip(nodes, values) { out[n.name] = v }
    return out
  }

  private func value(of n: Node, for row: JSONObject, parent t: TableFacts) -> JSON {
    if n.many {
      guard let pk = row.str(t.primaryKey) else { return [] }
      return .array(n.children(of: pk, key: t.primaryKey).map { trimmed($0, n) })
    }
    guard let id = row.str(n.field), let target = n.table?[id] else { return .null }
    return trimmed(target, n)
  }

  /// A related row: expanded, then trimmed to the relation's columns and nested names.
  private func trimmed(_ r: JSONObject, _ n: Node) -> JSON {
    let values = n.nested.map { value(of: $0, for: r, parent: n.target) }
    var out: JSONObject
    if let columns = n.columns {
      out = JSONObject()
      for (c, rel) in zip(columns, n.columnRelation) {
        if let rel { out[c] = values[rel] } else if let v = r[c] { out[c] = v }
      }
      if n.nested.isEmpty {
        for name in n.nestedNames { if let v = r[name] { out[name] = v } }
      } else {
        for (m, v) in zip(n.nested, values) { out[m.name] = v }
      }
    } else {
      out = Self.expanded(r, n.nested, values)
    }
    for c in n.excluded { out[c] = nil }
    return .object(out)
  }
}
