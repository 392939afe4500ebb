import DokCore

/// One HTTP request as dok sends it: method, absolute URL, headers in order and the body bytes.
public struct HTTPRequest: Sendable, Equatable {
  /// `GET` or `POST`.
  public var method: String
  /// The absolute URL, query string included.
  public var url: String
  /// Header fields in the order they are sent.
  public var headers: [(name: String, value: String)]
  /// The body, or nil for none.
  public var body: [UInt8]?

  public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  /// The first header named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    let n = name.lowercased()
    return headers.first { $0.name.lowercased() == n }?.value
  }

  /// A copy without the header named `name`.
  public func removingHeader(_ name: String) -> HTTPRequest {
    var copy = self
    let n = name.lowercased()
    copy.headers.removeAll { $0.name.lowercased() == n }
    return copy
  }

  /// Headers with the API key replaced by `***`, for `--verbose`.
  public var redactedHeaders: [(name: String, value: String)] {
    headers.map { $0.name.lowercased() == HTTPRequest.apiKeyHeader ? ($0.name, "***") : $0 }
  }

  /// The header carrying the API key.
  public static let apiKeyHeader = "x-api-key"

  public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
    a.method == b.method && a.url == b.url && a.body == b.body
      && a.headers.map { "\($0.name):\($0.value)" } == b.headers.map { "\($0.name):\($0.value)" }
  }
}

/// One HTTP reply: status, headers, the whole body and the URL that answered (after redirects).
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]
  /// The URL that produced this reply.
  public var url: String

  public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], url: String = "") {
    self.status = status
    self.headers = headers
    self.body = body
    self.url = url
  }

  /// The first header named `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    let n = name.lowercased()
    return headers.first { $0.name.lowercased() == n }?.value
  }

  /// The `Content-Type` without parameters, lowercased ("" when absent).
  public var contentType: String {
    guard let ct = header("content-type") else { return "" }
    let main = ct.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ct
    return main.trimming().lowercased()
  }
}
