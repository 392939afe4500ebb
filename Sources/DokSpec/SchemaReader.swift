import DokCore

/// Reads schemas and parameters out of a parsed document, resolving local `$ref`s and folding
/// nullability (`nullable: true`, `type: [T, "null"]`, `anyOf: [T, {type: null}]`).
///
/// Errors carry JSON pointers, but none are built while reading succeeds: each level wraps its
/// work in ``within(_:body:)``, which prepends its path component only to an error on its way out.
struct SchemaReader: Sendable {
  let root: JSON
  let legacyNullable: Bool
  static let maxDepth = 64
  /// The `$ref` targets being expanded on the current path: a schema that reaches itself again
  /// is recursive and reads as "anything" there (like past ``maxDepth``), so that recursion with
  /// several branches (`child` and `items` both pointing back) stays linear instead of 2^64.
  let expanding = RefPath()

  final class RefPath: @unchecked Sendable {
    var targets: Set<String> = []
  }

  /// Runs `body`; an error it throws gets `components` prepended to its pointer, unless the
  /// pointer is already absolute (set where a `$ref` was followed).
  @inline(__always)
  func within<T>(_ components: String..., body: () throws(SpecError) -> T) throws(SpecError) -> T {
    try within(path: components, body: body)
  }

  /// ``within(_:body:)`` with the components as an array.
  @inline(__always)
  func within<T>(path components: [String], body: () throws(SpecError) -> T) throws(SpecError) -> T {
    do {
      return try body()
    } catch {
      var e = error
      if !e.absolute {
        e.pointer = components.map { "/" + SpecError.escape($0) }.joined() + (e.pointer ?? "")
      }
      throw e
    }
  }

  /// An error at the current location (relative pointer "").
  func fail(_ message: String, at components: String...) -> SpecError {
    SpecError(message, at: components.map { "/" + SpecError.escape($0) }.joined())
  }

  /// Follows `$ref` chains. When a reference was followed, `body` runs on the target and its
  /// errors are made absolute (pointing into the target).
  func resolved<T>(_ value: JSON, _ body: (JSON) throws(SpecError) -> T) throws(SpecError) -> T {
    guard case .object(let first) = value, first["$ref"] != nil else { return try body(value) }
    var current = value
    var target = ""
    var hops = 0
    while case .object(let o) = current, let ref = o["$ref"] {
      guard case .string(let t) = ref else {
        throw hops == 0
          ? fail("\"$ref\" must be a string, found \(ref.typeName)", at: "$ref")
          : absolute(fail("\"$ref\" must be a string, found \(ref.typeName)", at: "$ref"), base: target)
      }
      guard t.hasPrefix("#") else {
        let e = fail("external reference '\(t)' is not supported; only '#/…' references are", at: "$ref")
        throw hops == 0 ? e : absolute(e, base: target)
      }
      hops += 1
      if hops > 32 { throw absolute(fail("reference cycle through '\(t)'", at: "$ref"), base: target) }
      guard let next = lookup(String(t.dropFirst())) else {
        let e = fail("broken $ref '\(t)': nothing at that location", at: "$ref")
        throw hops == 1 ? e : absolute(e, base: target)
      }
      current = next
      target = String(t.dropFirst())
    }
    do {
      return try body(current)
    } catch {
      throw error.absolute ? error : absolute(error, base: target)
    }
  }

  private func absolute(_ e: SpecError, base: String) -> SpecError {
    var e = e
    e.pointer = base + (e.pointer ?? "")
    e.absolute = true
    return e
  }

  func lookup(_ pointer: String) -> JSON? {
    if pointer.isEmpty { return root }
    guard pointer.hasPrefix("/") else { return nil }
    var node = root
    for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      let key = String(raw).replacing("~1", with: "/").replacing("~0", with: "~")
      switch node {
      case .object(let o):
        guard let next = o[key] else { return nil }
        node = next
      case .array(let a):
        guard let i = Int(key), a.indices.contains(i) else { return nil }
        node = a[i]
      default: return nil
      }
    }
    return node
  }

  func parameter(_ raw: JSON) throws(SpecError) -> Parameter {
    try resolved(raw) { value throws(SpecError) in
      guard case .object(let o) = value else { throw fail("a parameter must be an object, found \(value.typeName)") }
      guard case .string(let name)? = o["name"] else { throw fail("a parameter needs a string \"name\"") }
      guard case .string(let inValue)? = o["in"] else { throw fail("parameter '\(name)' needs a string \"in\"") }
      guard let location = ParameterLocation(rawValue: inValue == "cookie" ? "header" : inValue) else {
        throw fail("parameter '\(name)' has unknown location \"\(inValue)\"", at: "in")
      }
      var schema = Schema()
      if let s = o["schema"] { schema = try within("schema") { () throws(SpecError) in try self.schema(s, depth: 0) } }
      let description = o["description"]?.stringValue ?? schema.description
      let required = try bool(o["required"], "required") ?? (location == .path)
      return Parameter(name: name, location: location, required: required, schema: schema, description: description)
    }
  }

  func bodyParameters(_ raw: JSON) throws(SpecError) -> [Parameter] {
    try resolved(raw) { value throws(SpecError) in
      guard case .object(let body) = value else { throw fail("\"requestBody\" must be an object, found \(value.typeName)") }
      guard let content = body["content"] else { return [] }
      guard case .object(let media) = content else {
        throw fail("\"content\" must be an object, found \(content.typeName)", at: "content")
      }
      let key = media.keys.first { $0.hasPrefix("application/json") } ?? media.keys.first
      guard let key, case .object(let mt)? = media[key], let rawSchema = mt["schema"] else { return [] }
      return try within("content", key, "schema") { () throws(SpecError) in
        let s = try schema(rawSchema, depth: 0)
        if s.properties.isEmpty && !s.types.isEmpty && !s.types.contains(.object) {
          throw fail("a JSON request body must be an object schema, found type \(s.typeDescription)")
        }
        return s.properties.map {
          Parameter(name: $0.name, location: .body, required: $0.required, schema: $0.schema, description: $0.schema.description)
        }
      }
    }
  }

  func bool(_ v: JSON?, _ key: String) throws(SpecError) -> Bool? {
    guard let v else { return nil }
    guard case .bool(let b) = v else { throw fail("expected true or false, found \(v.typeName)", at: key) }
    return b
  }

  func number(_ v: JSON?, _ key: String) throws(SpecError) -> Double? {
    guard let v else { return nil }
    guard case .number(let n) = v else { throw fail("expected a number, found \(v.typeName)", at: key) }
    return n
  }

  func string(_ v: JSON?, _ key: String) throws(SpecError) -> String? {
    guard let v else { return nil }
    guard case .string(let s) = v else { throw fail("expected a string, found \(v.typeName)", at: key) }
    return s
  }

  /// Converts one schema (recursively).
  func schema(_ raw: JSON, depth: Int) throws(SpecError) -> Schema {
    if depth > Self.maxDepth { return Schema() }  // recursive schemas: stop describing, accept anything
    var target: String?
    if case .object(let o) = raw, case .string(let t)? = o["$ref"] {
      if expanding.targets.contains(t) { return Schema() }
      expanding.targets.insert(t)
      target = t
    }
    defer { if let target { expanding.targets.remove(target) } }
    return try resolved(raw) { value throws(SpecError) in
      if case .bool = value { return Schema() }
      guard case .object(let o) = value else { throw fail("a schema must be an object, found \(value.typeName)") }
      return try schemaObject(o, depth: depth)
    }
  }

  private func schemaObject(_ o: JSONObject, depth: Int) throws(SpecError) -> Schema {
    var s = Schema()
    switch o["type"] {
    case nil: break
    case .string(let t)?:
      guard let jt = JSONType(rawValue: t) else { throw fail("unknown schema type \"\(t)\"", at: "type") }
      if jt == .null { s.nullable = true } else { s.types = [jt] }
    case .array(let ts)?:
      for (i, t) in ts.enumerated() {
        guard case .string(let name) = t, let jt = JSONType(rawValue: name) else {
          throw fail("unknown schema type \(t.compactText)", at: "type", String(i))
        }
        if jt == .null { s.nullable = true } else { s.types.append(jt) }
      }
    case let other?: throw fail("\"type\" must be a string or an array, found \(other.typeName)", at: "type")
    }
    if legacyNullable || o["nullable"] != nil, try bool(o["nullable"], "nullable") == true { s.nullable = true }
    if let e = o["enum"] {
      guard case .array(let values) = e else { throw fail("\"enum\" must be an array, found \(e.typeName)", at: "enum") }
      s.enumValues = values.filter { !$0.isNull }
      if values.contains(.null) { s.nullable = true }
      if s.types.isEmpty, let first = s.enumValues?.first {
        s.types = [first.stringValue != nil ? .string : first.numberValue != nil ? .number : .boolean]
      }
    }
    if let c = o["const"] {
      s.constValue = c
      if s.enumValues == nil, !c.isNull { s.enumValues = [c] }
      if s.types.isEmpty, c.stringValue != nil { s.types = [.string] }
    }
    s.defaultValue = o["default"]
    s.minimum = try number(o["minimum"], "minimum")
    s.maximum = try number(o["maximum"], "maximum")
    if case .number(let n)? = o["exclusiveMinimum"] { s.exclusiveMinimum = n }
    if case .number(let n)? = o["exclusiveMaximum"] { s.exclusiveMaximum = n }
    if case .bool(true)? = o["exclusiveMinimum"] { s.exclusiveMinimum = s.minimum; s.minimum = nil }
    if case .bool(true)? = o["exclusiveMaximum"] { s.exclusiveMaximum = s.maximum; s.maximum = nil }
    s.minLength = try number(o["minLength"], "minLength").map { Int($0) }
    s.maxLength = try number(o["maxLength"], "maxLength").map { Int($0) }
    s.pattern = try string(o["pattern"], "pattern")
    s.format = try string(o["format"], "format")
    s.description = try string(o["description"], "description")
    if let props = o["properties"] {
      guard case .object(let members) = props else {
        throw fail("\"properties\" must be an object, found \(props.typeName)", at: "properties")
      }
      var required = Set<String>()
      if let r = o["required"] {
        guard case .array(let names) = r else { throw fail("\"required\" must be an array, found \(r.typeName)", at: "required") }
        required = Set(names.compactMap(\.stringValue))
      }
      s.properties.reserveCapacity(members.count)
      for (name, sub) in members.pairs {
        let child = try within("properties", name) { () throws(SpecError) in try schema(sub, depth: depth + 1) }
        s.properties.append(Property(name: name, schema: child, required: required.contains(name)))
      }
      if s.types.isEmpty { s.types = [.object] }
    }
    if let items = o["items"] {
      s.items = [try within("items") { () throws(SpecError) in try schema(items, depth: depth + 1) }]
      if s.types.isEmpty { s.types = [.array] }
    }
    for key in ["anyOf", "oneOf"] {
      guard let alts = o[key] else { continue }
      guard case .array(let list) = alts else { throw fail("\"\(key)\" must be an array, found \(alts.typeName)", at: key) }
      var nonNull: [Schema] = []
      for (i, alt) in list.enumerated() {
        let a = try within(key, String(i)) { () throws(SpecError) in try schema(alt, depth: depth + 1) }
        if a.types.isEmpty && a.nullable && a.enumValues == nil && a.properties.isEmpty {
          s.nullable = true
        } else {
          if a.nullable { s.nullable = true }
          nonNull.append(a)
        }
      }
      if nonNull.count == 1, s.types.isEmpty {
        let d = s.description
        let n = s.nullable
        let def = s.defaultValue
        s = nonNull[0]
        s.nullable = s.nullable || n
        s.description = s.description ?? d
        s.defaultValue = s.defaultValue ?? def
      } else if !nonNull.isEmpty {
        s.alternatives = nonNull
      }
    }
    if let all = o["allOf"] {
      guard case .array(let list) = all else { throw fail("\"allOf\" must be an array, found \(all.typeName)", at: "allOf") }
      for (i, part) in list.enumerated() {
        let p = try within("allOf", String(i)) { () throws(SpecError) in try schema(part, depth: depth + 1) }
        if s.types.isEmpty { s.types = p.types }
        s.properties += p.properties.filter { prop in !s.properties.contains { $0.name == prop.name } }
        s.enumValues = s.enumValues ?? p.enumValues
        s.description = s.description ?? p.description
      }
    }
    return s
  }
}
