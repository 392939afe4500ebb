import DokCore
import DokployDocument

/// The OpenAPI document the sandbox serves: the real Dokploy document carried in the binary
/// (``DokployDocument``), with `servers[0].url` naming the sandbox.
public enum OpenAPIDocument {
  /// The document's text with `servers[0].url` = `serverURL` (ending in `/api`).
  public static func text(serverURL: String) -> String { DokployDocument.text(serverURL: serverURL) }

  /// The whole document, parsed; `serverURL` is the `servers[0].url` (ending in `/api`).
  public static func build(serverURL: String) -> JSON {
    (try? JSONParser.parse(text(serverURL: serverURL))) ?? .null
  }
}
