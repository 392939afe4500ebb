import DokCore

/// How a path into a value is written in the language: `base.key` for a plain key, else
/// `base["key"]` (quoted and escaped).
enum MemberPath {
  static func append(_ key: String, to base: String) -> String {
    let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    return plain ? "\(base).\(key)" : "\(base)[\(JSONWriter.quoted(key))]"
  }
}
