import DokCore

/// A compact little-endian byte writer (varints, strings, JSON values) for the catalog cache.
struct BinaryWriter {
  var bytes: [UInt8] = []

  mutating func varint(_ v: Int) {
    var u = UInt64(bitPattern: Int64(v))
    while u >= 0x80 {
      bytes.append(UInt8(u & 0x7F) | 0x80)
      u >>= 7
    }
    bytes.append(UInt8(u))
  }

  mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

  mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { buf in
      varint(buf.count)
      bytes.append(contentsOf: buf)
    }
  }

  mutating func optionalString(_ s: String?) {
    bool(s != nil)
    if let s { string(s) }
  }

  mutating func double(_ d: Double) {
    var bits = d.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(bits & 0xFF))
      bits >>= 8
    }
  }

  mutating func optionalDouble(_ d: Double?) {
    bool(d != nil)
    if let d { double(d) }
  }

  mutating func json(_ v: JSON) {
    switch v {
    case .null: bytes.append(0)
    case .bool(let b): bytes.append(b ? 2 : 1)
    case .number(let n):
      bytes.append(3)
      double(n)
    case .string(let s):
      bytes.append(4)
      string(s)
    case .array(let a):
      bytes.append(5)
      varint(a.count)
      for e in a { json(e) }
    case .object(let o):
      bytes.append(6)
      varint(o.count)
      for (k, e) in o.pairs {
        string(k)
        json(e)
      }
    }
  }

  mutating func optionalJSON(_ v: JSON?) {
    bool(v != nil)
    if let v { json(v) }
  }
}

/// Reads what ``BinaryWriter`` wrote; any inconsistency throws (a corrupt cache is rebuilt).
struct BinaryReader {
  struct Corrupt: Error {}
  let bytes: [UInt8]
  var pos = 0
  /// Where reading stops (a trailer after it is not part of the data).
  let end: Int

  init(_ bytes: [UInt8], at pos: Int = 0, end: Int? = nil) {
    self.bytes = bytes
    self.pos = pos
    self.end = min(end ?? bytes.count, bytes.count)
  }

  mutating func byte() throws(Corrupt) -> UInt8 {
    guard pos < end else { throw Corrupt() }
    defer { pos += 1 }
    return bytes[pos]
  }

  mutating func varint() throws(Corrupt) -> Int {
    var u: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      u |= UInt64(b & 0x7F) << shift
      if b & 0x80 == 0 { break }
      shift += 7
      if shift > 63 { throw Corrupt() }
    }
    return Int(Int64(bitPattern: u))
  }

  mutating func count() throws(Corrupt) -> Int {
    let n = try varint()
    guard n >= 0, n <= end - pos else { throw Corrupt() }
    return n
  }

  mutating func bool() throws(Corrupt) -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    default: throw Corrupt()
    }
  }

  mutating func string() throws(Corrupt) -> String {
    let n = try count()
    let s = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[pos..<pos + n]), as: UTF8.self) }
    pos += n
    return s
  }

  mutating func optionalString() throws(Corrupt) -> String? { try bool() ? try string() : nil }

  mutating func double() throws(Corrupt) -> Double {
    guard pos + 8 <= end else { throw Corrupt() }
    var bits: UInt64 = 0
    for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[pos + i]) }
    pos += 8
    return Double(bitPattern: bits)
  }

  mutating func optionalDouble() throws(Corrupt) -> Double? { try bool() ? try double() : nil }

  mutating func json(depth: Int = 0) throws(Corrupt) -> JSON {
    guard depth < 256 else { throw Corrupt() }
    switch try byte() {
    case 0: return .null
    case 1: return .bool(false)
    case 2: return .bool(true)
    case 3: return .number(try double())
    case 4: return .string(try string())
    case 5:
      let n = try count()
      var a: [JSON] = []
      a.reserveCapacity(n)
      for _ in 0..<n { a.append(try json(depth: depth + 1)) }
      return .array(a)
    case 6:
      let n = try count()
      var o = JSONObject()
      for _ in 0..<n {
        let k = try string()
        o[k] = try json(depth: depth + 1)
      }
      return .object(o)
    default: throw Corrupt()
    }
  }

  mutating func optionalJSON() throws(Corrupt) -> JSON? { try bool() ? try json() : nil }
}
