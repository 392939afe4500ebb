import DokCore
import Testing

@testable import DokSandbox

/// How the REST route reads a POST body on a real Dokploy v0.30.2 (issue 22, item 4): Next.js
/// parses a JSON body (an empty one is `{}`), @dokploy/trpc-openapi refuses other content types
/// with 415 (`adapters/node-http/core.ts:108-115`) and spreads the body into the input object
/// (`core.ts:122-123`); `format: uri` fields are Zod 4's `.url()`.
@Suite struct RequestBodyTests {
  static func post(_ s: SandboxClient, _ proc: String, body: String?, contentType: String? = "application/json") throws
    -> Reply
  {
    try LoopbackHTTP.request("POST", "\(s.sb.url)/api/\(proc)", body: body, contentType: contentType)
  }

  /// Runs `body` on a fresh sandbox and stops it, also when `body` throws.
  static func withSandbox(_ body: (SandboxClient) async throws -> Void) async throws {
    let s = try await SandboxClient.start()
    do { try await body(s) } catch {
      await s.sb.stop()
      throw error
    }
    await s.sb.stop()
  }

  /// `apiServerSchema` is `z.object({serverId}).optional()` (db/schema/user.ts:209-213): `{}`,
  /// an empty JSON body and, over tRPC, no body at all are 200.
  @Test func optionalInputTakesAnEmptyBody() async throws {
    try await Self.withSandbox { s in
      for proc in ["settings.reloadTraefik", "settings.cleanAll", "settings.cleanUnusedImages"] {
        #expect(try Self.post(s, proc, body: "{}").status == 200, "\(proc) {}")
        let empty = try Self.post(s, proc, body: "")
        #expect(empty.status == 200, "\(proc) empty body: \(empty.body)")
        let trpc = try LoopbackHTTP.request("POST", "\(s.sb.url)/api/trpc/\(proc)", body: "")
        #expect(trpc.status == 200, "\(proc) tRPC without input: \(trpc.body)")
      }
    }
  }

  /// An empty body where the input is required is `{}` to Zod: the field-level issues, never
  /// "expected object".
  @Test func emptyBodyGetsTheFieldErrors() async throws {
    try await Self.withSandbox { s in
      for body in ["", "{}", "null", "[]", "7"] {
        let r = try Self.post(s, "project.create", body: body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json?["issues"]?[0]?["path"] == ["name"], "\(body): \(r.body)")
        #expect(r.json?["data"]?["zodError"]?["formErrors"] == [], "\(body): \(r.body)")
      }
    }
  }

  /// A JSON array is spread by index, as `{...body}` does: its elements are not the fields.
  @Test func anArrayBodyIsSpreadByIndex() async throws {
    try await Self.withSandbox { s in
      let r = try Self.post(s, "project.create", body: #"[{"name":"x"}]"#)
      #expect(r.status == 400)
      #expect(r.json?["issues"]?[0]?["path"] == ["name"])
    }
  }

  /// trpc-openapi's content-type check, with its wording (the unsupported one has no closing
  /// quote); case-sensitive like `startsWith`; a GET's body and content type are not read.
  @Test func contentTypeIsCheckedAsTheAdapterDoes() async throws {
    try await Self.withSandbox { s in
      let none = try Self.post(s, "project.create", body: #"{"name":"x"}"#, contentType: nil)
      #expect(none.status == 415)
      #expect(none.json?["message"] == "Missing content-type header")
      #expect(none.json?["code"] == "UNSUPPORTED_MEDIA_TYPE")
      let noBody = try LoopbackHTTP.request("POST", "\(s.sb.url)/api/settings.cleanAll", contentType: nil)
      #expect(noBody.status == 415)
      #expect(noBody.json?["message"] == "Missing content-type header")
      let text = try Self.post(s, "project.create", body: "name=x", contentType: "text/plain")
      #expect(text.status == 415)
      #expect(text.json?["message"] == #"Unsupported content-type "text/plain"#)
      let upper = try Self.post(s, "project.create", body: #"{"name":"x"}"#, contentType: "Application/JSON")
      #expect(upper.status == 415)
      let charset = try Self.post(s, "project.create", body: #"{"name":"x"}"#, contentType: "application/json; charset=utf-8")
      #expect(charset.status == 200)
      let get = try LoopbackHTTP.request("GET", "\(s.sb.url)/api/project.all", body: "x", contentType: "text/plain")
      #expect(get.status == 200)
    }
  }

  /// `format: uri` is `z.string().url()`: Zod 4 issues `invalid_format` / `url`, "Invalid URL".
  @Test func uriFieldsAreCheckedAsZodURL() async throws {
    try await Self.withSandbox { s in
      func mattermost(_ url: String) throws -> Reply {
        var body = JSONObject()
        body["name"] = "mm"
        body["webhookUrl"] = .string(url)
        for flag in [
          "appBuildError", "databaseBackup", "dokployBackup", "volumeBackup", "dokployRestart", "appDeploy", "dockerCleanup",
          "serverThreshold",
        ] {
          body[flag] = false
        }
        return try s.post("notification.createMattermost", .object(body))
      }
      let bad = try mattermost("not a url")
      #expect(bad.status == 400)
      let issue = bad.json?["issues"]?[0]
      #expect(issue?["code"] == "invalid_format")
      #expect(issue?["format"] == "url")
      #expect(issue?["message"] == "Invalid URL")
      #expect(issue?["path"] == ["webhookUrl"])
      #expect(bad.json?["data"]?["zodError"]?["fieldErrors"]?["webhookUrl"] == ["Invalid URL"])
      #expect(try mattermost(" https://chat.example.com/hooks/abc ").status == 200)
    }
  }

  /// What `new URL(x)` accepts and refuses (WHATWG URL Standard, as Node implements it).
  @Test(arguments: [
    ("https://example.com", true), ("http://localhost:3000/x?y#z", true), ("http:example.com", true),
    ("HTTPS://EXAMPLE.COM", true), ("http://127.0.0.1:65535", true), ("http://[::1]:8080/", true),
    ("http://user:pw@host/", true), ("mailto:someone@example.com", true), ("foo:bar", true), ("file:///tmp/x", true),
    ("http://0x7f.1/", true), ("http://example.com./", true), ("http://exa%41mple.com", true),
    ("not a url", false), ("", false), ("example.com", false), ("/relative/path", false), ("http://", false),
    ("https://", false), ("http://exa mple.com", false), ("http://host:65536", false), ("http://host:12a", false),
    ("http://1.2.3.256", false), ("http://foo.1", false), ("http://[::1", false), ("http://[xyz]/", false),
    ("1http://x", false), ("http://a<b", false), ("foo://a b", false), ("http://%zz.com", false),
  ])
  func whatwgParse(_ text: String, _ valid: Bool) {
    #expect(URLFormat.isValid(text) == valid, "\(text)")
  }
}
