import DokCore

/// The catalog's compact binary form, as stored in the cache.
public enum CatalogCodec {
  static let magic: [UInt8] = Array("DOKCAT03".utf8)

  /// Encodes a catalog.
  public static func encode(_ c: Catalog) -> [UInt8] {
    var w = BinaryWriter()
    w.bytes.append(contentsOf: magic)
    w.string(c.title)
    w.string(c.version)
    w.string(c.openapi)
    w.varint(c.procedures.count)
    for p in c.procedures {
      w.string(p.name)
      w.string(p.method)
      w.string(p.path)
      w.optionalString(p.summary)
      w.optionalString(p.description)
      w.varint(p.tags.count)
      for t in p.tags { w.string(t) }
      w.varint(p.parameters.count)
      for param in p.parameters {
        w.string(param.name)
        w.string(param.location.rawValue)
        w.bool(param.required)
        w.optionalString(param.description)
        write(param.schema, &w)
      }
    }
    // A trailing checksum of everything before it: a flipped byte is caught, not decoded.
    w.bytes.append(contentsOf: DocumentHash.digest(w.bytes).littleEndianBytes)
    return w.bytes
  }

  static func write(_ s: Schema, _ w: inout BinaryWriter) {
    w.varint(s.types.count)
    for t in s.types { w.string(t.rawValue) }
    w.bool(s.nullable)
    w.bool(s.enumValues != nil)
    if let e = s.enumValues {
      w.varint(e.count)
      for v in e { w.json(v) }
    }
    w.optionalJSON(s.constValue)
    w.optionalJSON(s.defaultValue)
    w.optionalDouble(s.minimum)
    w.optionalDouble(s.maximum)
    w.optionalDouble(s.exclusiveMinimum)
    w.optionalDouble(s.exclusiveMaximum)
    w.optionalDouble(s.minLength.map(Double.init))
    w.optionalDouble(s.maxLength.map(Double.init))
    w.optionalString(s.pattern)
    w.optionalString(s.format)
    w.optionalString(s.description)
    w.varint(s.properties.count)
    for p in s.properties {
      w.string(p.name)
      w.bool(p.required)
      write(p.schema, &w)
    }
    w.varint(s.items.count)
    for i in s.items { write(i, &w) }
    w.varint(s.alternatives.count)
    for a in s.alternatives { write(a, &w) }
  }

  /// Decodes a catalog; nil when the bytes are not a valid encoding (corrupt or another version).
  public static func decode(_ bytes: [UInt8]) -> Catalog? {
    guard bytes.count >= magic.count + 8, bytes[..<magic.count].elementsEqual(magic) else { return nil }
    // The checksum trailer covers everything before it; read in place, without a copy.
    let payloadEnd = bytes.count - 8
    let digest = bytes.withUnsafeBytes { DocumentHash.digest(UnsafeRawBufferPointer(rebasing: $0[..<payloadEnd])) }
    guard bytes[payloadEnd...].elementsEqual(digest.littleEndianBytes) else { return nil }
    var r = BinaryReader(bytes, at: magic.count, end: payloadEnd)
    do throws(BinaryReader.Corrupt) {
      let title = try r.string()
      let version = try r.string()
      let openapi = try r.string()
      let n = try r.count()
      var procs: [Procedure] = []
      procs.reserveCapacity(n)
      for _ in 0..<n {
        let name = try r.string()
        let method = try r.string()
        let path = try r.string()
        let summary = try r.optionalString()
        let description = try r.optionalString()
        var tags: [String] = []
        for _ in 0..<(try r.count()) { tags.append(try r.string()) }
        var params: [Parameter] = []
        for _ in 0..<(try r.count()) {
          let pname = try r.string()
          guard let loc = ParameterLocation(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
          let required = try r.bool()
          let pdesc = try r.optionalString()
          let schema = try read(&r, depth: 0)
          params.append(Parameter(name: pname, location: loc, required: required, schema: schema, description: pdesc))
        }
        procs.append(
          Procedure(
            name: name, method: method, path: path, summary: summary, description: description, tags: tags, parameters: params))
      }
      guard r.pos == payloadEnd else { return nil }
      return Catalog(title: title, version: version, openapi: openapi, procedures: procs)
    } catch {
      return nil
    }
  }

  static func read(_ r: inout BinaryReader, depth: Int) throws(BinaryReader.Corrupt) -> Schema {
    guard depth < 128 else { throw BinaryReader.Corrupt() }
    var s = Schema()
    for _ in 0..<(try r.count()) {
      guard let t = JSONType(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
      s.types.append(t)
    }
    s.nullable = try r.bool()
    if try r.bool() {
      var e: [JSON] = []
      for _ in 0..<(try r.count()) { e.append(try r.json()) }
      s.enumValues = e
    }
    s.constValue = try r.optionalJSON()
    s.defaultValue = try r.optionalJSON()
    s.minimum = try r.optionalDouble()
    s.maximum = try r.optionalDouble()
    s.exclusiveMinimum = try r.optionalDouble()
    s.exclusiveMaximum = try r.optionalDouble()
    s.minLength = try r.optionalDouble().map { Int($0) }
    s.maxLength = try r.optionalDouble().map { Int($0) }
    s.pattern = try r.optionalString()
    s.format = try r.optionalString()
    s.description = try r.optionalString()
    for _ in 0..<(try r.count()) {
      let name = try r.string()
      let required = try r.bool()
      s.properties.append(Property(name: name, schema: try read(&r, depth: depth + 1), required: required))
    }
    for _ in 0..<(try r.count()) { s.items.append(try read(&r, depth: depth + 1)) }
    for _ in 0..<(try r.count()) { s.alternatives.append(try read(&r, depth: depth + 1)) }
    return s
  }
}

extension UInt64 {
  var littleEndianBytes: [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: self >> (8 * UInt64($0))) } }
}
