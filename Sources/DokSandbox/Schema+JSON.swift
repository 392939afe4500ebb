import DokCore

extension Schema {
  /// Reads a JSON Schema fragment as Dokploy's OpenAPI document writes it (the keywords
  /// ``Schema`` models; `description` and other annotations are dropped).
  static func from(_ json: JSON) -> Schema {
    guard case .object(let o) = json else { return Schema() }
    func int(_ k: String) -> Int? { o[k]?.numberValue.flatMap(Support.int) }
    var properties: [(String, Schema)]?
    if case .object(let p) = o["properties"] { properties = p.pairs.map { ($0, Schema.from($1)) } }
    var extra: Extra?
    switch o["additionalProperties"] {
    case .bool(false)?: extra = .closed
    case .object(let s)?: extra = .schema(Schema.from(.object(s)))
    default: extra = nil
    }
    return Schema(
      type: o["type"]?.stringValue, properties: properties,
      required: (o["required"]?.arrayValue ?? []).compactMap(\.stringValue),
      items: o["items"].map(Schema.from), anyOf: o["anyOf"]?.arrayValue?.map(Schema.from),
      oneOf: o["oneOf"]?.arrayValue?.map(Schema.from), enumValues: o["enum"]?.arrayValue, constValue: o["const"],
      defaultValue: o["default"], minLength: int("minLength"), maxLength: int("maxLength"), minItems: int("minItems"),
      minimum: o["minimum"]?.numberValue, maximum: o["maximum"]?.numberValue,
      exclusiveMinimum: o["exclusiveMinimum"]?.numberValue, pattern: o["pattern"]?.stringValue,
      format: o["format"]?.stringValue, additionalProperties: extra, propertyNames: o["propertyNames"].map(Schema.from))
  }
}
