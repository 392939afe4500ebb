/// A JSON value: what the server replies, what the language computes with, what the sandbox stores.
///
/// Numbers are IEEE doubles, as in JSON itself; whole values up to 2^53 are exact and print
/// without a decimal point (see ``JSONWriter``). Objects keep their keys in insertion order so
/// replies print the way the server sent them.
public enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object(JSONObject)

  /// The JSON type name of this value (`null`, `boolean`, `number`, `string`, `array`, `object`).
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// The language's truthiness: `false`, `null`, `0`, `""`, `[]` and `{}` are falsy.
  @inlinable
  public var isTruthy: Bool {
    switch self {
    case .null: false
    case .bool(let b): b
    case .number(let n): n != 0 && !n.isNaN
    case .string(let s): !s.isEmpty
    case .array(let a): !a.isEmpty
    case .object(let o): !o.isEmpty
    }
  }

  /// The string payload, or nil.
  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  /// The number payload, or nil.
  public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
  /// The boolean payload, or nil.
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  /// The array payload, or nil.
  public var arrayValue: [JSON]? { if case .array(let a) = self { a } else { nil } }
  /// The object payload, or nil.
  public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
  /// True for `.null`.
  public var isNull: Bool { if case .null = self { true } else { false } }

  /// Member access on objects; nil for anything else or a missing key.
  public subscript(key: String) -> JSON? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// Element access on arrays; nil when out of range or not an array.
  public subscript(index: Int) -> JSON? {
    if case .array(let a) = self, a.indices.contains(index) { return a[index] }
    return nil
  }

  /// Builds an object value from ordered pairs.
  public static func object(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
    var o = JSONObject()
    for (k, v) in pairs { o[k] = v }
    return .object(o)
  }

  /// Compact JSON text.
  public var compactText: String { JSONWriter.compact(self) }
}

extension JSON: CustomStringConvertible {
  public var description: String { compactText }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    var o = JSONObject()
    for (k, v) in elements { o[k] = v }
    self = .object(o)
  }
}
