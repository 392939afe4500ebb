import DokCore
import Synchronization

/// Checks a procedure's input against its ``Schema`` the way Zod does on the real server:
/// unknown object members are dropped, defaults are filled in, and every problem becomes a
/// Zod-style issue (`invalid_type`, `invalid_enum_value`, `too_small`, `too_big`, `invalid_string`).
struct InputValidator {
  /// Issues found so far, each a Zod issue object.
  var issues: [JSON] = []

  /// Validates `value` (nil means `undefined`) at `path`; returns the cleaned value (nil stays nil).
  mutating func check(_ value: JSON?, _ schema: Schema, path: [JSON]) -> JSON? {
    if let branches = schema.anyOf ?? schema.oneOf {
      return checkUnion(value, branches, schema: schema, path: path)
    }
    guard let value else {
      if let d = schema.defaultValue { return d }
      if schema.type != nil { issue(path, invalidType: schema.type!, received: "undefined", message: "Required") }
      return nil
    }
    if let c = schema.constValue, c != value {
      issues.append([
        "code": "invalid_literal", "expected": c, "received": value, "path": .array(path),
        "message": .string("Invalid literal value, expected \(c.compactText)"),
      ])
      return value
    }
    if let options = schema.enumValues {
      guard options.contains(value) else {
        let list = options.map { "'\($0.stringValue ?? $0.compactText)'" }.joined(separator: " | ")
        let got = value.stringValue ?? value.compactText
        issues.append([
          "received": value, "code": "invalid_enum_value", "options": .array(options), "path": .array(path),
          "message": .string("Invalid enum value. Expected \(list), received '\(got)'"),
        ])
        return value
      }
      return value
    }
    guard let type = schema.type else { return value }
    let received = Self.zodType(value)
    switch type {
    case "string":
      guard case .string(let s) = value else { return mismatch(path, type, received, value) }
      checkString(s, schema, path: path)
      return value
    case "number", "integer":
      guard case .number(let n) = value else { return mismatch(path, type, received, value) }
      if type == "integer", n != n.rounded() {
        issue(path, invalidType: "integer", received: "float", message: "Expected integer, received float")
      }
      checkNumber(n, schema, path: path)
      return value
    case "boolean":
      guard case .bool = value else { return mismatch(path, type, received, value) }
      return value
    case "null":
      guard case .null = value else { return mismatch(path, type, received, value) }
      return value
    case "array":
      guard case .array(let a) = value else { return mismatch(path, type, received, value) }
      if let m = schema.minItems, a.count < m {
        issues.append([
          "code": "too_small", "minimum": .number(Double(m)), "type": "array", "inclusive": true, "exact": false,
          "message": .string("Array must contain at least \(m) element(s)"), "path": .array(path),
        ])
      }
      guard let items = schema.items else { return value }
      var out: [JSON] = []
      out.reserveCapacity(a.count)
      for (i, v) in a.enumerated() { out.append(check(v, items, path: path + [.number(Double(i))]) ?? .null) }
      return .array(out)
    case "object":
      guard case .object(let o) = value else { return mismatch(path, type, received, value) }
      return .object(checkObject(o, schema, path: path))
    default:
      return value
    }
  }

  /// Validates an object's members; unknown members are dropped unless the schema allows them.
  mutating func checkObject(_ o: JSONObject, _ schema: Schema, path: [JSON]) -> JSONObject {
    var out = JSONObject()
    for (name, sub) in schema.properties ?? [] {
      let given = o[name]
      if given == nil, !schema.required.contains(name) {
        if let d = sub.defaultValue { out[name] = d }
        continue
      }
      if let v = check(given, sub, path: path + [.string(name)]) { out[name] = v }
    }
    if case .schema(let extra) = schema.additionalProperties {
      for (k, v) in o.pairs where schema.property(k) == nil {
        if let c = check(v, extra, path: path + [.string(k)]) { out[k] = c }
      }
    }
    return out
  }

  private mutating func checkUnion(_ value: JSON?, _ branches: [Schema], schema: Schema, path: [JSON]) -> JSON? {
    if value == nil, let d = schema.defaultValue { return d }
    if value == nil || value == .null {
      if branches.contains(where: { $0.isNullable }) { return value }
      if value == nil {
        issue(path, invalidType: schema.effectiveType ?? "object", received: "undefined", message: "Required")
        return nil
      }
    }
    // Nullable T (the common case): report T's issues directly, as Zod does for `.nullable()`.
    let nonNull = branches.filter { $0.type != "null" }
    if nonNull.count == 1 { return check(value, nonNull[0], path: path) }
    for b in nonNull {
      var trial = InputValidator()
      let r = trial.check(value, b, path: path)
      if trial.issues.isEmpty { return r }
    }
    issues.append(["code": "invalid_union", "unionErrors": [], "path": .array(path), "message": "Invalid input"])
    return value
  }

  private mutating func checkString(_ s: String, _ schema: Schema, path: [JSON]) {
    if schema.minLength != nil || schema.maxLength != nil {
      let n = s.count
      if let m = schema.minLength, n < m {
        issues.append([
          "code": "too_small", "minimum": .number(Double(m)), "type": "string", "inclusive": true, "exact": false,
          "message": .string("String must contain at least \(m) character(s)"), "path": .array(path),
        ])
      }
      if let m = schema.maxLength, n > m {
        issues.append([
          "code": "too_big", "maximum": .number(Double(m)), "type": "string", "inclusive": true, "exact": false,
          "message": .string("String must contain at most \(m) character(s)"), "path": .array(path),
        ])
      }
    }
    if let p = schema.pattern, !PatternCache.matches(s, pattern: p) {
      issues.append(["validation": "regex", "code": "invalid_string", "message": "Invalid", "path": .array(path)])
    }
  }

  private mutating func checkNumber(_ n: Double, _ schema: Schema, path: [JSON]) {
    if let m = schema.minimum, n < m {
      issues.append([
        "code": "too_small", "minimum": .number(m), "type": "number", "inclusive": true, "exact": false,
        "message": .string("Number must be greater than or equal to \(JSONWriter.formatNumber(m))"), "path": .array(path),
      ])
    }
    if let m = schema.exclusiveMinimum, n <= m {
      issues.append([
        "code": "too_small", "minimum": .number(m), "type": "number", "inclusive": false, "exact": false,
        "message": .string("Number must be greater than \(JSONWriter.formatNumber(m))"), "path": .array(path),
      ])
    }
    if let m = schema.maximum, n > m {
      issues.append([
        "code": "too_big", "maximum": .number(m), "type": "number", "inclusive": true, "exact": false,
        "message": .string("Number must be less than or equal to \(JSONWriter.formatNumber(m))"), "path": .array(path),
      ])
    }
  }

  private mutating func mismatch(_ path: [JSON], _ expected: String, _ received: String, _ value: JSON) -> JSON {
    issue(path, invalidType: expected, received: received, message: "Expected \(expected), received \(received)")
    return value
  }

  private mutating func issue(_ path: [JSON], invalidType expected: String, received: String, message: String) {
    issues.append([
      "code": "invalid_type", "expected": .string(expected), "received": .string(received), "path": .array(path),
      "message": .string(message),
    ])
  }

  /// Zod's name for a value's type.
  static func zodType(_ v: JSON) -> String {
    switch v {
    case .null: "null"
    case .bool: "boolean"
    case .number(let n): n.isNaN ? "nan" : "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// Zod's `flatten()` of the issues: `{formErrors, fieldErrors}`.
  static func flatten(_ issues: [JSON]) -> JSON {
    var form: [JSON] = []
    var fields = JSONObject()
    for i in issues {
      let msg = i["message"] ?? "Invalid"
      if let first = i["path"]?[0], let key = first.stringValue {
        fields[key] = .array((fields[key]?.arrayValue ?? []) + [msg])
      } else {
        form.append(msg)
      }
    }
    return ["formErrors": .array(form), "fieldErrors": .object(fields)]
  }
}

/// Compiled `pattern` regexes, built once per pattern. Patterns Swift cannot compile pass.
enum PatternCache {
  private static let cache = Mutex<[String: Result<Regex<AnyRegexOutput>, Error>]>([:])

  static func matches(_ s: String, pattern: String) -> Bool {
    let compiled: Result<Regex<AnyRegexOutput>, Error> = cache.withLock { c in
      if let r = c[pattern] { return r }
      let r = Result { try Regex(pattern) }
      c[pattern] = r
      return r
    }
    guard case .success(let re) = compiled else { return true }
    return (try? re.firstMatch(in: s)) != nil
  }
}
