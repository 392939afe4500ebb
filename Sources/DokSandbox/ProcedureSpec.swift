import DokCore
import DokployDocument

/// One procedure of the real Dokploy API: its dotted name, whether it is a query (GET) or a
/// mutation (POST), and its input schema (an object schema; nil when it takes no input).
public struct ProcedureSpec: Sendable {
  /// tRPC's two kinds of procedure.
  public enum Kind: String, Sendable {
    case query, mutation
  }

  /// `router.procedure`, e.g. `application.deploy`.
  public let name: String
  /// Query (GET) or mutation (POST).
  public let kind: Kind
  /// The object schema of the input, or nil when there is none.
  public let input: Schema?
  /// True when the REST body is `multipart/form-data` (file uploads).
  public let multipart: Bool
  /// True when the input may be left out (`requestBody.required: false`, a Zod `.optional()`
  /// input such as `settings.reloadTraefik`'s): tRPC passes `undefined` and the router runs.
  public let inputOptional: Bool

  /// The router part of the name (`application`).
  public var router: Substring { name[..<(name.firstIndex(of: ".") ?? name.endIndex)] }

  /// The procedure part of the name (`deploy`).
  public var procedure: Substring { name[name.index(after: name.firstIndex(of: ".") ?? name.startIndex)...] }
}

/// Every procedure the sandbox answers: all operations of the bundled real Dokploy document
/// (``DokployDocument``), in document order, with their input schemas read from it.
public enum ProcedureTable {
  /// All procedures (597 for Dokploy v0.30.2).
  public static let all: [ProcedureSpec] = load()

  /// Lookup by dotted name.
  public static let byName: [String: ProcedureSpec] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

  /// Lookup by lowercased dotted name (REST paths match case-insensitively).
  static let byLowercasedName: [String: ProcedureSpec] = Dictionary(
    all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })

  private static func load() -> [ProcedureSpec] {
    // Only the operations' parameters and request bodies are read: the responses (60% of the
    // document) are validated but not built.
    let doc = try? JSONParser.parse(DokployDocument.bytes) { path, key in
      !(key == "responses" && path.count == 3 && path[0] == "paths") && !(path.isEmpty && key == "components")
    }
    guard case .object(let paths)? = doc?["paths"] else { return [] }
    var out: [ProcedureSpec] = []
    out.reserveCapacity(paths.count)
    for (path, item) in paths.pairs {
      let name = String(path.drop { $0 == "/" })
      if let op = item["get"] {
        var props: [(String, Schema)] = []
        var required: [String] = []
        for p in op["parameters"]?.arrayValue ?? [] {
          guard let n = p["name"]?.stringValue else { continue }
          props.append((n, Schema.from(p["schema"] ?? .object(JSONObject()))))
          if p["required"]?.boolValue == true { required.append(n) }
        }
        let input = props.isEmpty ? nil : Schema(type: "object", properties: props, required: required)
        out.append(ProcedureSpec(name: name, kind: .query, input: input, multipart: false, inputOptional: false))
      } else if let op = item["post"] {
        let content = op["requestBody"]?["content"]
        let json = content?["application/json"]?["schema"]
        let form = content?["multipart/form-data"]?["schema"]
        out.append(
          ProcedureSpec(
            name: name, kind: .mutation, input: (json ?? form).map(Schema.from), multipart: form != nil,
            inputOptional: op["requestBody"]?["required"]?.boolValue == false))
      }
    }
    return out
  }
}
