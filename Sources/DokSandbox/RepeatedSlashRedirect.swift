import HTTPTypes
import Hummingbird

/// Next.js's rule, which a real Dokploy applies before authentication and routing
/// (`base-server.ts`): a path holding a backslash or repeated slashes is answered with a 308
/// to the collapsed path (`normalizeRepeatedSlashes`: every `\` becomes `/`, every run of
/// slashes one `/`; the query string is kept). Clients that join `…/api/` with the document's
/// `/router.proc` paths rely on it.
enum RepeatedSlashRedirect {
  /// The collapsed target when the request target (`/path?query`, as sent) needs the
  /// redirect, else nil.
  static func location(target: String) -> String? {
    let question = target.utf8.firstIndex(of: UInt8(ascii: "?"))
    let bytes = target.utf8[..<(question ?? target.utf8.endIndex)]
    var needs = bytes.contains(UInt8(ascii: "\\"))
    if !needs {
      var previous: UInt8 = 0
      for b in bytes {
        if b == UInt8(ascii: "/"), previous == b { needs = true; break }
        previous = b
      }
    }
    guard needs else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for var b in bytes {
      if b == UInt8(ascii: "\\") { b = UInt8(ascii: "/") }
      if b == UInt8(ascii: "/"), out.last == b { continue }
      out.append(b)
    }
    // Everything after the first `?` is kept as it was sent (an empty query is dropped).
    if let question, target.utf8.distance(from: question, to: target.utf8.endIndex) > 1 { out += target.utf8[question...] }
    return String(decoding: out, as: UTF8.self)
  }

  /// Next.js's answer: 308, `Location` and `Refresh` naming the target, the target as the body.
  static func response(to location: String) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    headers[HTTPField.Name("refresh")!] = "0;url=\(location)"
    return Response(status: .permanentRedirect, headers: headers, body: .init(byteBuffer: ByteBuffer(string: location)))
  }
}
