import DokCore

/// `multipart/form-data` bodies (the two upload procedures): each part's name and text.
enum Multipart {
  /// The fields of a multipart body; file parts are kept as their text. Nil when the body is not multipart.
  static func fields(_ body: [UInt8], contentType: String) -> JSONObject? {
    guard let b = contentType.split(separator: ";").first(where: { $0.trimmingSpaces.hasPrefix("boundary=") }) else { return nil }
    var boundary = String(b.trimmingSpaces.dropFirst(9))
    if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 {
      boundary = String(boundary.dropFirst().dropLast())
    }
    let delimiter = Array(("--" + boundary).utf8)
    var out = JSONObject()
    for part in split(body, on: delimiter).dropFirst() {
      guard let headerEnd = find(Array("\r\n\r\n".utf8), in: part, from: 0) else { continue }
      let headers = String(decoding: part[0..<headerEnd], as: UTF8.self)
      guard let r = headers.firstRange(of: "name=\"") else { continue }
      let name = String(headers[r.upperBound...].prefix { $0 != "\"" })
      var value = Array(part[(headerEnd + 4)...])
      if value.suffix(2) == [13, 10] { value.removeLast(2) }
      out[name] = .string(String(decoding: value, as: UTF8.self))
    }
    return out
  }

  private static func split(_ body: [UInt8], on d: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    while let i = find(d, in: body, from: start) {
      parts.append(Array(body[start..<i]))
      start = i + d.count
    }
    return parts
  }

  private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
    var i = from
    while i <= hay.count - needle.count {
      if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return i }
      i += 1
    }
    return nil
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring { drop { $0 == " " } }
}
