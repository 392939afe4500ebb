import DokCore

/// Renders a JSON value in each output format. Pure functions: no I/O.
public enum OutputFormatter {
  /// `value` in `format`, ending in a newline.
  public static func render(_ value: JSON, as format: OutputFormat, color: Bool = false) -> String {
    switch format {
    case .pretty: return JSONWriter.pretty(value, style: color ? .terminal : nil) + "\n"
    case .json: return JSONWriter.compact(value) + "\n"
    case .raw: return raw(value)
    case .yaml: return YAMLRenderer.render(value)
    case .table:
      if let t = table(value) { return t }
      return JSONWriter.pretty(value, style: color ? .terminal : nil) + "\n"
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
  public static func table(_ value: JSON, maxCell: Int = 40) -> String? {
    guard case .array(let rows) = value, !rows.isEmpty else { return nil }
    var columns: [String] = []
    var seen = Set<String>()
    for row in rows {
      guard case .object(let o) = row else { return nil }
      for k in o.keys where seen.insert(k).inserted { columns.append(k) }
    }
    func cell(_ v: JSON?) -> String {
      guard let v else { return "" }
      var s = isScalar(v) ? scalarText(v) : v.compactText
      s = String(s.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
      return s.count > maxCell ? String(s.prefix(maxCell - 1)) + "…" : s
    }
    let cells = rows.map { row in columns.map { cell(row[$0]) } }
    let rule = columns.indices.map { i in String(repeating: "-", count: cells.reduce(columns[i].count) { max($0, $1[i].count) }) }
    return TextTable.lines([columns, rule] + cells).map { $0 + "\n" }.joined()
  }

  static func isScalar(_ v: JSON) -> Bool {
    switch v {
    case .array, .object: false
    default: true
    }
  }

  static func scalarText(_ v: JSON) -> String { v.stringValue ?? v.compactText }
}
