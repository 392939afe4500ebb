import DokCore

extension FixedReplies {
  /// ``RouterReply/Kind/findMany(reply:where:)``: the rows of the reply's table (tables.json)
  /// in the sandbox's organization matching `filter`, ordered by the reply's `orderBy`, with
  /// its `columns` and `with` relations.
  static func findMany(_ reply: String, _ filter: JSON, _ input: JSONObject, state: SandboxState, now: Double)
    -> JSON
  {
    let facts = DokployFacts.shared
    guard let r = facts.replies[reply], let name = r["table"]?.stringValue, let t = facts.tables[name] else { return [] }
    var rows = state[table: name]?.all ?? []
    if t.column("organizationId") != nil { rows = rows.filter { $0.str("organizationId") == state.organizationId } }
    for (rawKey, rawValue) in filter.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      let key = fill(.string(rawKey), input, state: state, now: now).stringValue ?? rawKey
      let columns = key.split(separator: "|").map(String.init)
      if rawValue == "<notNull>" {
        rows = rows.filter { row in columns.contains { (row[$0] ?? .null) != .null } }
      } else {
        let value = fill(rawValue, input, state: state, now: now)
        rows = rows.filter { row in columns.contains { row[$0] == value } }
      }
    }
    if let order = r["orderBy"]?.stringValue?.split(separator: " "), let column = order.first.map(String.init) {
      let descending = order.last == "desc"
      rows = rows.enumerated().sorted { a, b in
        let x = a.element.str(column) ?? "", y = b.element.str(column) ?? ""
        if x == y { return descending ? a.offset > b.offset : a.offset < b.offset }
        return descending ? x > y : x < y
      }.map(\.element)
    }
    let plan = RelationPlan.forReply(reply)
    let columns = r["columns"]?.arrayValue?.compactMap(\.stringValue)
    return .array(
      rows.map { row in
        var out = state.expand(row, t, plan, depth: 0)
        if let columns {
          let keep = Set(columns + plan.map(\.name))
          for (k, _) in out.pairs where !keep.contains(k) { out[k] = nil }
        }
        return .object(out)
      })
  }
}
