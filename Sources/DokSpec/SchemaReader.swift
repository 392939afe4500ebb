import DokCore

/// Reads schemas and parameters out of a parsed document, resolving local `$ref`s and folding
/// nullability (`nullable: true`, `type: [T, "null"]`, `anyOf: [T, {type: null}]`).
struct SchemaReader {
  let root: JSON
  let legacyNullable: Bool
  static let maxDepth = 64

  /// Follows `$ref` chains; returns the target and its pointer.
  func resolve(_ value: JSON, at pointer: String) throws(SpecError) -> (value: JSON, pointer: String) {
    var current = value
    var currentPointer = pointer
    var hops = 0
    while case .object(let o) = current, let ref = o["$ref"] {
      guard case .string(let target) = ref else {
        throw SpecError("\"$ref\" must be a string, found \(ref.typeName)", at: currentPointer + "/$ref")
      }
      guard target.hasPrefix("#") else {
        throw SpecError("external reference '\(target)' is not supported; only '#/…' references are", at: currentPointer + "/$ref")
      }
      hops += 1
      if hops > 32 { throw SpecError("reference cycle through '\(target)'", at: currentPointer + "/$ref") }
      guard let resolved = lookup(String(target.dropFirst())) else {
        throw SpecError("broken $ref '\(target)': nothing at that location", at: currentPointer + "/$ref")
      }
      current = resolved
      currentPointer = String(target.dropFirst())
    }
    return (current, currentPointer)
  }

  func lookup(_ pointer: String) -> JSON? {
    if pointer.isEmpty { return root }
    guard pointer.hasPrefix("/") else { return nil }
    var node = root
    for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      let key = String(raw).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
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

  func parameter(_ raw: JSON, at pointer: String) throws(SpecError) -> Parameter {
    let (value, ptr) = try resolve(raw, at: pointer)
    guard case .object(let o) = value else { throw SpecError("a parameter must be an object, found \(value.typeName)", at: ptr) }
    guard case .string(let name)? = o["name"] else { throw SpecError("a parameter needs a string \"name\"", at: ptr) }
    guard case .string(let inValue)? = o["in"] else { throw SpecError("parameter '\(name)' needs a string \"in\"", at: ptr) }
    guard let location = ParameterLocation(rawValue: inValue == "cookie" ? "header" : inValue) else {
      throw SpecError("parameter '\(name)' has unknown location \"\(inValue)\"", at: ptr + "/in")
    }
    var schema = Schema()
    if let s = o["schema"] { schema = try self.schema(s, at: ptr + "/schema", depth: 0) }
    let description = o["description"]?.stringValue ?? schema.description
    let required = try bool(o["required"], at: ptr + "/required") ?? (location == .path)
    return Parameter(name: name, location: location, required: required, schema: schema, description: description)
  }

  func bodyParameters(_ raw: JSON, at pointer: String) throws(SpecError) -> [Parameter] {
    let (value, ptr) = try resolve(raw, at: pointer)
    guard case .object(let body) = value else { throw SpecError("\"requestBody\" must be an object, found \(value.typeName)", at: ptr) }
    guard let content = body["content"] else { return [] }
    guard case .object(let media) = content else { throw SpecError("\"content\" must be an object, found \(content.typeName)", at: ptr + "/content") }
    let key = media.keys.first { $0.hasPrefix("application/json") } ?? media.keys.first
    guard let key, case .object(let mt)? = media[key], let rawSchema = mt["schema"] else { return [] }
    let schemaPointer = ptr + "/content/" + SpecError.escape(key) + "/schema"
    let s = try schema(rawSchema, at: schemaPointer, depth: 0)
    if s.properties.isEmpty && !s.types.isEmpty && !s.types.contains(.object) {
      throw SpecError("a JSON request body must be an object schema, found type \(s.typeDescription)", at: schemaPointer)
    }
    return s.properties.map {
      Parameter(name: $0.name, location: .body, required: $0.required, schema: $0.schema, description: $0.schema.description)
    }
  }

  func bool(_ v: JSON?, at pointer: String) throws(SpecError) -> Bool? {
    guard let v else { return nil }
    guard case .bool(let b) = v else { throw SpecError("expected true or false, found \(v.typeName)", at: pointer) }
    return b
  }

  func number(_ v: JSON?, at pointer: String) throws(SpecError) -> Double? {
    guard let v else { return nil }
    guard case .number(let n) = v else { throw SpecError("expected a number, found \(v.typeName)", at: pointer) }
    return n
  }

  func string(_ v: JSON?, at pointer: String) throws(SpecError) -> String? {
    guard let v else { return nil }
    guard case .string(let s) = v else { throw SpecError("expected a string, found \(v.typeName)", at: pointer) }
    return s
  }

  /// Converts one schema (recursively).
  func schema(_ raw: JSON, at pointer: String, depth: Int) throws(SpecError) -> Schema {
    if depth > Self.maxDepth { return Schema() }  // recursive schemas: stop describing, accept anything
    let (value, ptr) = try resolve(raw, at: pointer)
    if case .bool = value { return Schema() }
    guard case .object(let o) = value else { throw SpecError("a schema must be an object, found \(value.typeName)", at: ptr) }
    var s = Schema()
    switch o["type"] {
    case nil: break
    case .string(let t)?:
      guard let jt = JSONType(rawValue: t) else { throw SpecError("unknown schema type \"\(t)\"", at: ptr + "/type") }
      if jt == .null { s.nullable = true } else { s.types = [jt] }
    case .array(let ts)?:
      for (i, t) in ts.enumerated() {
        guard case .string(let name) = t, let jt = JSONType(rawValue: name) else {
          throw SpecError("unknown schema type \(t.compactText)", at: "\(ptr)/type/\(i)")
        }
        if jt == .null { s.nullable = true } else { s.types.append(jt) }
      }
    case let other?: throw SpecError("\"type\" must be a string or an array, found \(other.typeName)", at: ptr + "/type")
    }
    if legacyNullable || o["nullable"] != nil, try bool(o["nullable"], at: ptr + "/nullable") == true { s.nullable = true }
    if let e = o["enum"] {
      guard case .array(let values) = e else { throw SpecError("\"enum\" must be an array, found \(e.typeName)", at: ptr + "/enum") }
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
    s.minimum = try number(o["minimum"], at: ptr + "/minimum")
    s.maximum = try number(o["maximum"], at: ptr + "/maximum")
    if case .number(let n)? = o["exclusiveMinimum"] { s.exclusiveMinimum = n }
    if case .number(let n)? = o["exclusiveMaximum"] { s.exclusiveMaximum = n }
    if case .bool(true)? = o["exclusiveMinimum"] { s.exclusiveMinimum = s.minimum; s.minimum = nil }
    if case .bool(true)? = o["exclusiveMaximum"] { s.exclusiveMaximum = s.maximum; s.maximum = nil }
    s.minLength = try number(o["minLength"], at: ptr + "/minLength").map { Int($0) }
    s.maxLength = try number(o["maxLength"], at: ptr + "/maxLength").map { Int($0) }
    s.pattern = try string(o["pattern"], at: ptr + "/pattern")
    s.format = try string(o["format"], at: ptr + "/format")
    s.description = try string(o["description"], at: ptr + "/description")
    if let props = o["properties"] {
      guard case .object(let members) = props else {
        throw SpecError("\"properties\" must be an object, found \(props.typeName)", at: ptr + "/properties")
      }
      var required = Set<String>()
      if let r = o["required"] {
        guard case .array(let names) = r else { throw SpecError("\"required\" must be an array, found \(r.typeName)", at: ptr + "/required") }
        required = Set(names.compactMap(\.stringValue))
      }
      for (name, sub) in members.pairs {
        let child = try schema(sub, at: ptr + "/properties/" + SpecError.escape(name), depth: depth + 1)
        s.properties.append(Property(name: name, schema: child, required: required.contains(name)))
      }
      if s.types.isEmpty { s.types = [.object] }
    }
    if let items = o["items"] {
      s.items = [try schema(items, at: ptr + "/items", depth: depth + 1)]
      if s.types.isEmpty { s.types = [.array] }
    }
    for key in ["anyOf", "oneOf"] {
      guard let alts = o[key] else { continue }
      guard case .array(let list) = alts else { throw SpecError("\"\(key)\" must be an array, found \(alts.typeName)", at: ptr + "/" + key) }
      var nonNull: [Schema] = []
      for (i, alt) in list.enumerated() {
        let a = try schema(alt, at: "\(ptr)/\(key)/\(i)", depth: depth + 1)
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
      guard case .array(let list) = all else { throw SpecError("\"allOf\" must be an array, found \(all.typeName)", at: ptr + "/allOf") }
      for (i, part) in list.enumerated() {
        let p = try schema(part, at: "\(ptr)/allOf/\(i)", depth: depth + 1)
        if s.types.isEmpty { s.types = p.types }
        s.properties += p.properties.filter { prop in !s.properties.contains { $0.name == prop.name } }
        s.enumValues = s.enumValues ?? p.enumValues
        s.description = s.description ?? p.description
      }
    }
    return s
  }
}
