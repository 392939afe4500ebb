import Dispatch
import DokCore
import Synchronization

/// Loads an OpenAPI 3.0/3.1 document (JSON or YAML bytes) into a ``Catalog``.
///
/// The caller decides where the bytes come from (a file, a server). Response schemas are never
/// read, so the JSON parser skips them without building values.
public enum SpecLoader {
  static let methods = ["get", "post", "put", "patch", "delete"]

  /// Parses and converts a document. Throws ``SpecError`` naming what is wrong and where.
  public static func load(_ bytes: [UInt8], source: String = "") throws(SpecError) -> Catalog {
    let root = try parseDocument(bytes, source: source)
    do {
      return try catalog(from: root)
    } catch {
      var e = error
      e.source = source
      throw e
    }
  }

  /// Bytes → JSON value: JSON when the text starts with `{`, else YAML.
  /// `members` (JSON only) leaves out object members the caller will not read.
  static func parseDocument(
    _ bytes: [UInt8], source: String, members: JSONParser.MemberFilter? = nil
  ) throws(SpecError) -> JSON {
    let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    if first == nil { throw SpecError("the document is empty", source: source) }
    if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
      do {
        return try JSONParser.parse(bytes, skipKeys: ["responses"], members: members)
      } catch {
        throw SpecError("invalid JSON: \(error.message) at line \(error.line), column \(error.column)", source: source)
      }
    }
    return try YAMLReader.parse(bytes, source: source)
  }

  /// Converts a parsed document.
  public static func catalog(from root: JSON) throws(SpecError) -> Catalog {
    guard case .object(let doc) = root else {
      throw SpecError("expected a JSON object at the top level, found \(root.typeName)", at: "")
    }
    let version: String
    switch doc["openapi"] {
    case .string(let v)?: version = v
    case nil:
      if doc["swagger"] != nil { throw SpecError("Swagger 2.0 is not supported; OpenAPI 3.0 or 3.1 is needed", at: "/swagger") }
      throw SpecError("no \"openapi\" version field: this is not an OpenAPI document", at: "")
    case let other?: throw SpecError("\"openapi\" must be a version string, found \(other.typeName)", at: "/openapi")
    }
    guard version.hasPrefix("3.") else {
      throw SpecError("OpenAPI version \(version) is not supported (3.0.x or 3.1.x)", at: "/openapi")
    }
    let legacyNullable = version.hasPrefix("3.0")
    let info = doc["info"]?.objectValue
    guard let pathsValue = doc["paths"] else {
      throw SpecError("no \"paths\" object: the document describes no operations", at: "")
    }
    guard case .object(let paths) = pathsValue else {
      throw SpecError("\"paths\" must be an object, found \(pathsValue.typeName)", at: "/paths")
    }
    // Paths convert independently: large documents are split in two halves converted on two
    // threads (the document is read-only; each thread has its own reader, whose `$ref`
    // expansion state is mutable); the first error in document order wins.
    let items = Array(paths.pairs)
    let chunks = items.count >= 128 ? 2 : 1
    let size = (items.count + chunks - 1) / max(chunks, 1)
    let results = ResultSlots(count: chunks)
    let work: @Sendable (Int) -> Void = { c in
      let slice = items[min(items.count, c * size)..<min(items.count, (c + 1) * size)]
      let resolver = SchemaReader(root: root, legacyNullable: legacyNullable)
      results.set(c, Result { () throws(SpecError) in try convert(slice, resolver: resolver) })
    }
    if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
    var procedures: [Procedure] = []
    procedures.reserveCapacity(items.count)
    for c in 0..<chunks {
      switch results.get(c) {
      case .success(let p)?: procedures += p
      case .failure(var e)?:
        if e.pointer == nil { e.pointer = "" }
        throw e
      case nil: break
      }
    }
    return Catalog(
      title: info?["title"]?.stringValue ?? "", version: info?["version"]?.stringValue ?? "",
      openapi: version, procedures: procedures)
  }

  static func convert(_ items: ArraySlice<(String, JSON)>, resolver: SchemaReader) throws(SpecError) -> [Procedure] {
    var procedures: [Procedure] = []
    procedures.reserveCapacity(items.count)
    for (path, item) in items {
      try resolver.within("paths", path) { () throws(SpecError) in
        try resolver.resolved(item) { value throws(SpecError) in
          guard case .object(let ops) = value else {
            throw SpecError("a path item must be an object, found \(item.typeName)", at: "")
          }
          let shared = ops["parameters"]
          for method in methods {
            guard let opValue = ops[method] else { continue }
            guard case .object(let op) = opValue else {
              throw SpecError("an operation must be an object, found \(opValue.typeName)", at: "/" + method)
            }
            procedures.append(try procedure(path: path, method: method, op: op, shared: shared, resolver: resolver))
          }
        }
      }
    }
    return procedures
  }

  static func procedureName(forPath path: String) -> String {
    var name = Array(path.utf8)[...]
    while name.first == UInt8(ascii: "/") { name = name.dropFirst() }
    for prefix in ["api/trpc/", "api/", "trpc/"] where name.starts(with: prefix.utf8) {
      name = name.dropFirst(prefix.utf8.count)
      break
    }
    return String(decoding: name.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
  }

  static func procedure(
    path: String, method: String, op: JSONObject, shared: JSON?, resolver: SchemaReader
  ) throws(SpecError) -> Procedure {
    var params: [Parameter] = []
    var seen = Set<String>()
    for (list, prefix) in [(op["parameters"], [method, "parameters"]), (shared, ["parameters"])] {
      guard let list else { continue }
      guard case .array(let items) = list else {
        throw SpecError("\"parameters\" must be an array, found \(list.typeName)", at: prefix.map { "/" + $0 }.joined())
      }
      for (i, raw) in items.enumerated() {
        let p = try resolver.within(prefix[0]) { () throws(SpecError) in
          try resolver.within(path: Array(prefix.dropFirst()) + [String(i)]) { () throws(SpecError) in try resolver.parameter(raw)
          }
        }
        if seen.insert(p.name).inserted { params.append(p) }
      }
    }
    if let body = op["requestBody"] {
      let bodyParams = try resolver.within(method, "requestBody") { () throws(SpecError) in try resolver.bodyParameters(body) }
      for p in bodyParams where seen.insert(p.name).inserted { params.append(p) }
    }
    var tags: [String] = []
    if case .array(let t)? = op["tags"] { tags = t.compactMap(\.stringValue) }
    return Procedure(
      name: procedureName(forPath: path), method: method.uppercased(), path: path,
      summary: op["summary"]?.stringValue, description: op["description"]?.stringValue, tags: tags,
      parameters: params)
  }
}

/// One result slot per worker, filled concurrently.
final class ResultSlots: Sendable {
  private let slots: Mutex<[Result<[Procedure], SpecError>?]>
  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
  func set(_ i: Int, _ r: Result<[Procedure], SpecError>) { slots.withLock { $0[i] = r } }
  func get(_ i: Int) -> Result<[Procedure], SpecError>? { slots.withLock { $0[i] } }
}
