import DokCore
import DokSpec

/// Builds the HTTP request for a call in either wire form.
public struct RequestBuilder: Sendable {
  public var connection: Connection

  public init(connection: Connection) {
    self.connection = connection
  }

  /// The request for procedure `name` sent as `method` (`GET` for queries, else `POST`) with
  /// the typed `input` object.
  public func request(name: String, method: String, input: JSONObject) -> HTTPRequest {
    let isGet = method.uppercased() == "GET"
    var headers: [(name: String, value: String)] = [("Accept", "application/json")]
    if let key = connection.apiKey { headers.append((HTTPRequest.apiKeyHeader, key)) }
    let path = PercentEncoding.encode(name, allowed: PercentEncoding.pathAllowed)
    switch connection.transport {
    case .openapi:
      let url = "\(connection.baseURL)/\(path)"
      if isGet {
        let query = Self.queryString(input)
        return HTTPRequest(method: "GET", url: query.isEmpty ? url : url + "?" + query, headers: headers)
      }
      headers.append(("Content-Type", "application/json"))
      return HTTPRequest(method: "POST", url: url, headers: headers, body: Array(JSONWriter.compact(.object(input)).utf8))
    case .trpc:
      let url = "\(connection.baseURL)/trpc/\(path)"
      let envelope = JSONWriter.compact(["json": .object(input)])
      if isGet {
        return HTTPRequest(method: "GET", url: url + "?input=" + PercentEncoding.encode(envelope), headers: headers)
      }
      headers.append(("Content-Type", "application/json"))
      return HTTPRequest(method: "POST", url: url, headers: headers, body: Array(envelope.utf8))
    }
  }

  /// The request for a catalog procedure.
  public func request(for procedure: Procedure, input: JSONObject) -> HTTPRequest {
    request(name: procedure.name, method: procedure.isQuery ? "GET" : "POST", input: input)
  }

  /// Form A query string: one `k=v` per member in order; arrays as repeated keys; strings as
  /// they are; other values as their JSON text.
  public static func queryString(_ input: JSONObject) -> String {
    var parts: [String] = []
    func add(_ key: String, _ value: JSON) {
      let text: String
      switch value {
      case .string(let s): text = s
      default: text = value.compactText
      }
      parts.append(PercentEncoding.encode(key) + "=" + PercentEncoding.encode(text))
    }
    for (key, value) in input.pairs {
      if case .array(let items) = value {
        for item in items { add(key, item) }
      } else {
        add(key, value)
      }
    }
    return parts.joined(separator: "&")
  }
}

/// RFC 3986 percent-encoding.
public enum PercentEncoding {
  /// Unreserved characters: kept as they are in query components.
  public static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
  /// Characters kept in a path segment.
  public static let pathAllowed: Set<UInt8> = unreserved.union(Array("!$&'()*+,;=:@".utf8))

  /// Encodes every byte outside `allowed` as `%XX`.
  public static func encode(_ s: String, allowed: Set<UInt8> = unreserved) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for b in s.utf8 {
      if allowed.contains(b) {
        out.append(b)
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 15)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes `%XX` escapes (and `+` as a space when `plusAsSpace`).
  public static func decode(_ s: String, plusAsSpace: Bool = false) -> String {
    var out: [UInt8] = []
    let bytes = Array(s.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "%"), i + 2 < bytes.count,
        let v = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16)
      {
        out.append(v)
        i += 3
        continue
      }
      out.append(plusAsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
