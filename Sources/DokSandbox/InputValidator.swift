import DokCore
import Synchronization

/// Checks a procedure's input against its ``Schema`` the way Zod 4 does on the real server:
/// unknown object members are dropped (or rejected when the object is strict), defaults are
/// filled in, a required member must be present even when it may be null, and every problem
/// becomes a Zod 4 issue (`invalid_type`, `invalid_value`, `too_small`, `too_big`,
/// `invalid_format` (a pattern, or a `format: uri` URL), `unrecognized_keys`, `invalid_union`) with Zod 4's wording.
struct InputValidator {
  /// Issues found so far, each a Zod issue object.
  var issues: [JSON] = []

  /// Validates `value` (nil means `undefined`) at `path`; returns the cleaned value (nil stays nil).
  mutating func check(_ value: JSON?, _ schema: Schema, path: [JSON]) -> JSON? {
    if value == nil, let d = schema.defaultValue { return d }
    if let branches = schema.anyOf ?? schema.oneOf {
      return checkUnion(value, branches, schema: schema, path: path)
    }
    if let c = schema.constValue {
      if value != c {
        issues.append([
          "code": "invalid_value", "values": [c], "path": .array(path),
          "message": .string("Invalid input: expected \(c.compactText)"),
        ])
      }
      return value
    }
    if let options = schema.enumValues {
      if value == nil || !options.contains(value!) {
        let list = options.map(\.compactText).joined(separator: "|")
        issues.append([
          "code": "invalid_value", "values": .array(options), "path": .array(path),
          "message": .string(options.count == 1 ? "Invalid input: expected \(list)" : "Invalid option: expected one of \(list)"),
        ])
      }
      return value
    }
    guard let value else {
      if let t = schema.type { invalidType(path, t == "integer" ? "number" : t, received: "undefined") }
      return nil
    }
    guard let type = schema.type else { return value }
    switch type {
    case "string":
      guard case .string(let s) = value else { return mismatch(path, type, value) }
      checkString(s, schema, path: path)
      return value
    case "number", "integer":
      guard case .number(let n) = value, n.isFinite else { return mismatch(path, "number", value) }
      if type == "integer", n != n.rounded() || abs(n) > 9_007_199_254_740_991 {
        issues.append([
          "expected": "int", "format": "safeint", "code": "invalid_type", "path": .array(path),
          "message": "Invalid input: expected int, received number",
        ])
        return value
      }
      checkNumber(n, schema, path: path)
      return value
    case "boolean":
      guard case .bool = value else { return mismatch(path, type, value) }
      return value
    case "null":
      guard case .null = value else { return mismatch(path, type, value) }
      return value
    case "array":
      guard case .array(let a) = value else { return mismatch(path, type, value) }
      if let m = schema.minItems, a.count < m {
        issues.append([
          "origin": "array", "code": "too_small", "minimum": .number(Double(m)), "inclusive": true, "path": .array(path),
          "message": .string("Too small: expected array to have >=\(m) items"),
        ])
      }
      guard let items = schema.items else { return value }
      var out: [JSON] = []
      out.reserveCapacity(a.count)
      for (i, v) in a.enumerated() { out.append(check(v, items, path: path + [.number(Double(i))]) ?? .null) }
      return .array(out)
    case "object":
      guard case .object(let o) = value else { return mismatch(path, type, value) }
      return .object(checkObject(o, schema, path: path))
    default:
      return value
    }
  }

  /// Validates an object's members; unknown members are dropped, or reported when the
  /// schema is strict (`additionalProperties: false`).
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
    switch schema.additionalProperties {
    case .schema(let extra)?:
      for (k, v) in o.pairs where schema.property(k) == nil {
        if let c = check(v, extra, path: path + [.string(k)]) { out[k] = c }
      }
    case .closed?:
      let unknown = o.keys.filter { schema.property($0) == nil }
      if !unknown.isEmpty {
        let quoted = unknown.map { JSON.string($0).compactText }.joined(separator: ", ")
        issues.append([
          "code": "unrecognized_keys", "keys": .array(unknown.map(JSON.string)), "path": .array(path),
          "message": .string("Unrecognized key\(unknown.count == 1 ? "" : "s"): \(quoted)"),
        ])
      }
    case nil:
      break
    }
    return out
  }

  private mutating func checkUnion(_ value: JSON?, _ branches: [Schema], schema: Schema, path: [JSON]) -> JSON? {
    if value == .null, branches.contains(where: { $0.isNullable }) { return value }
    // Nullable T (the common case): Zod reports T's issues directly, `undefined` included.
    let nonNull = branches.filter { $0.type != "null" }
    if nonNull.count == 1 { return check(value, nonNull[0], path: path) }
    var errors: [JSON] = []
    for b in nonNull {
      var trial = InputValidator()
      let r = trial.check(value, b, path: path)
      if trial.issues.isEmpty { return r }
      errors.append(.array(trial.issues))
    }
    if nonNull.isEmpty, value == nil { invalidType(path, "null", received: "undefined"); return nil }
    issues.append(["code": "invalid_union", "errors": .array(errors), "path": .array(path), "message": "Invalid input"])
    return value
  }

  private mutating func checkString(_ s: String, _ schema: Schema, path: [JSON]) {
    if schema.minLength != nil || schema.maxLength != nil {
      let n = s.utf16.count
      if let m = schema.minLength, n < m {
        issues.append([
          "origin": "string", "code": "too_small", "minimum": .number(Double(m)), "inclusive": true, "path": .array(path),
          "message": .string("Too small: expected string to have >=\(m) characters"),
        ])
      }
      if let m = schema.maxLength, n > m {
        issues.append([
          "origin": "string", "code": "too_big", "maximum": .number(Double(m)), "inclusive": true, "path": .array(path),
          "message": .string("Too big: expected string to have <=\(m) characters"),
        ])
      }
    }
    // `format: uri` is Zod's `.url()`: `new URL(s.trim())` must parse (zod v4.3.6 core/schemas.ts:474).
    if schema.format == "uri", !URLFormat.isValid(s) {
      issues.append([
        "code": "invalid_format", "format": "url", "path": .array(path), "message": "Invalid URL",
      ])
    }
    if let p = schema.pattern, !PatternCache.matches(s, pattern: p) {
      issues.append([
        "origin": "string", "code": "invalid_format", "format": "regex", "pattern": .string(p), "path": .array(path),
        "message": .string("Invalid string: must match pattern /\(p)/"),
      ])
    }
  }

  private mutating func checkNumber(_ n: Double, _ schema: Schema, path: [JSON]) {
    func bound(_ code: String, _ key: String, _ m: Double, inclusive: Bool, _ words: String, _ op: String) {
      issues.append([
        "origin": "number", "code": .string(code), key: .number(m), "inclusive": .bool(inclusive), "path": .array(path),
        "message": .string("\(words): expected number to be \(op)\(JSONWriter.formatNumber(m))"),
      ])
    }
    if let m = schema.minimum, n < m { bound("too_small", "minimum", m, inclusive: true, "Too small", ">=") }
    if let m = schema.exclusiveMinimum, n <= m { bound("too_small", "minimum", m, inclusive: false, "Too small", ">") }
    if let m = schema.maximum, n > m { bound("too_big", "maximum", m, inclusive: true, "Too big", "<=") }
  }

  private mutating func mismatch(_ path: [JSON], _ expected: String, _ value: JSON) -> JSON {
    invalidType(path, expected, received: Self.zodType(value))
    return value
  }

  private mutating func invalidType(_ path: [JSON], _ expected: String, received: String) {
    issues.append([
      "expected": .string(expected), "code": "invalid_type", "path": .array(path),
      "message": .string("Invalid input: expected \(expected), received \(received)"),
    ])
  }

  /// Zod 4's name for a value's type in messages.
  static func zodType(_ v: JSON) -> String {
    switch v {
    case .null: "null"
    case .bool: "boolean"
    case .number(let n): n.isNaN ? "NaN" : "number"
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
