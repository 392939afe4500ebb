import DokCore
import HTTPTypes
import Hummingbird

/// Serves `/api/<proc>` (wire form A, the OpenAPI adapter) and `/api/trpc/<proc>` (wire form B,
/// tRPC with the superjson envelope) from a ``SandboxEngine``.
struct SandboxResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let engine: SandboxEngine
  let apiKey: String?

  private static let apiKeyHeader = HTTPField.Name("x-api-key")!
  private static let maxBody = 16 << 20

  func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
    let path = request.uri.path
    guard path.hasPrefix("/api/") else {
      return Self.reply(status: 404, #"{"message":"Not found","code":"NOT_FOUND"}"#)
    }
    var rest = path.dropFirst(5)
    let trpc = rest.hasPrefix("trpc/")
    if trpc { rest = rest.dropFirst(5) }
    let name = String(rest)
    if let apiKey, request.headers[Self.apiKeyHeader] != apiKey {
      if trpc { return Self.trpcError(SandboxError(.UNAUTHORIZED, "Unauthorized"), path: name) }
      return Self.reply(status: 401, #"{"message":"Unauthorized"}"#)
    }
    var request = request
    do throws(SandboxError) {
      guard let spec = ProcedureTable.byName[name] else {
        throw SandboxError(.NOT_FOUND, trpc ? "No procedure found on path \"\(name)\"" : "Not found")
      }
      let isGet = request.method == .get || request.method == .head
      guard isGet == (spec.kind == .query), isGet || request.method == .post else {
        if trpc {
          throw SandboxError(
            .METHOD_NOT_SUPPORTED,
            "Unsupported \(request.method.rawValue)-request to \(spec.kind.rawValue) procedure at path \"\(name)\"")
        }
        throw SandboxError(.NOT_FOUND, "Not found")
      }
      let input: JSON?
      if isGet {
        input = try trpc ? Self.trpcQueryInput(request.uri.query) : Self.queryInput(request.uri.query, spec.input)
      } else {
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: Self.maxBody) } catch {
          throw SandboxError(.BAD_REQUEST, "Could not read the request body")
        }
        input = try Self.bodyInput(body, contentType: request.headers[.contentType], trpc: trpc)
      }
      let result = try engine.call(spec, input: input)
      // The 1.8 MB-class document is serialized once, when the sandbox starts.
      let text = { (r: JSON) in
        spec.name == "settings.getOpenApiDocument" ? engine.openAPIDocumentBytes : JSONWriter.compactBytes(r)
      }
      if trpc {
        guard let result else {
          return Self.reply(status: 200, #"{"result":{"data":{"json":null,"meta":{"values":["undefined"]}}}}"#)
        }
        return Self.reply(status: 200, Array(#"{"result":{"data":{"json":"#.utf8) + text(result) + Array("}}}".utf8))
      }
      guard let result else { return Response(status: .ok, headers: [.contentType: "application/json"], body: .init()) }
      return Self.reply(status: 200, text(result))
    } catch {
      return trpc ? Self.trpcError(error, path: name) : Self.openAPIError(error, path: name)
    }
  }

  // MARK: Input

  /// Form A query string: each parameter coerced from text by its schema; arrays repeat the key.
  static func queryInput(_ query: String?, _ schema: Schema?) throws(SandboxError) -> JSON? {
    guard let query, !query.isEmpty else { return .object(JSONObject()) }
    var multi: [(String, [String])] = []
    for (k, v) in QueryString.pairs(query) {
      if let i = multi.firstIndex(where: { $0.0 == k }) { multi[i].1.append(v) } else { multi.append((k, [v])) }
    }
    var out = JSONObject()
    for (k, values) in multi {
      let prop = schema?.property(k)
      out[k] = coerce(values, prop)
    }
    return .object(out)
  }

  private static func coerce(_ values: [String], _ schema: Schema?) -> JSON {
    guard let schema else { return .string(values.last ?? "") }
    let type = schema.effectiveType
    if type == "array" {
      return .array(values.map { coerceOne($0, schema.items ?? schema.anyOf?.first(where: { $0.items != nil })?.items) })
    }
    return coerceOne(values.last ?? "", schema)
  }

  private static func coerceOne(_ text: String, _ schema: Schema?) -> JSON {
    guard let schema else { return .string(text) }
    if text == "null", schema.isNullable { return .null }
    switch schema.effectiveType {
    case "number", "integer": return Double(text).map(JSON.number) ?? .string(text)
    case "boolean": return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
    case "object", "array": return (try? JSONParser.parse(text)) ?? .string(text)
    default: return .string(text)
    }
  }

  /// Form B query string: `input=<urlencoded {"json": …}>`.
  static func trpcQueryInput(_ query: String?) throws(SandboxError) -> JSON? {
    guard let query, let raw = QueryString.pairs(query).last(where: { $0.0 == "input" })?.1 else { return nil }
    let parsed: JSON
    do { parsed = try JSONParser.parse(raw) } catch { throw SandboxError(.PARSE_ERROR, "Invalid JSON in input: \(error)") }
    return unwrapSuperJSON(parsed)
  }

  /// A POST body: JSON required (415 otherwise in form A); form B unwraps `{"json": …}`.
  static func bodyInput(_ body: ByteBuffer, contentType: String?, trpc: Bool) throws(SandboxError) -> JSON? {
    let isJSON = contentType.map { $0.lowercased().hasPrefix("application/json") } ?? false
    if body.readableBytes == 0 {
      if let contentType, !isJSON, !trpc { throw unsupportedMediaType(contentType) }
      return nil
    }
    if !isJSON, !trpc { throw unsupportedMediaType(contentType ?? "") }
    let parsed: JSON
    do {
      parsed =
        try body.readableBytesView.withContiguousStorageIfAvailable { buf throws(JSONParseError) in try JSONParser.parse(buf) }
        ?? JSONParser.parse(Array(body.readableBytesView))
    } catch {
      throw SandboxError(trpc ? .PARSE_ERROR : .BAD_REQUEST, "Failed to parse request body: \(error)")
    }
    return trpc ? unwrapSuperJSON(parsed) : parsed
  }

  private static func unsupportedMediaType(_ type: String) -> SandboxError {
    SandboxError(.UNSUPPORTED_MEDIA_TYPE, "Unsupported content-type \"\(type)\"")
  }

  private static func unwrapSuperJSON(_ v: JSON) -> JSON? {
    if case .object(let o) = v, o["json"] != nil || o["meta"] != nil {
      return o["json"]
    }
    return v
  }

  // MARK: Output

  static func reply(status: Int, _ text: String) -> Response {
    Response(
      status: .init(code: status), headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func reply(status: Int, _ bytes: [UInt8]) -> Response {
    Response(
      status: .init(code: status), headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  private static func errorData(_ e: SandboxError, path: String) -> JSON {
    [
      "code": .string(e.code.rawValue), "httpStatus": .number(Double(e.code.httpStatus)), "path": .string(path),
      "zodError": e.issues.map(InputValidator.flatten) ?? .null,
    ]
  }

  /// Form A error body: `{message, code, data, issues?}`.
  static func openAPIError(_ e: SandboxError, path: String) -> Response {
    var o = JSONObject()
    o["message"] = .string(e.message)
    o["code"] = .string(e.code.rawValue)
    o["data"] = errorData(e, path: path)
    if let issues = e.issues { o["issues"] = .array(issues) }
    return reply(status: e.code.httpStatus, JSONWriter.compact(.object(o)))
  }

  /// Form B error body: `{"error":{"json":{message, code: <JSON-RPC number>, data}}}`.
  static func trpcError(_ e: SandboxError, path: String) -> Response {
    let message = e.issues.map { JSONWriter.pretty(.array($0)) } ?? e.message
    let body: JSON = [
      "error": [
        "json": ["message": .string(message), "code": .number(Double(e.code.rpcNumber)), "data": errorData(e, path: path)]
      ]
    ]
    return reply(status: e.code.httpStatus, JSONWriter.compact(body))
  }
}
