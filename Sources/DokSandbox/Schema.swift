import DokCore

/// A JSON Schema fragment, as Dokploy's OpenAPI document states a procedure's parameters.
///
/// It serves twice: it validates and coerces incoming input (with Zod-style issues) and it is
/// rendered back into the sandbox's own OpenAPI document.
public final class Schema: Sendable {
  /// What to do with object members that `properties` does not name.
  public enum Extra: Sendable {
    /// `additionalProperties: false`.
    case closed
    /// `additionalProperties: {schema}`.
    case schema(Schema)
  }

  /// `type`: string, number, integer, boolean, array, object or null.
  public let type: String?
  /// `properties` of an object, in document order.
  public let properties: [(String, Schema)]?
  /// `required` member names of an object.
  public let required: [String]
  /// `items` of an array.
  public let items: Schema?
  /// `anyOf` branches (nullable fields are `anyOf: [T, null]`).
  public let anyOf: [Schema]?
  /// `oneOf` branches.
  public let oneOf: [Schema]?
  /// `enum`: the allowed values.
  public let enumValues: [JSON]?
  /// `const`: the only allowed value.
  public let constValue: JSON?
  /// `default`: filled in when the member is absent.
  public let defaultValue: JSON?
  /// `minLength` of a string, in characters.
  public let minLength: Int?
  /// `maxLength` of a string, in characters.
  public let maxLength: Int?
  /// `minItems` of an array.
  public let minItems: Int?
  /// Inclusive `minimum` of a number.
  public let minimum: Double?
  /// Inclusive `maximum` of a number.
  public let maximum: Double?
  /// `exclusiveMinimum` of a number.
  public let exclusiveMinimum: Double?
  /// `pattern`: a regular expression a string must match.
  public let pattern: String?
  /// `format` annotation: `uri` is checked as Zod's `.url()` (``URLFormat``), others are not.
  public let format: String?
  /// `additionalProperties`: closed, or a schema for unnamed members.
  public let additionalProperties: Extra?
  /// `propertyNames` schema (rendered, not checked).
  public let propertyNames: Schema?

  /// Builds a fragment; every keyword is optional, in JSON Schema's meaning.
  public init(
    type: String? = nil, properties: [(String, Schema)]? = nil, required: [String] = [], items: Schema? = nil,
    anyOf: [Schema]? = nil, oneOf: [Schema]? = nil, enumValues: [JSON]? = nil, constValue: JSON? = nil,
    defaultValue: JSON? = nil, minLength: Int? = nil, maxLength: Int? = nil, minItems: Int? = nil,
    minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil, pattern: String? = nil,
    format: String? = nil, additionalProperties: Extra? = nil, propertyNames: Schema? = nil
  ) {
    self.type = type
    self.properties = properties
    self.required = required
    self.items = items
    self.anyOf = anyOf
    self.oneOf = oneOf
    self.enumValues = enumValues
    self.constValue = constValue
    self.defaultValue = defaultValue
    self.minLength = minLength
    self.maxLength = maxLength
    self.minItems = minItems
    self.minimum = minimum
    self.maximum = maximum
    self.exclusiveMinimum = exclusiveMinimum
    self.pattern = pattern
    self.format = format
    self.additionalProperties = additionalProperties
    self.propertyNames = propertyNames
  }

  /// The schema of a property, if this is an object schema naming it.
  public func property(_ name: String) -> Schema? {
    properties?.first { $0.0 == name }?.1
  }

  /// True when `null` is accepted (`anyOf` with a `null` branch, or `type: "null"`).
  public var isNullable: Bool {
    if type == "null" { return true }
    return (anyOf ?? oneOf ?? []).contains { $0.isNullable }
  }

  /// The non-null type this schema describes, looking through `anyOf`/`oneOf` (nil when mixed).
  public var effectiveType: String? {
    if let type, type != "null" { return type }
    for s in anyOf ?? oneOf ?? [] { if let t = s.effectiveType { return t } }
    return nil
  }

  /// The JSON Schema text of this fragment, as it appears in an OpenAPI 3.1 document.
  public var json: JSON {
    var o = JSONObject()
    if let type { o["type"] = .string(type) }
    if let properties {
      var p = JSONObject()
      for (k, v) in properties { p[k] = v.json }
      o["properties"] = .object(p)
    }
    if !required.isEmpty { o["required"] = .array(required.map { .string($0) }) }
    if let items { o["items"] = items.json }
    if let anyOf { o["anyOf"] = .array(anyOf.map(\.json)) }
    if let oneOf { o["oneOf"] = .array(oneOf.map(\.json)) }
    if let enumValues { o["enum"] = .array(enumValues) }
    if let constValue { o["const"] = constValue }
    if let defaultValue { o["default"] = defaultValue }
    if let minLength { o["minLength"] = .number(Double(minLength)) }
    if let maxLength { o["maxLength"] = .number(Double(maxLength)) }
    if let minItems { o["minItems"] = .number(Double(minItems)) }
    if let minimum { o["minimum"] = .number(minimum) }
    if let maximum { o["maximum"] = .number(maximum) }
    if let exclusiveMinimum { o["exclusiveMinimum"] = .number(exclusiveMinimum) }
    if let pattern { o["pattern"] = .string(pattern) }
    if let format { o["format"] = .string(format) }
    switch additionalProperties {
    case .closed: o["additionalProperties"] = false
    case .schema(let s): o["additionalProperties"] = s.json
    case nil: break
    }
    if let propertyNames { o["propertyNames"] = propertyNames.json }
    return .object(o)
  }
}
