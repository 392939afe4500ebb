import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

@Suite struct WireTests {
  @Test func sameOperationThroughBothForms() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let b = try s.trpcPost("project.create", ["name": "via-trpc"])
      #expect(b.status == 200)
      let pid = try #require(b.json?["result"]?["data"]?["json"]?["project"]?["projectId"]?.stringValue)
      let viaA = try s.get("project.one", [("projectId", pid)])
      let viaB = try s.trpcGet("project.one", ["projectId": .string(pid)])
      #expect(viaA.status == 200 && viaB.status == 200)
      #expect(viaB.json?["result"]?["data"]?["json"] == viaA.json)
      // An empty result in form B.
      let env = try #require(b.json?["result"]?["data"]?["json"]?["environment"]?["environmentId"]?.stringValue)
      let app = try s.makeApp(env)
      let deploy = try s.trpcPost("application.deploy", ["applicationId": .string(app)])
      #expect(deploy.status == 200)
      #expect(deploy.json?["result"]?["data"]?["json"] == .null)
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func validationErrorsInBothForms() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let a = try s.post("application.create", ["environmentId": 5])
      #expect(a.status == 400)
      #expect(a.json?["code"] == "BAD_REQUEST")
      #expect(a.json?["data"]?["httpStatus"] == 400)
      #expect(a.json?["data"]?["path"] == "application.create")
      let issues = try #require(a.json?["issues"]?.arrayValue)
      #expect(
        issues.contains {
          $0 == [
            "expected": "string", "code": "invalid_type", "path": ["name"],
            "message": "Invalid input: expected string, received undefined",
          ]
        })
      #expect(
        issues.contains {
          $0["path"] == ["environmentId"] && $0["message"] == "Invalid input: expected string, received number"
        })
      #expect(a.json?["data"]?["zodError"]?["fieldErrors"]?["name"] == ["Invalid input: expected string, received undefined"])
      // not in enum
      let e = try s.post("application.create", ["name": "x", "environmentId": "y", "sourceType": "svn"])
      #expect(e.status == 400)
      #expect(e.json?["issues"]?[0]?["code"] == "invalid_value")
      #expect(
        e.json?["issues"]?[0]?["message"]
          == #"Invalid option: expected one of "github"|"docker"|"git"|"gitlab"|"bitbucket"|"gitea"|"drop""#)
      // form B
      let b = try s.trpcPost("application.create", ["environmentId": "e"])
      #expect(b.status == 400)
      let err = try #require(b.json?["error"]?["json"])
      #expect(err["code"] == -32600)
      #expect(err["data"]?["code"] == "BAD_REQUEST")
      #expect(err["data"]?["httpStatus"] == 400)
      #expect(err["data"]?["path"] == "application.create")
      #expect(err["data"]?["zodError"]?["fieldErrors"]?["name"] == ["Invalid input: expected string, received undefined"])
      // a missing required query parameter
      let q = try s.get("application.one")
      #expect(q.status == 400)
      #expect(q.json?["issues"]?[0]?["path"] == ["applicationId"])
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func notFoundInBothForms() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let a = try s.get("application.one", [("applicationId", "missing")])
      #expect(a.status == 404)
      #expect(a.json?["message"] == "Application not found")
      #expect(a.json?["code"] == "NOT_FOUND")
      #expect(a.json?["data"]?["httpStatus"] == 404)
      let b = try s.trpcGet("application.one", ["applicationId": "missing"])
      #expect(b.status == 404)
      #expect(b.json?["error"]?["json"]?["message"] == "Application not found")
      #expect(b.json?["error"]?["json"]?["code"] == -32004)
      // unknown procedures
      let u = try s.get("application.nope")
      #expect(u.status == 404)
      #expect(u.json?["code"] == "NOT_FOUND")
      #expect(try s.trpcGet("nope.nope", [:]).json?["error"]?["json"]?["data"]?["code"] == "NOT_FOUND")
      // wrong method
      #expect(try LoopbackHTTP.request("GET", "\(s.sb.url)/api/application.deploy").status == 404)
      #expect(try LoopbackHTTP.request("GET", "\(s.sb.url)/api/trpc/application.deploy").status == 405)
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func unsupportedMediaType() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try LoopbackHTTP.request("POST", "\(s.sb.url)/api/project.create", body: "name=x", contentType: "text/plain")
      #expect(r.status == 415)
      #expect(r.json?["code"] == "UNSUPPORTED_MEDIA_TYPE")
      #expect(r.json?["message"]?.stringValue != nil)
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func apiKeyRequired() async throws {
    let s = try await SandboxClient.start(apiKey: "sekret")
    try await withTeardown {
      let noKey = try LoopbackHTTP.request("GET", "\(s.sb.url)/api/project.all")
      #expect(noKey.status == 401)
      #expect(noKey.body == #"{"message":"Unauthorized"}"#)
      let wrong = try LoopbackHTTP.request("GET", "\(s.sb.url)/api/project.all", headers: ["x-api-key": "nope"])
      #expect(wrong.status == 401)
      #expect(wrong.body == #"{"message":"Unauthorized"}"#)
      let b = try LoopbackHTTP.request("GET", "\(s.sb.url)/api/trpc/project.all")
      #expect(b.status == 401)
      #expect(b.json?["error"]?["json"]?["data"]?["code"] == "UNAUTHORIZED")
      #expect(try s.get("project.all").status == 200)
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func keepAliveReusesOneConnection() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let statuses = try LoopbackHTTP.statusesOnOneConnection(port: s.sb.port, target: "/api/settings.health", count: 50)
      #expect(statuses == Array(repeating: 200, count: 50))
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func queryValuesAreCoercedBySchema() throws {
    let schema = Schema(
      type: "object",
      properties: [
        ("n", Schema(type: "number")), ("b", Schema(type: "boolean")),
        ("tags", Schema(type: "array", items: Schema(type: "string"))),
        ("s", Schema(type: "string")),
      ])
    let v = try SandboxResponder.queryInput("n=42&b=true&tags=a&tags=b%20c&s=12", schema)
    #expect(v == ["n": 42, "b": true, "tags": ["a", "b c"], "s": "12"])
  }
}
