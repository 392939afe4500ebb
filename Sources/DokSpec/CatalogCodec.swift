import DokCore

/// The catalog's compact binary form, as stored in the cache.
///
/// Layout (`DOKCAT04`): the magic, the header's length (4 bytes), the header — title, version,
/// OpenAPI version and an index of every procedure (name, offset, length and checksum of its
/// record) —, the header's checksum (8 bytes), then the records. A whole decode checks every
/// checksum; ``procedure(named:in:)`` checks only the header and the one record it decodes, so
/// a cache hit for one procedure (`dok describe`) does not decode the other ~600.
public enum CatalogCodec {
  static let magic: [UInt8] = Array("DOKCAT04".utf8)

  /// Encodes a catalog.
  public static func encode(_ c: Catalog) -> [UInt8] {
    var records = BinaryWriter()
    var header = BinaryWriter()
    header.string(c.title)
    header.string(c.version)
    header.string(c.openapi)
    header.varint(c.procedures.count)
    for p in c.procedures {
      let start = records.bytes.count
      writeRecord(p, &records)
      let digest = records.bytes.withUnsafeBytes { DocumentHash.digest(UnsafeRawBufferPointer(rebasing: $0[start...])) }
      header.string(p.name)
      header.varint(start)
      header.varint(records.bytes.count - start)
      header.bytes.append(contentsOf: digest.littleEndianBytes)
    }
    var out = magic
    let n = UInt32(header.bytes.count)
    out.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * UInt32($0))) })
    out.append(contentsOf: header.bytes)
    out.append(contentsOf: DocumentHash.digest(header.bytes).littleEndianBytes)
    out.append(contentsOf: records.bytes)
    return out
  }

  static func writeRecord(_ p: Procedure, _ w: inout BinaryWriter) {
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

  /// The header of an encoded catalog: what every procedure's record is and where.
  struct Header {
    struct Entry {
      var name: String
      var start: Int
      var length: Int
      var digest: [UInt8]
    }
    var title: String
    var version: String
    var openapi: String
    var entries: [Entry]
    /// Where the records begin.
    var recordsStart: Int
  }

  /// Reads and checks the header; nil when the bytes are not this format or the header is corrupt.
  static func header(_ bytes: [UInt8]) -> Header? {
    let lengthAt = magic.count
    guard bytes.count >= lengthAt + 4, bytes[..<lengthAt].elementsEqual(magic) else { return nil }
    let n = (0..<4).reduce(0) { $0 | Int(bytes[lengthAt + $1]) << (8 * $1) }
    let headerStart = lengthAt + 4
    let headerEnd = headerStart + n
    guard headerEnd + 8 <= bytes.count else { return nil }
    let digest = bytes.withUnsafeBytes { DocumentHash.digest(UnsafeRawBufferPointer(rebasing: $0[headerStart..<headerEnd])) }
    guard bytes[headerEnd..<(headerEnd + 8)].elementsEqual(digest.littleEndianBytes) else { return nil }
    var r = BinaryReader(bytes, at: headerStart, end: headerEnd)
    let recordsStart = headerEnd + 8
    do throws(BinaryReader.Corrupt) {
      let title = try r.string()
      let version = try r.string()
      let openapi = try r.string()
      let count = try r.count()
      var entries: [Header.Entry] = []
      entries.reserveCapacity(count)
      for _ in 0..<count {
        let name = try r.string()
        let start = try r.varint()
        let length = try r.varint()
        guard start >= 0, length >= 0, recordsStart + start + length <= bytes.count, r.pos + 8 <= headerEnd else { return nil }
        entries.append(
          Header.Entry(name: name, start: recordsStart + start, length: length, digest: Array(bytes[r.pos..<(r.pos + 8)])))
        r.pos += 8
      }
      guard r.pos == headerEnd else { return nil }
      return Header(title: title, version: version, openapi: openapi, entries: entries, recordsStart: recordsStart)
    } catch {
      return nil
    }
  }

  /// Decodes one record after checking its checksum.
  static func record(_ e: Header.Entry, in bytes: [UInt8]) -> Procedure? {
    let end = e.start + e.length
    let digest = bytes.withUnsafeBytes { DocumentHash.digest(UnsafeRawBufferPointer(rebasing: $0[e.start..<end])) }
    guard e.digest.elementsEqual(digest.littleEndianBytes) else { return nil }
    var r = BinaryReader(bytes, at: e.start, end: end)
    do throws(BinaryReader.Corrupt) {
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
      guard r.pos == end else { return nil }
      return Procedure(
        name: e.name, method: method, path: path, summary: summary, description: description, tags: tags, parameters: params)
    } catch {
      return nil
    }
  }

  /// Decodes a catalog; nil when the bytes are not a valid encoding (corrupt or another version).
  public static func decode(_ bytes: [UInt8]) -> Catalog? {
    guard let h = header(bytes) else { return nil }
    var procs: [Procedure] = []
    procs.reserveCapacity(h.entries.count)
    var expected = h.recordsStart
    for e in h.entries {
      guard e.start == expected, let p = record(e, in: bytes) else { return nil }
      procs.append(p)
      expected = e.start + e.length
    }
    guard expected == bytes.count else { return nil }
    return Catalog(title: h.title, version: h.version, openapi: h.openapi, procedures: procs)
  }

  /// Opens a catalog without decoding its procedures: checks the header's and every record's
  /// checksum (as ``decode(_:)`` does) and decodes each record when it is first asked for
  /// (`dok call` needs one of ~600). Nil when the bytes are not a valid encoding.
  public static func open(_ bytes: [UInt8]) -> Catalog? {
    guard let h = header(bytes) else { return nil }
    var expected = h.recordsStart
    var previous: String?
    for e in h.entries {
      guard e.start == expected, previous.map({ $0 < e.name }) ?? true else { return nil }
      let digest = bytes.withUnsafeBytes {
        DocumentHash.digest(UnsafeRawBufferPointer(rebasing: $0[e.start..<(e.start + e.length)]))
      }
      guard e.digest.elementsEqual(digest.littleEndianBytes) else { return nil }
      expected = e.start + e.length
      previous = e.name
    }
    guard expected == bytes.count else { return nil }
    let entries = h.entries
    return Catalog(
      title: h.title, version: h.version, openapi: h.openapi, names: entries.map(\.name),
      decode: { i in record(entries[i], in: bytes) })
  }

  /// Finds one procedure in an encoded catalog, decoding only its record (and, for an unknown
  /// name, suggesting from the index's names as ``Catalog/suggestions(for:limit:)`` does). Nil
  /// when the bytes are not a valid encoding.
  public static func procedure(named name: String, in bytes: [UInt8]) -> ProcedureLookup? {
    guard let h = header(bytes) else { return nil }
    guard let e = h.entries.first(where: { $0.name == name }) else {
      return .missing(suggestions: Suggest.closest(to: name, in: h.entries.lazy.map(\.name), limit: 3))
    }
    return record(e, in: bytes).map { .found($0) }
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
