import DokClient
import DokPresentation

extension HTTPRequest {
  /// The request as a curl command reading the key from `$DOKPLOY_API_KEY` (`--curl`, `:curl`).
  func curlCommand(insecure: Bool) -> String {
    CurlRenderer.render(method: method, url: url, headers: headers, body: body, insecure: insecure, keyHeader: Self.apiKeyHeader)
  }
}
