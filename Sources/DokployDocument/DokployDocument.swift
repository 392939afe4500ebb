/// The real Dokploy OpenAPI document, carried inside the binary.
///
/// A byte-for-byte copy of `../shared/dokploy/openapi.json` (Dokploy v0.30.2, commit 772b768:
/// 597 operations), compiled in as one raw string literal by `scripts/update-dokploy-document`
/// so that `scripts/install`, which copies only the executable, keeps it. See `PROVENANCE.md`
/// beside this file. The sandbox serves it from `settings.getOpenApiDocument`; DokSpec and the
/// REPL may use it as an offline fallback.
public enum DokployDocument {
  /// The Dokploy release the document was taken from.
  public static let dokployVersion = "v0.30.2"
  /// The Dokploy commit the document was generated from.
  public static let dokployCommit = "772b768"
  /// The `servers[0].url` the document names (a placeholder a server should replace with its own URL).
  public static let placeholderServerURL = "https://your-dokploy-instance.com/api"
  /// The number of operations (`router.procedure` paths) the document holds.
  public static let operationCount = 597

  /// The document's text, exactly as it was published.
  public static var text: String { DokployOpenAPIText.text }

  /// The document's UTF-8 bytes.
  public static var bytes: [UInt8] { Array(DokployOpenAPIText.text.utf8) }

  /// The document with `servers[0].url` set to `serverURL` (for example `http://127.0.0.1:4180/api`).
  ///
  /// Only the first occurrence of the placeholder URL, which is in `servers`, is replaced.
  public static func text(serverURL: String) -> String {
    var t = DokployOpenAPIText.text
    guard let r = t.firstRange(of: "\"" + placeholderServerURL + "\"") else { return t }
    t.replaceSubrange(r, with: "\"" + jsonEscaped(serverURL) + "\"")
    return t
  }

  private static func jsonEscaped(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where c.value < 0x20:
        out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16)
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
