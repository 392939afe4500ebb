import DokCore

/// Renders a JSON value in each output format. Pure functions: no I/O.
public enum OutputFormatter {
  /// `value` in `format`, ending in a newline.
  /// `columns` (`--columns a,b,c`) chooses and orders a table's columns (a single object's keys);
  /// each may be a path into the row (`environments[0].name`). A paged reply (`{items, total}`)
  /// is tabulated by its `items`.
  public static func render(_ value: JSON, as format: OutputFormat, color: Bool = false, columns: [String]? = nil) -> String {
    switch format {
    case .pretty: return JSONWriter.pretty(value, style: color ? .terminal : nil) + "\n"
    case .json: return JSONWriter.compact(value) + "\n"
    case .raw: return raw(value)
    case .yaml: return YAMLRenderer.render(value)
    case .table:
      let value = pageItems(value) ?? value
      if let t = table(value, columns: columns) { return t }
      if case .object(let o) = value, !o.isEmpty { return keyValueTable(o, keys: columns) }
      return JSONWriter.pretty(value, style: color ? .terminal : nil) + "\n"
    }
  }

  /// The rows of a paged reply: `items` of an object that holds an `items` array of objects and a
  /// `total` (as Dokploy's `*.search` answer); nil for anything else.
  public static func pageItems(_ value: JSON) -> JSON? {
    guard case .object(let o) = value, o["total"] != nil, let items = o["items"], case .array(let rows) = items,
      rows.allSatisfy({ if case .object = $0 { true } else { false } })
    else { return nil }
    return items
  }

  /// The chosen columns no row has (no key, nor a path that leads anywhere), for a warning:
  /// for a table of rows, those found in none of them; for a single object, its missing keys.
  public static func unknownColumns(_ value: JSON, _ columns: [String]) -> [String] {
    let value = pageItems(value) ?? value
    let rows: [JSON]
    switch value {
    case .array(let a): rows = a
    case .object: rows = [value]
    default: return []
    }
    guard !rows.isEmpty else { return [] }
    return columns.filter { c in
      let path = ColumnPath(c)
      return !rows.contains { path.value(in: $0) != nil }
    }
  }

  /// Strings unquoted; arrays of scalars one per line; anything else compact JSON.
  public static func raw(_ value: JSON) -> String {
    switch value {
    case .string(let s): return s.hasSuffix("\n") ? s : s + "\n"
    case .array(let items) where items.allSatisfy(isScalar):
      return items.map { scalarText($0) + "\n" }.joined()
    default: return JSONWriter.compact(value) + "\n"
    }
  }

  /// A table of an array of objects: one column per key (first-seen order), nested values as
  /// compact JSON cut to `maxCell` characters. Nil for other values.
  public static func table(_ value: JSON, columns chosen: [String]? = nil, maxCell: Int = 40) -> String? {
    guard case .array(let rows) = value, !rows.isEmpty else { return nil }
    var columns: [String] = []
    var seen = Set<String>()
    for row in rows {
      guard case .object(let o) = row else { return nil }
      for k in o.keys where seen.insert(k).inserted { columns.append(k) }
    }
    var paths: [ColumnPath]? = nil
    if let chosen, !chosen.isEmpty {
      columns = chosen
      paths = chosen.map(ColumnPath.init)
    }
    func cell(_ v: JSON?) -> String {
      guard let v else { return "" }
      var s = isScalar(v) ? scalarText(v) : v.compactText
      s = String(s.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
      return s.count > maxCell ? String(s.prefix(maxCell - 1)) + "…" : s
    }
    let cells = rows.map { row in
      paths.map { $0.map { cell($0.value(in: row)) } } ?? columns.map { cell(row[$0]) }
    }
    let rule = columns.indices.map { i in String(repeating: "-", count: cells.reduce(columns[i].count) { max($0, $1[i].count) }) }
    return TextTable.lines([columns, rule] + cells).map { $0 + "\n" }.joined()
  }

  /// One object as two columns, KEY and VALUE, one row per key (nested values as compact JSON);
  /// `keys` chooses and orders the rows.
  public static func keyValueTable(_ object: JSONObject, keys: [String]? = nil, maxCell: Int = 100) -> String {
    let rows: [JSON] = (keys.flatMap { $0.isEmpty ? nil : $0 } ?? Array(object.keys)).map { k in
      .object(
        {
          var r = JSONObject()
          r["KEY"] = .string(k)
          r["VALUE"] = object[k] ?? ColumnPath(k).value(in: .object(object)) ?? .string("")
          return r
        }())
    }
    return table(.array(rows), maxCell: maxCell) ?? ""
  }

  static func isScalar(_ v: JSON) -> Bool {
    switch v {
    case .array, .object: false
    default: true
    }
  }

  static func scalarText(_ v: JSON) -> String { v.stringValue ?? v.compactText }
}
