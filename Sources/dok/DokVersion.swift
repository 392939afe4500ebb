import CNoICUData
import DokCore
import DokployDocument

/// What `dok --version` says: dok's version, the commit and date it was built from, the bundled
/// Dokploy document's release and the Swift that compiled it.
///
/// The commit and date come from the build: `scripts/stamp-binary` (run by `scripts/package`,
/// `scripts/dok` and `scripts/install`) writes them into the binary's ``stamp`` literal, in
/// place and at the same length, after linking. A binary nobody stamped (`swift build`, the
/// tests) says `commit unknown`.
enum DokVersion {
  /// dok's release.
  static let current = "0.1.0"

  /// The build's stamp: `DOK_BUILD_STAMP:` then `key=value;` pairs, padded to a fixed length.
  /// `scripts/stamp-binary` finds this exact literal in the binary and overwrites its padding.
  @inline(never)
  static func stamp() -> String {
    "DOK_BUILD_STAMP:################################################################################################################"
  }

  /// The stamp's `key=value` pairs (empty when the binary was not stamped).
  static func stampFields(_ stamp: String) -> [String: String] {
    guard stamp.hasPrefix("DOK_BUILD_STAMP:") else { return [:] }
    var fields: [String: String] = [:]
    for pair in stamp.dropFirst("DOK_BUILD_STAMP:".count).split(separator: ";") {
      guard let eq = pair.firstIndex(of: "=") else { continue }
      let key = String(pair[..<eq])
      guard key.allSatisfy({ $0.isLetter }) else { continue }
      fields[key] = String(pair[pair.index(after: eq)...])
    }
    return fields
  }

  /// The Swift release that compiled this binary, to the minor version (the stamp gives the
  /// exact one).
  static var compilerVersion: String {
    #if compiler(>=6.4)
      "6.4 or later"
    #elseif compiler(>=6.3)
      "6.3"
    #elseif compiler(>=6.2)
      "6.2"
    #elseif compiler(>=6.1)
      "6.1"
    #else
      "6.0"
    #endif
  }

  /// The facts, in the order they are printed (`icuData`: whether ICU's data was linked; release
  /// builds leave it out, see CNoICUData).
  static func facts(stamp: String = stamp()) -> [(key: String, value: String)] {
    let f = stampFields(stamp)
    return [
      ("version", current), ("commit", f["commit"] ?? "unknown"), ("built", f["date"] ?? "unknown"),
      ("dokploy", DokployDocument.dokployVersion), ("dokployCommit", DokployDocument.dokployCommit),
      ("swift", f["swift"] ?? compilerVersion), ("icuData", dok_icu_data_omitted() == 1 ? "omitted" : "linked"),
    ]
  }

  /// One line: `dok 0.1.0 (commit edb3700, built 2026-12-07T22:12:21Z; Dokploy v0.30.2 document; Swift 6.3.1)`.
  static func line(stamp: String = stamp()) -> String {
    let f = Dictionary(facts(stamp: stamp), uniquingKeysWith: { a, _ in a })
    return "dok \(current) (commit \(f["commit"]!), built \(f["built"]!); "
      + "Dokploy \(f["dokploy"]!) document; Swift \(f["swift"]!))"
  }

  /// The facts as one JSON object, for bug reports.
  static func json(stamp: String = stamp()) -> String {
    var o = JSONObject()
    for (k, v) in facts(stamp: stamp) { o[k] = .string(v) }
    return JSONWriter.pretty(.object(o))
  }
}
