import DokCore
import Yams

/// Reads YAML documents into ``JSON`` values (for OpenAPI documents written in YAML).
enum YAMLReader {
  static func parse(_ bytes: [UInt8], source: String) throws(SpecError) -> JSON {
    let text = String(decoding: bytes, as: UTF8.self)
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let e as YamlError {
      throw SpecError("neither JSON nor valid YAML: \(describe(e))", source: source)
    } catch {
      throw SpecError("neither JSON nor valid YAML: \(error)", source: source)
    }
    guard let node else { throw SpecError("the document is empty", source: source) }
    if case .scalar = node {
      throw SpecError("neither JSON nor YAML describing an object: the text is a single plain value", source: source)
    }
    return convert(node, depth: 0)
  }

  static func describe(_ e: YamlError) -> String {
    let s = "\(e)"
    return s.split(separator: "\n").first.map(String.init) ?? s
  }

  static func convert(_ node: Node, depth: Int) -> JSON {
    if depth > 256 { return .null }
    switch node {
    case .scalar(let s):
      if s.style == .plain {
        switch s.string {
        case "null", "Null", "NULL", "~", "": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
          if let d = Double(s.string), s.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return .number(d)
          }
        }
      }
      return .string(s.string)
    case .mapping(let m):
      var o = JSONObject()
      for (k, v) in m {
        let key: String
        if case .scalar(let ks) = k { key = ks.string } else { key = "\(k)" }
        o[key] = convert(v, depth: depth + 1)
      }
      return .object(o)
    case .sequence(let seq):
      return .array(seq.map { convert($0, depth: depth + 1) })
    case .alias:
      return .null
    }
  }
}
