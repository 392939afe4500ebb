import DokCore
import Testing

@testable import DokSandbox

/// "Dokploy runs on Next.js, whose server answers a path with repeated slashes or a backslash
/// with a 308 redirect to the collapsed path before any routing" (real-behaviour.md,
/// "Authentication and the wire").
@Suite struct RepeatedSlashTests {
  @Test func repeatedSlashesAndBackslashesRedirectBeforeAuthentication() async throws {
    let sb = try await Sandbox.start(SandboxOptions(apiKey: "k"))
    let outcome = Result { () throws -> Void in
      let cases = [
        ("/api//project.all", "/api/project.all"),
        ("//api/project.all", "/api/project.all"),
        ("/api\\project.all", "/api/project.all"),
        ("/api/trpc///project.one?input=%7B%22json%22%3A%7B%7D%7D", "/api/trpc/project.one?input=%7B%22json%22%3A%7B%7D%7D"),
        ("/api//no.such?a=1?b=//c", "/api/no.such?a=1?b=//c"),
        ("/api//project.all?", "/api/project.all"),
      ]
      for (sent, collapsed) in cases {
        // No key: the redirect comes before authentication, as on Next.js.
        let r = try LoopbackHTTP.exchange("GET", sb.url + sent)
        #expect(r.status == 308, "\(sent)")
        #expect(r.headers["location"] == collapsed, "\(sent)")
        #expect(String(decoding: r.body, as: UTF8.self) == collapsed, "\(sent)")
      }
      let post = try LoopbackHTTP.exchange("POST", sb.url + "/api//project.create", body: Array(#"{"name":"p"}"#.utf8))
      #expect(post.status == 308)
      #expect(post.headers["location"] == "/api/project.create")
      // Following the redirect with the key reaches the procedure.
      let followed = try LoopbackHTTP.request("GET", sb.url + "/api/project.all", headers: ["x-api-key": "k"])
      #expect(followed.status == 200)
      // Slashes in the query alone, or none repeated: no redirect (401 without the key).
      #expect(try LoopbackHTTP.request("GET", sb.url + "/api/project.all?next=//x").status == 401)
      #expect(try LoopbackHTTP.request("GET", sb.url + "/api/project.all").status == 401)
    }
    await sb.stop()
    try outcome.get()
  }

  @Test func collapsingFollowsNextJS() {
    #expect(RepeatedSlashRedirect.location(target: "/api/project.all") == nil)
    #expect(RepeatedSlashRedirect.location(target: "/api/project.all?x=//y\\z") == nil)
    #expect(RepeatedSlashRedirect.location(target: "\\\\//a\\/b//") == "/a/b/")
    #expect(RepeatedSlashRedirect.location(target: "/a//b?q=1") == "/a/b?q=1")
  }
}
