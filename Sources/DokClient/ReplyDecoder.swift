import DokCore

/// Turns an HTTP reply into the call's JSON result or one ``CallError``. Accepts both the plain
/// (form A) and the tRPC envelope (form B) shapes, whichever arrives.
public enum ReplyDecoder {
  /// The hint added to every 401.
  public static let unauthorizedHint =
    "Dokploy answers 401 alike for a wrong, expired or rate-limited API key and for a key created outside an organization; check the key (dok login) and that it belongs to an organization"

  /// The result of a reply to `procedure`.
  public static func decode(_ response: HTTPResponse, procedure: String?) throws(CallError) -> JSON {
    let status = response.status
    if (200..<300).contains(status) {
      if response.body.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { return .null }
      guard let value = try? JSONParser.parse(response.body) else {
        throw CallError(
          kind: .transport, procedure: procedure,
          message:
            "bad reply from \(response.url): HTTP \(status), \(describeContentType(response)), not JSON: \(preview(response.body))",
          httpStatus: status)
      }
      return unwrapResult(value)
    }
    throw error(from: response, procedure: procedure)
  }

  /// Unwraps `{"result":{"data":{"json":X}}}` (or `{"result":{"data":X}}`); other values as they are.
  public static func unwrapResult(_ value: JSON) -> JSON {
    guard case .object(let o) = value, o.count == 1, case .object(let result)? = o["result"], let data = result["data"] else {
      return value
    }
    if case .object(let d) = data, d.keys.allSatisfy({ $0 == "json" || $0 == "meta" }), let json = d["json"] { return json }
    return data
  }

  /// The error an error reply (3xx/4xx/5xx) stands for.
  public static func error(from response: HTTPResponse, procedure: String?) -> CallError {
    let status = response.status
    var err: CallError
    if let value = try? JSONParser.parse(response.body), case .object(var body) = value {
      // Form B: {"error":{"json":{…}}} or {"error":{…}}.
      if case .object(let e)? = body["error"] {
        if case .object(let inner)? = e["json"] { body = inner } else { body = e }
      }
      let data = body["data"]?.objectValue
      let code = body["code"]?.stringValue ?? data?["code"]?.stringValue ?? codeName(status)
      var message = body["message"]?.stringValue ?? body["error"]?.stringValue ?? reason(status)
      var issues = parseIssues(body["issues"])
      // tRPC puts a zod failure's issue list, as (multi-line) JSON text, in the message: both
      // wire forms then read as one message plus `param: message` issues.
      if message.trimming().hasPrefix("["), let parsed = try? JSONParser.parse(message) {
        let fromMessage = parseIssues(parsed)
        if !fromMessage.isEmpty {
          if issues.isEmpty {
            // Form-level errors the flattened zodError holds beyond the list come first.
            let formLevel = (data?["zodError"]?["formErrors"]?.arrayValue ?? []).compactMap(\.stringValue)
            issues =
              formLevel.filter { m in !fromMessage.contains { $0.message == m } }.map { .init(path: "", message: $0) }
              + fromMessage
          }
          message = "Input validation failed"
        }
      }
      if issues.isEmpty, let zod = data?["zodError"] { issues = zodIssues(zod) }
      err = CallError(kind: .api, procedure: procedure, message: message, code: code, httpStatus: status, issues: issues)
    } else {
      let body = response.body.isEmpty ? "empty body" : "\(describeContentType(response)): \(preview(response.body))"
      err = CallError(
        kind: .api, procedure: procedure, message: "HTTP \(status) \(reason(status)) from \(response.url) (\(body))",
        code: codeName(status), httpStatus: status)
    }
    if status == 401 { err.hints.append(unauthorizedHint) }
    return err
  }

  /// Issues from a zod-style list: `[{"path":["a",0],"message":"…"}]`.
  static func parseIssues(_ value: JSON?) -> [CallError.Issue] {
    guard case .array(let items)? = value else { return [] }
    return items.compactMap { item -> CallError.Issue? in
      guard let message = item["message"]?.stringValue else { return nil }
      var path = ""
      for part in item["path"]?.arrayValue ?? [] {
        switch part {
        case .number(let n): path += "[\(JSONWriter.formatNumber(n))]"
        case .string(let s): path += path.isEmpty ? s : "." + s
        default: continue
        }
      }
      return CallError.Issue(path: path, message: message)
    }
  }

  /// Issues from a flattened zod error: `{"formErrors":[…],"fieldErrors":{"name":[…]}}`.
  static func zodIssues(_ zod: JSON) -> [CallError.Issue] {
    var out: [CallError.Issue] = []
    for m in zod["formErrors"]?.arrayValue ?? [] {
      if let s = m.stringValue { out.append(.init(path: "", message: s)) }
    }
    for (field, messages) in zod["fieldErrors"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      for m in messages.arrayValue ?? [] {
        if let s = m.stringValue { out.append(.init(path: field, message: s)) }
      }
    }
    if out.isEmpty { out = parseIssues(zod["issues"]) }
    return out
  }

  static func describeContentType(_ r: HTTPResponse) -> String {
    let ct = r.header("content-type") ?? ""
    return ct.isEmpty ? "no content type" : "content type \(ct)"
  }

  /// The first 200 characters of a body, on one line.
  static func preview(_ body: [UInt8]) -> String {
    let text = String(decoding: body.prefix(800), as: UTF8.self)
    var s = String(text.prefix(200)).map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : String($0) }.joined()
    if text.count > 200 || body.count > 800 { s += "…" }
    return "\"\(s)\""
  }

  /// The tRPC code name for an HTTP status.
  public static func codeName(_ status: Int) -> String {
    switch status {
    case 400: "BAD_REQUEST"
    case 401: "UNAUTHORIZED"
    case 403: "FORBIDDEN"
    case 404: "NOT_FOUND"
    case 405: "METHOD_NOT_SUPPORTED"
    case 408: "TIMEOUT"
    case 409: "CONFLICT"
    case 412: "PRECONDITION_FAILED"
    case 413: "PAYLOAD_TOO_LARGE"
    case 415: "UNSUPPORTED_MEDIA_TYPE"
    case 422: "UNPROCESSABLE_CONTENT"
    case 429: "TOO_MANY_REQUESTS"
    case 499: "CLIENT_CLOSED_REQUEST"
    case 500: "INTERNAL_SERVER_ERROR"
    case 501: "NOT_IMPLEMENTED"
    case 502: "BAD_GATEWAY"
    case 503: "SERVICE_UNAVAILABLE"
    case 504: "GATEWAY_TIMEOUT"
    default: "HTTP_\(status)"
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 300..<400: "Redirect"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 413: "Payload Too Large"
    case 415: "Unsupported Media Type"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: "Error"
    }
  }
}
