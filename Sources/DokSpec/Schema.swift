import DokCore

/// A JSON type named by a schema.
public enum JSONType: String, Sendable, Hashable, CaseIterable {
  case string, number, integer, boolean, object, array, null
}

/// A parameter's schema, simplified from OpenAPI: `$ref`s resolved, `anyOf [T, null]` and
/// 3.0's `nullable: true` folded into ``nullable``.
public struct Schema: Sendable, Hashable {
  /// Allowed non-null types; empty means any type.
  public var types: [JSONType] = []
  /// Whether `null` is allowed.
  public var nullable = false
  public var enumValues: [JSON]? = nil
  public var constValue: JSON? = nil
  public var defaultValue: JSON? = nil
  public var minimum: Double? = nil
  public var maximum: Double? = nil
  public var exclusiveMinimum: Double? = nil
  public var exclusiveMaximum: Double? = nil
  public var minLength: Int? = nil
  public var maxLength: Int? = nil
  public var pattern: String? = nil
  public var format: String? = nil
  public var description: String? = nil
  /// Object members (for `type: object`), in document order.
  public var properties: [Property] = []
  /// The element schema of an array (zero or one element).
  public var items: [Schema] = []
  /// Alternatives of an `anyOf`/`oneOf` that could not be folded into one schema.
  public var alternatives: [Schema] = []

  public init() {}

  /// True when the schema accepts a string (declared string, an enum of strings, or any type).
  public var allowsString: Bool {
    if types.isEmpty && alternatives.isEmpty { return true }
    return types.contains(.string) || alternatives.contains { $0.allowsString }
  }

  /// True when the schema accepts `t`.
  public func allows(_ t: JSONType) -> Bool {
    if t == .null { return nullable || (types.isEmpty && alternatives.isEmpty) }
    if types.isEmpty && alternatives.isEmpty { return true }
    if types.contains(t) { return true }
    if t == .integer && types.contains(.number) { return true }
    return alternatives.contains { $0.allows(t) }
  }

  /// A short type description: `string`, `number|null`, `enum`, `array<string>`, `object`.
  public var typeDescription: String {
    var base: String
    if let enumValues, !enumValues.isEmpty {
      base = "enum"
    } else if types.isEmpty && alternatives.isEmpty {
      base = "any"
    } else {
      var parts = types.map { t -> String in
        if t == .array, let item = items.first { return "array<\(item.typeDescription)>" }
        return t.rawValue
      }
      parts += alternatives.map(\.typeDescription)
      base = parts.joined(separator: "|")
    }
    return nullable ? base + "|null" : base
  }
}

/// A member of an object schema.
public struct Property: Sendable, Hashable {
  public var name: String
  public var schema: Schema
  public var required: Bool

  public init(name: String, schema: Schema, required: Bool) {
    self.name = name
    self.schema = schema
    self.required = required
  }
}
