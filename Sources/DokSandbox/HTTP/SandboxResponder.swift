import DokCore
import HTTPTypes
import Hummingbird

/// Serves `/api/<proc>` (wire form A, the OpenAPI adapter) and `/api/trpc/<proc>` (wire form B,
/// tRPC with the superjson envelope) from a ``SandboxEngine``.
struct SandboxResponder: HTTPResponder {
  typealias Context = SandboxRequestContext

  let engine: SandboxEngine
  let apiKey: String?
  /// Seconds allowed for the request body to arrive.
  let readTimeout: Double

  private static let apiKeyHeader = HTTPField.Name("x-api-key")!
  /// Next.js's default API body limit, which Dokploy's REST route keeps.
  static let maxRESTBody = 1 << 20
  /// The tRPC route allows 1 GB on a real server; the sandbox bounds it lower.
  static let maxTRPCBody = 64 << 20

  func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
    // Next.js collapses repeated slashes and backslashes with a 308 before anything else.
    if let location = RepeatedSlashRedirect.location(target: request.head.path ?? "") {
      return RepeatedSlashRedirect.response(to: location)
    }
    let path = request.uri.path
    let isAPI = path.hasPrefix("/api/") || path == "/api"
    var rest = path.dropFirst(isAPI ? min(5, path.count) : 0)
    let trpc = isAPI && rest.hasPrefix("trpc/")
    if trpc { rest = rest.dropFirst(5) }
    let name = String(rest)
    // The key is checked before any routing, even for unknown paths; only settings.health is public.
    if let apiKey, request.headers[Self.apiKeyHeader] != apiKey, name.lowercased() != "settings.health" {
      if trpc { return Self.trpcError(SandboxError(.UNAUTHORIZED, "UNAUTHORIZED"), path: name) }
      return Self.reply(status: 401, #"{"message":"Unauthorized"}"#)
    }
    guard isAPI else { return Self.reply(status: 404, #"{"message":"Not found","code":"NOT_FOUND"}"#) }
    if trpc, request.uri.queryParameters["batch"] == "1" { return await batch(request, names: name, context: context) }
    var request = request
    do throws(SandboxError) {
      // REST paths match case-insensitively (Next.js API routes); tRPC paths exactly.
      let found = trpc ? ProcedureTable.byName[name] : ProcedureTable.byLowercasedName[name.lowercased()]
      guard let spec = found else {
        throw SandboxError(.NOT_FOUND, trpc ? "No procedure found on path \"\(name)\"" : "Not found")
      }
      if !trpc, request.method == .head { return Response(status: .noContent) }
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
        let limit = trpc ? Self.maxTRPCBody : Self.maxRESTBody
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw Self.tooLarge(limit) }
        if InterimContinue.isExpected(request.headers) { await InterimContinue.send(on: context.channel) }
        let body = try await Self.collect(&request, upTo: limit, within: readTimeout)
        input = try Self.bodyInput(body, contentType: request.headers[.contentType], trpc: trpc)
      }
      return try await Self.success(engine, spec, input: input, trpc: trpc)
    } catch {
      return trpc ? Self.trpcError(error, path: name) : Self.openAPIError(error, path: name)
    }
  }

  /// The whole body, or 413 past `limit`, or 408 when it does not arrive within `seconds`.
  private static func collect(_ request: inout Request, upTo limit: Int, within seconds: Double) async throws(SandboxError)
    -> ByteBuffer
  {
    let body = request.body
    let outcome: Result<ByteBuffer, SandboxError> = await withTaskGroup(of: Result<ByteBuffer, SandboxError>?.self) { group in
      group.addTask {
        do { return .success(try await body.collect(upTo: limit)) } catch { return .failure(tooLarge(limit)) }
      }
      group.addTask {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        if Task.isCancelled { return nil }
        return .failure(SandboxError(.TIMEOUT, "The request body did not arrive within \(JSONWriter.formatNumber(seconds)) s"))
      }
      var first: Result<ByteBuffer, SandboxError>?
      for await r in group {
        if let r { first = r; break }
      }
      group.cancelAll()
      return first ?? .failure(tooLarge(limit))
    }
    return try outcome.get()
  }

  private static func tooLarge(_ limit: Int) -> SandboxError {
    SandboxError(.PAYLOAD_TOO_LARGE, "Body exceeded \(limit >> 20)mb limit")
  }

  /// Runs one call and builds its 200 reply in either wire form.
  static func success(_ engine: SandboxEngine, _ spec: ProcedureSpec, input: JSON?, trpc: Bool) async throws(SandboxError)
    -> Response
  {
    let bytes = try await successBytes(engine, spec, input: input, trpc: trpc)
    if bytes.isEmpty { return Response(status: .ok, headers: [.contentType: "application/json"], body: .init()) }
    return reply(status: 200, bytes)
  }

  /// The 200 body of one call (empty for a void REST reply).
  static func successBytes(_ engine: SandboxEngine, _ spec: ProcedureSpec, input: JSON?, trpc: Bool) async throws(SandboxError)
    -> [UInt8]
  {
    // The 1.8 MB document is served as the text it was bundled as, never re-serialized.
    let isDocument = spec.name == "settings.getOpenApiDocument"
    let result = isDocument ? JSON.null : try await engine.callDurably(spec, input: input)
    let text = { (r: JSON) in isDocument ? engine.openAPIDocumentBytes : JSONWriter.compactBytes(r) }
    if trpc {
      guard let result else { return Array(#"{"result":{"data":{"json":null,"meta":{"values":["undefined"]}}}}"#.utf8) }
      return Array(#"{"result":{"data":{"json":"#.utf8) + text(result) + Array("}}}".utf8)
    }
    return result.map(text) ?? []
  }

  /// tRPC batching: `/api/trpc/a,b?batch=1` with `input={"0":…,"1":…}` (GET) or the same
  /// object as the POST body; the reply is an array of envelopes, one per call.
  private func batch(_ request: Request, names: String, context: SandboxRequestContext) async -> Response {
    let list = names.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var inputs: JSON?
    var request = request
    if request.method == .post {
      if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maxTRPCBody {
        return Self.trpcError(Self.tooLarge(Self.maxTRPCBody), path: names)
      }
      if InterimContinue.isExpected(request.headers) { await InterimContinue.send(on: context.channel) }
      guard let body = try? await request.collectBody(upTo: Self.maxTRPCBody) else {
        return Self.trpcError(Self.tooLarge(Self.maxTRPCBody), path: names)
      }
      inputs = body.readableBytes == 0 ? nil : try? JSONParser.parse(Array(body.readableBytesView))
    } else if let raw = QueryString.pairs(request.uri.query ?? "").last(where: { $0.0 == "input" })?.1 {
      inputs = try? JSONParser.parse(raw)
    }
    var parts: [UInt8] = [UInt8(ascii: "[")]
    var status = 200
    for (i, name) in list.enumerated() {
      if i > 0 { parts.append(UInt8(ascii: ",")) }
      let raw = inputs?[String(i)]
      let input = raw.flatMap { Self.unwrapSuperJSON($0) }
      let reply: [UInt8]
      do throws(SandboxError) {
        guard let spec = ProcedureTable.byName[name] else {
          throw SandboxError(.NOT_FOUND, "No procedure found on path \"\(name)\"")
        }
        guard (request.method == .post) == (spec.kind == .mutation) else {
          throw SandboxError(
            .METHOD_NOT_SUPPORTED,
            "Unsupported \(request.method.rawValue)-request to \(spec.kind.rawValue) procedure at path \"\(name)\"")
        }
        reply = try await Self.successBytes(engine, spec, input: input, trpc: true)
      } catch {
        reply = Array(JSONWriter.compact(Self.trpcErrorJSON(error, path: name)).utf8)
        status = error.code.httpStatus
      }
      parts += reply
    }
    parts.append(UInt8(ascii: "]"))
    return Self.reply(status: status, parts)
  }

  // MARK: Input

  /// Form A query string: each parameter coerced from text by its schema; arrays repeat the key.
  static func queryInput(_ query: String?, _ schema: Schema?) throws(SandboxError) -> JSON? {
    guard let query, !query.isEmpty else { return .object(JSONObject()) }
    // Linear in the query's size: one dictionary lookup per pair.
    var multi: [(String, [String])] = []
    var slot: [String: Int] = [:]
    for (k, v) in QueryString.pairs(query) {
      if let i = slot[k] {
        multi[i].1.append(v)
      } else {
        slot[k] = multi.count
        multi.append((k, [v]))
      }
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

  /// A POST body. Form A is read as Dokploy's REST route reads it: Next.js parses a JSON body
  /// (an empty one is `{}`), trpc-openapi refuses any other content type with 415
  /// (`adapters/node-http/core.ts:108-115` of @dokploy/trpc-openapi 0.0.17: "Missing content-type
  /// header", or `Unsupported content-type "<type>` with no closing quote) and spreads the body
  /// into the input object (`core.ts:122-123`: `{...body}`). Form B unwraps `{"json": …}`.
  static func bodyInput(_ body: ByteBuffer, contentType: String?, trpc: Bool) throws(SandboxError) -> JSON? {
    if let contentType, contentType.lowercased().hasPrefix("multipart/form-data"), !trpc {
      guard let fields = Multipart.fields(Array(body.readableBytesView), contentType: contentType) else {
        throw SandboxError(.BAD_REQUEST, "Malformed multipart/form-data body (no boundary)")
      }
      return .object(fields)
    }
    if !trpc {
      guard let contentType else { throw SandboxError(.UNSUPPORTED_MEDIA_TYPE, "Missing content-type header") }
      // A case-sensitive prefix check, as the adapter's `startsWith`.
      guard contentType.hasPrefix("application/json") else {
        throw SandboxError(.UNSUPPORTED_MEDIA_TYPE, "Unsupported content-type \"\(contentType)")
      }
      // Next.js's parseJson: "special-case empty json body" as {}.
      if body.readableBytes == 0 { return .object(JSONObject()) }
    } else if body.readableBytes == 0 {
      return nil
    }
    let parsed: JSON
    do {
      parsed =
        try body.readableBytesView.withContiguousStorageIfAvailable { buf throws(JSONParseError) in try JSONParser.parse(buf) }
        ?? JSONParser.parse(Array(body.readableBytesView))
    } catch {
      throw SandboxError(trpc ? .PARSE_ERROR : .BAD_REQUEST, "Failed to parse request body: \(error)")
    }
    return trpc ? unwrapSuperJSON(parsed) : spread(parsed)
  }

  /// JavaScript's `{...value}`: an object as it is, an array or a string by index, anything
  /// else `{}`. The REST route's input is always an object.
  static func spread(_ value: JSON) -> JSON {
    switch value {
    case .object: return value
    case .array(let items):
      var o = JSONObject()
      for (i, item) in items.enumerated() { o[String(i)] = item }
      return .object(o)
    case .string(let text):
      var o = JSONObject()
      for (i, c) in text.unicodeScalars.enumerated() { o[String(i)] = .string(String(c)) }
      return .object(o)
    default: return .object(JSONObject())
    }
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
    reply(status: e.code.httpStatus, JSONWriter.compact(trpcErrorJSON(e, path: path)))
  }

  /// Form B error envelope.
  static func trpcErrorJSON(_ e: SandboxError, path: String) -> JSON {
    let message = e.issues.map { JSONWriter.pretty(.array($0)) } ?? e.message
    return [
      "error": [
        "json": ["message": .string(message), "code": .number(Double(e.code.rpcNumber)), "data": errorData(e, path: path)]
      ]
    ]
  }
}
