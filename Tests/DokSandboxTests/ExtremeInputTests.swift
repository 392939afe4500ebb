import DokCore
import Foundation
import Testing

@testable import DokSandbox

/// No request brings the sandbox down: every procedure of the bundled document gets numeric
/// extremes (±1e20, 2^63, -0, 1e308, NaN-like text) in each numeric field, in both wire forms,
/// and long odd text in each text field; then huge and deep bodies. Every request must get an
/// HTTP answer and the server must still answer afterwards (a trap would end the test process).
@Suite struct ExtremeInputTests {
  /// Number texts a JSON body may carry.
  static let bodyNumbers = [
    "1e20", "-1e20", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e308", "-1e308", "-0",
    "0.5", "4294967296", "1e999", "-1e999",
  ]
  /// Texts a query string may carry for a number (coerced like Zod's `coerce`).
  static let queryNumbers = bodyNumbers + ["NaN", "Infinity", "-Infinity", "0x10", "", "1e20abc", "9".repeated(400)]
  /// The text sent in text fields: long, odd characters, a number's spelling at the end.
  static let text = String(repeating: "\u{10FFFF}%\\\u{0}'\"", count: 1000) + "9".repeated(400) + "1e20"

  @Test(.timeLimit(.minutes(2))) func everyProcedureSurvivesExtremes() async throws {
    let sb = try await Sandbox.start(SandboxOptions(deploySeconds: 0.05, queueDelay: 0))
    let outcome = Result { try Self.walk(sb) }
    await sb.stop()
    let count = try outcome.get()
    #expect(count > 3000)
  }

  @Test(.timeLimit(.minutes(2))) func hugeAndDeepBodiesGetAnswers() async throws {
    let sb = try await Sandbox.start(SandboxOptions(deploySeconds: 0.05, queueDelay: 0))
    let outcome = Result { try Self.bodies(sb) }
    await sb.stop()
    try outcome.get()
  }

  /// Sends every field of every procedure its extremes; returns the number of requests.
  static func walk(_ sb: Sandbox) throws -> Int {
    var sent = 0
    func answered(_ method: String, _ path: String, body: String? = nil) throws {
      let r = try LoopbackHTTP.request(method, sb.url + path, body: body)
      sent += 1
      #expect((200..<600).contains(r.status), "\(method) \(path) \(body?.prefix(200) ?? "")")
    }
    for spec in ProcedureTable.all where !spec.multipart {
      guard let schema = spec.input, let properties = schema.properties else { continue }
      let base = sample(schema)
      for (name, field) in properties {
        let isNumber = ["number", "integer"].contains(field.effectiveType)
        let isText = field.effectiveType == "string" && field.enumValues == nil
        guard isNumber || isText else { continue }
        // Numbers in both wire forms; text (which converts nothing) in form A only, to stay quick.
        let jsonValues = isNumber ? bodyNumbers : [JSONWriter.compact(.string(text))]
        if spec.kind == .query {
          for v in isNumber ? queryNumbers : [text] {
            try answered("GET", "/api/\(spec.name)?\(query(base, replacing: name, with: v))")
          }
          for v in jsonValues where isNumber {
            let input = encode("{\"json\":" + body(base, replacing: name, with: v) + "}")
            try answered("GET", "/api/trpc/\(spec.name)?input=\(input)")
          }
        } else {
          for v in jsonValues {
            try answered("POST", "/api/\(spec.name)", body: body(base, replacing: name, with: v))
            if isNumber {
              try answered("POST", "/api/trpc/\(spec.name)", body: "{\"json\":" + body(base, replacing: name, with: v) + "}")
            }
          }
        }
      }
    }
    #expect(try LoopbackHTTP.request("GET", sb.url + "/api/settings.health").status == 200)
    return sent
  }

  /// Huge, wide and deep bodies and queries, in both wire forms.
  static func bodies(_ sb: Sandbox) throws {
    let deep = String(repeating: "[", count: 200_000)
    let nested = String(repeating: "[", count: 500) + "1e20" + String(repeating: "]", count: 500)
    let wide = "[" + Array(repeating: "1e308", count: 1_000_000).joined(separator: ",") + "]"
    let keys = "{" + (0..<200_000).map { "\"k\($0)\":-0" }.joined(separator: ",") + "}"
    let cases: [(String, String, String?)] = [
      ("POST", "/api/project.create", "{\"name\":\"" + String(repeating: "x", count: 1_500_000) + "\"}"),
      ("POST", "/api/project.create", deep),
      ("POST", "/api/trpc/project.create", deep),
      ("POST", "/api/project.create", "{\"name\":\(nested)}"),
      ("POST", "/api/trpc/project.create", "{\"json\":{\"name\":\"x\",\"description\":\(nested)}}"),
      ("POST", "/api/trpc/project.create", "{\"json\":{\"name\":\"x\",\"description\":\(wide)}}"),
      ("POST", "/api/trpc/project.create", "{\"json\":\(keys)}"),
      ("POST", "/api/trpc/project.create", "{\"json\":{\"name\":\(wide)}}"),
      ("POST", "/api/trpc/" + Array(repeating: "project.create", count: 5000).joined(separator: ",") + "?batch=1", "{}"),
      ("GET", "/api/project.search?" + (0..<5000).map { "offset=1e\($0 % 400)" }.joined(separator: "&"), nil),
      ("GET", "/api/project.search?offset=" + "9".repeated(20_000), nil),
    ]
    for (method, path, body) in cases {
      let r = try LoopbackHTTP.request(method, sb.url + path, body: body)
      #expect((200..<600).contains(r.status), "\(method) \(path.prefix(80)) (\(body?.count ?? 0) bytes)")
    }
    #expect(try LoopbackHTTP.request("GET", sb.url + "/api/settings.health").status == 200)
  }

  /// A small input the schema accepts (or nearly), so extremes reach the procedure itself.
  static func sample(_ s: Schema) -> JSON {
    if let d = s.defaultValue { return d }
    if let c = s.constValue { return c }
    if let e = s.enumValues?.first { return e }
    if let branches = s.anyOf ?? s.oneOf, let b = branches.first(where: { $0.type != "null" }) ?? branches.first {
      return sample(b)
    }
    switch s.effectiveType {
    case "string": return .string(String(repeating: "x", count: max(1, s.minLength ?? 1)))
    case "number", "integer": return .number(s.minimum ?? (s.exclusiveMinimum.map { $0 + 1 } ?? 1))
    case "boolean": return .bool(true)
    case "array": return .array(s.items.map { item in (0..<(s.minItems ?? 0)).map { _ in sample(item) } } ?? [])
    case "object":
      var o = JSONObject()
      for (k, sub) in s.properties ?? [] where s.required.contains(k) { o[k] = sample(sub) }
      return .object(o)
    default: return .null
    }
  }

  /// `base` as a JSON text with member `name` spelled `raw`.
  static func body(_ base: JSON, replacing name: String, with raw: String) -> String {
    var o = base.objectValue ?? JSONObject()
    o[name] = .string("\u{1}EXTREME")
    return JSONWriter.compact(.object(o)).replacingOccurrences(of: "\"\\u0001EXTREME\"", with: raw)
  }

  /// `base` as a form A query string with parameter `name` set to `text`.
  static func query(_ base: JSON, replacing name: String, with text: String) -> String {
    var pairs: [(String, String)] = []
    for (k, v) in (base.objectValue ?? JSONObject()).pairs where k != name {
      switch v {
      case .string(let s): pairs.append((k, s))
      case .array(let a): pairs += a.map { (k, $0.stringValue ?? JSONWriter.compact($0)) }
      default: pairs.append((k, JSONWriter.compact(v)))
      }
    }
    pairs.append((name, text))
    return pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
  }

  static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
}

extension String {
  fileprivate func repeated(_ n: Int) -> String { String(repeating: self, count: n) }
}
