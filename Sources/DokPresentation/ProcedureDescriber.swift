import DokCore
import DokSpec

/// Renders a procedure for people (`dok describe`, `:describe`) or as JSON.
public enum ProcedureDescriber {
  /// A text description: name, method and wire path, summary, and a parameter table with the
  /// required parameters first.
  public static func text(_ p: Procedure) -> String {
    var lines: [String] = []
    lines.append("\(p.name)  \(p.method) /api/\(p.name)  (\(p.isQuery ? "query: arguments in the URL" : "mutation: JSON body"))")
    if let s = p.summary, !s.isEmpty { lines.append(s) }
    if let d = p.description, !d.isEmpty, d != p.summary { lines.append(d) }
    lines.append("")
    if p.parameters.isEmpty {
      lines.append("No parameters.")
      return lines.joined(separator: "\n")
    }
    var rows: [[String]] = [["PARAMETER", "TYPE", "REQUIRED", "NULLABLE", "ENUM / DEFAULT"]]
    for param in p.parametersRequiredFirst {
      var extra: [String] = []
      if let e = param.schema.enumValues, !e.isEmpty {
        extra.append(e.map { $0.stringValue ?? $0.compactText }.joined(separator: "|"))
      }
      if let d = param.schema.defaultValue { extra.append("default \(d.compactText)") }
      rows.append([
        param.name, typeColumn(param.schema), param.required ? "yes" : "no", param.schema.nullable ? "yes" : "no",
        extra.joined(separator: "; "),
      ])
    }
    lines.append(contentsOf: TextTable.lines(rows))
    return lines.joined(separator: "\n")
  }

  /// The same information as JSON.
  public static func json(_ p: Procedure) -> JSON {
    var o = JSONObject()
    o["name"] = .string(p.name)
    o["method"] = .string(p.method)
    o["path"] = .string("/api/\(p.name)")
    o["summary"] = p.summary.map(JSON.string) ?? .null
    o["description"] = p.description.map(JSON.string) ?? .null
    o["tags"] = .array(p.tags.map(JSON.string))
    o["parameters"] = .array(p.parametersRequiredFirst.map(parameterJSON))
    return .object(o)
  }

  static func parameterJSON(_ param: Parameter) -> JSON {
    var o = schemaJSON(param.schema)
    o["name"] = .string(param.name)
    o["in"] = .string(param.location.rawValue)
    o["required"] = .bool(param.required)
    if let d = param.description { o["description"] = .string(d) }
    // Put the identifying fields first.
    var ordered = JSONObject()
    for k in ["name", "in", "type", "required", "nullable"] { if let v = o[k] { ordered[k] = v } }
    for (k, v) in o.pairs where ordered[k] == nil { ordered[k] = v }
    return .object(ordered)
  }

  /// The type as `describe` shows it: without `null` (a column of its own), and for an enum the
  /// type of its values.
  static func typeColumn(_ s: Schema) -> String {
    if let e = s.enumValues, !e.isEmpty { return s.types.first?.rawValue ?? "enum" }
    var plain = s
    plain.nullable = false
    return plain.typeDescription
  }

  static func schemaJSON(_ s: Schema) -> JSONObject {
    var o = JSONObject()
    o["type"] = .string(typeColumn(s))
    o["nullable"] = .bool(s.nullable)
    if let e = s.enumValues { o["enum"] = .array(e) }
    if let d = s.defaultValue { o["default"] = d }
    if let v = s.minimum { o["minimum"] = .number(v) }
    if let v = s.maximum { o["maximum"] = .number(v) }
    if let v = s.exclusiveMinimum { o["exclusiveMinimum"] = .number(v) }
    if let v = s.exclusiveMaximum { o["exclusiveMaximum"] = .number(v) }
    if let v = s.minLength { o["minLength"] = .number(Double(v)) }
    if let v = s.maxLength { o["maxLength"] = .number(Double(v)) }
    if let v = s.pattern { o["pattern"] = .string(v) }
    if let v = s.format { o["format"] = .string(v) }
    if !s.properties.isEmpty {
      var props = JSONObject()
      for p in s.properties {
        var child = schemaJSON(p.schema)
        child["required"] = .bool(p.required)
        props[p.name] = .object(child)
      }
      o["properties"] = .object(props)
    }
    if let item = s.items.first { o["items"] = .object(schemaJSON(item)) }
    return o
  }
}
