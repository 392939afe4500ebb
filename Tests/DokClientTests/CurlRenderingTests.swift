import DokClient
import DokCore
import DokPresentation
import DokTestSupport
import Testing

/// `--curl` and `:curl`: a request as a curl command, never with the key.
@Suite struct CurlRenderingTests {
  @Test func curlNeverContainsTheKey() {
    let c = Connection(baseURL: "https://dok.example.com/api", apiKey: Fixture.key)
    let get = RequestBuilder(connection: c).request(
      name: "application.one", method: "GET", input: (["applicationId": "a b"] as JSON).objectValue!)
    let g = CurlRenderer.render(method: get.method, url: get.url, headers: get.headers, body: get.body)
    #expect(
      g
        == #"curl -sS -H "x-api-key: $DOKPLOY_API_KEY" -H 'Accept: application/json' 'https://dok.example.com/api/application.one?applicationId=a%20b'"#
    )
    let post = RequestBuilder(connection: c).request(
      name: "application.create", method: "POST", input: (["name": "it's"] as JSON).objectValue!)
    let p = CurlRenderer.render(method: post.method, url: post.url, headers: post.headers, body: post.body, insecure: true)
    #expect(
      p
        == #"curl -sS -k -X POST -H "x-api-key: $DOKPLOY_API_KEY" -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"name":"it'\''s"}' https://dok.example.com/api/application.create"#
    )
    #expect(!g.contains(Fixture.key) && !p.contains(Fixture.key))
    #expect(!get.redactedHeaders.contains { $0.value == Fixture.key })
  }
}
