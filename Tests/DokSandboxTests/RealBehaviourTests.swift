import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// One test per fact of `../shared/dokploy/real-behaviour.md`; each names the fact it checks.
/// State-level tests drive the clock explicitly (transitions depend only on timestamps).
@Suite struct RealBehaviourTests {
  /// A state with a project, its production environment and one docker application.
  static func setUp(deploySeconds: Double = 10, queueDelay: Double = 1, image: String = "nginx:alpine") throws -> (
    SandboxState, env: String, app: String
  ) {
    var st = SandboxState(deploySeconds: deploySeconds, queueDelay: queueDelay)
    let env = try #require(
      try st.call("project.create", obj(["name": "p"]), now: 0)?["environment"]?["environmentId"]?.stringValue)
    let app = try #require(
      try st.call("application.create", obj(["name": "web", "environmentId": .string(env)]), now: 0)?["applicationId"]?
        .stringValue)
    _ = try st.call(
      "application.saveDockerProvider",
      obj([
        "applicationId": .string(app), "dockerImage": .string(image), "username": .null, "password": .null, "registryUrl": .null,
      ]),
      now: 0)
    return (st, env, app)
  }

  static func obj(_ j: JSON) -> JSONObject { j.objectValue ?? JSONObject() }

  /// "Deploys are queued": `application.deploy` only adds a job; "Until then `application.one`
  /// shows the previous status — `done` after an earlier good deploy — and `deployment.all` has no new row."
  @Test func aRedeployShowsTheOldDoneUntilTheWorkerTakesIt() throws {
    var (st, _, app) = try Self.setUp()
    let ref = Self.obj(["applicationId": .string(app)])
    #expect(try st.call("application.deploy", ref, now: 100) == nil)
    #expect(try st.call("application.one", ref, now: 120)?["applicationStatus"] == "done")
    #expect(try st.call("application.redeploy", ref, now: 200) == nil)
    // Right after the call: the old `done`, one row only.
    #expect(try st.call("application.one", ref, now: 200.5)?["applicationStatus"] == "done")
    #expect(try st.call("deployment.all", ref, now: 200.5)?.arrayValue?.count == 1)
    // When the worker takes it (after the 1 s queue delay): a new row, `running`.
    let taken = try st.call("deployment.all", ref, now: 201.5)
    #expect(taken?.arrayValue?.count == 2)
    #expect(taken?[0]?["status"] == "running")
    #expect(taken?[0]?["title"] == "Rebuild deployment")
    #expect(try st.call("application.one", ref, now: 201.5)?["applicationStatus"] == "running")
  }

  /// "`saveDockerProvider` and `saveGitProvider` reset `applicationStatus` to `idle`."
  @Test func savingAProviderResetsTheStatusToIdle() throws {
    var (st, _, app) = try Self.setUp(deploySeconds: 1, queueDelay: 0)
    let ref = Self.obj(["applicationId": .string(app)])
    _ = try st.call("application.deploy", ref, now: 10)
    #expect(try st.call("application.one", ref, now: 20)?["applicationStatus"] == "done")
    _ = try st.call(
      "application.saveGitProvider",
      Self.obj([
        "applicationId": .string(app), "customGitUrl": "https://example.com/x.git", "customGitBranch": "main",
        "customGitBuildPath": "/", "watchPaths": .null, "enableSubmodules": false,
      ]), now: 21)
    let one = try st.call("application.one", ref, now: 21)
    #expect(one?["applicationStatus"] == "idle")
    #expect(one?["sourceType"] == "git")
  }

  /// "`application.cancelDeployment` works only on Dokploy Cloud: self-hosted answers 400 …
  /// Self-hosted users stop a build with `application.killBuild` or `application.cleanQueues`."
  @Test func cancelIsRefusedKillBuildAndCleanQueuesWork() throws {
    var (st, env, app) = try Self.setUp(deploySeconds: 10, queueDelay: 1)
    let other = try #require(
      try st.call("application.create", Self.obj(["name": "api", "environmentId": .string(env)]), now: 0)?["applicationId"]?
        .stringValue)
    let ref = Self.obj(["applicationId": .string(app)])
    let otherRef = Self.obj(["applicationId": .string(other)])
    #expect(throws: SandboxError.badRequest("Deployment cancellation only available in cloud version")) {
      try st.call("application.cancelDeployment", ref, now: 1)
    }
    _ = try st.call("application.deploy", ref, now: 10)
    _ = try st.call("application.deploy", otherRef, now: 10.5)
    // `other` waits behind `app`; cleanQueues drops it before the worker takes it.
    #expect(try st.call("application.cleanQueues", otherRef, now: 12) == nil)
    // killBuild stops the running build: the deployment and the service end in `error`.
    #expect(try st.call("application.one", ref, now: 12)?["applicationStatus"] == "running")
    #expect(try st.call("application.killBuild", ref, now: 13) == nil)
    #expect(try st.call("application.one", ref, now: 13)?["applicationStatus"] == "error")
    let d = try st.call("deployment.all", ref, now: 13)?[0]
    #expect(d?["status"] == "error")
    #expect(d?["errorMessage"] == .null)
    // The cleaned job never runs.
    #expect(try st.call("deployment.all", otherRef, now: 60) == [])
    #expect(try st.call("application.one", otherRef, now: 60)?["applicationStatus"] == "idle")
  }

  /// "`deployment.readLogs deploymentId=… tail=N` returns the log's last N lines as one string";
  /// "for an image whose name contains `fail` the daemon's error line" (issue 12).
  @Test func readLogsShowsWhatWasPulledAndTheDaemonError() throws {
    var (st, _, app) = try Self.setUp(deploySeconds: 2, queueDelay: 0)
    let ref = Self.obj(["applicationId": .string(app)])
    _ = try st.call("application.deploy", ref, now: 10)
    let id = try #require(try st.call("deployment.all", ref, now: 20)?[0]?["deploymentId"]?.stringValue)
    let log = try #require(
      try st.call("deployment.readLogs", Self.obj(["deploymentId": .string(id), "tail": 100]), now: 20)?.stringValue)
    #expect(log.hasPrefix("Initializing deployment\nPulling nginx:alpine\n"))
    #expect(log.contains("Status: Downloaded newer image for nginx:alpine\n"))
    #expect(log.hasSuffix("\n"))
    let two = try st.call("deployment.readLogs", Self.obj(["deploymentId": .string(id), "tail": 2]), now: 20)?.stringValue
    #expect(two?.split(separator: "\n").count == 2)
    // While the build runs, only the lines written so far.
    _ = try st.call("application.redeploy", ref, now: 30)
    let running = try #require(try st.call("deployment.all", ref, now: 30.1)?[0]?["deploymentId"]?.stringValue)
    let partial = try st.call("deployment.readLogs", Self.obj(["deploymentId": .string(running), "tail": 100]), now: 30.1)?
      .stringValue
    #expect((partial?.split(separator: "\n").count ?? 0) < (log.split(separator: "\n").count))
    // A failing image: the daemon's line and Dokploy's closing line; errorMessage stays unset.
    var (bad, _, badApp) = try Self.setUp(deploySeconds: 1, queueDelay: 0, image: "acme/fail-me:2")
    let badRef = Self.obj(["applicationId": .string(badApp)])
    _ = try bad.call("application.deploy", badRef, now: 10)
    let row = try bad.call("deployment.all", badRef, now: 20)?[0]
    #expect(row?["status"] == "error")
    #expect(row?["errorMessage"] == .null)
    let badLog =
      try bad.call(
        "deployment.readLogs", Self.obj(["deploymentId": row?["deploymentId"] ?? .null, "tail": 100]), now: 20)?.stringValue ?? ""
    #expect(badLog.contains("Error response from daemon: pull access denied for acme/fail-me, repository does not exist"))
    #expect(badLog.hasSuffix("Error occurred ❌, check the logs for details.\n"))
    #expect(throws: SandboxError.notFound("Deployment")) {
      try bad.call("deployment.readLogs", Self.obj(["deploymentId": "nope", "tail": 5]), now: 20)
    }
  }

  /// "Database deploys … run inside the request … then return the row as read BEFORE the
  /// update (status still `idle` on a first deploy)"; "An empty `databasePassword` gets a
  /// generated 16-character password"; default image postgres:18.
  @Test func databaseDeployReturnsTheRowAsItWas() throws {
    var (st, env, _) = try Self.setUp()
    let db = try #require(
      try st.call(
        "postgres.create",
        Self.obj([
          "name": "db", "appName": "db", "databaseName": "d", "databaseUser": "u", "databasePassword": "",
          "environmentId": .string(env),
        ]), now: 1))
    #expect(db["databasePassword"]?.stringValue?.count == 16)
    #expect(db["dockerImage"] == "postgres:18")
    let ref = Self.obj(["postgresId": db["postgresId"] ?? .null])
    #expect(try st.call("postgres.deploy", ref, now: 2)?["applicationStatus"] == "idle")
    #expect(try st.call("postgres.one", ref, now: 2)?["applicationStatus"] == "done")
  }

  /// "`appName`: a given appName is trimmed, spaces become `-`, lowercased, and `-` plus 6 random
  /// characters is always appended; without one it is `<type>-<verb>-<adjective>-<noun>-<6 random>`
  /// … never derived from `name`. `update` silently ignores `appName`."
  @Test func appNameRules() throws {
    var (st, env, _) = try Self.setUp()
    let given = try st.call(
      "application.create", Self.obj(["name": "Shop", "appName": " My Shop ", "environmentId": .string(env)]), now: 1)
    let name = try #require(given?["appName"]?.stringValue)
    #expect(name.hasPrefix("my-shop-") && name.count == "my-shop-".count + 6)
    let generated = try #require(
      try st.call("application.create", Self.obj(["name": "Shop", "environmentId": .string(env)]), now: 1)?["appName"]?
        .stringValue)
    #expect(generated.hasPrefix("app-") && !generated.lowercased().contains("shop"))
    #expect(generated.split(separator: "-").last?.count == 6)
    let id = given?["applicationId"] ?? .null
    _ = try st.call("application.update", Self.obj(["applicationId": id, "appName": "renamed"]), now: 2)
    #expect(try st.call("application.one", Self.obj(["applicationId": id]), now: 2)?["appName"] == .string(name))
  }

  /// "`project.all` is newest first … and trimmed: environments carry `name`, `environmentId`,
  /// `isDefault` and their services; applications only `applicationId`, `name`, `applicationStatus`";
  /// "`project.one` / `environment.one` list services with a few columns only … no dockerImage".
  @Test func projectAllAndOneAreTrimmedAndOrdered() throws {
    var (st, env, app) = try Self.setUp()
    _ = try st.call("project.create", Self.obj(["name": "newer"]), now: 5)
    let all = try #require(try st.call("project.all", JSONObject(), now: 6)?.arrayValue)
    #expect(all.map { $0["name"] } == ["newer", "p"])
    let e = try #require(all[1]["environments"]?[0])
    let keys = Set(e.objectValue?.keys ?? [])
    #expect(keys.isSuperset(of: ["name", "environmentId", "isDefault", "applications"]))
    #expect(e["createdAt"] == nil)
    #expect(e["applications"]?[0] == ["applicationId": .string(app), "name": "web", "applicationStatus": "idle"])
    #expect(all[1]["projectTags"] == [])
    let one = try st.call("environment.one", Self.obj(["environmentId": .string(env)]), now: 6)
    #expect(one?["applications"]?[0]?["dockerImage"] == nil)
    #expect(one?["applications"]?[0]?["applicationStatus"] == "idle")
  }

  /// "`environment.remove`: the default environment cannot be removed"; "`environment.create`
  /// refuses the name "production" (400); other duplicates are allowed."
  @Test func environmentRules() throws {
    var (st, env, _) = try Self.setUp()
    let pid = try #require(try st.call("environment.one", Self.obj(["environmentId": .string(env)]), now: 1)?["projectId"])
    #expect(throws: SandboxError.badRequest("You cannot delete the default environment")) {
      try st.call("environment.remove", Self.obj(["environmentId": .string(env)]), now: 1)
    }
    #expect(throws: SandboxError.badRequest("You cannot create a environment with the name 'production'")) {
      try st.call("environment.create", Self.obj(["name": "production", "projectId": pid]), now: 1)
    }
    _ = try st.call("environment.create", Self.obj(["name": "staging", "projectId": pid]), now: 1)
    _ = try st.call("environment.create", Self.obj(["name": "staging", "projectId": pid]), now: 1)
    #expect(try st.call("environment.byProjectId", Self.obj(["projectId": pid]), now: 1)?.arrayValue?.count == 3)
  }

  /// "Unknown ids in list lookups return `[]` (`deployment.all`, `environment.byProjectId`),
  /// while `*.one` answers 404"; "Foreign keys are real: an update pointing `environmentId` at a
  /// missing environment fails."
  @Test func unknownIdsInListsAndForeignKeys() throws {
    var (st, _, app) = try Self.setUp()
    #expect(try st.call("deployment.all", Self.obj(["applicationId": "nope"]), now: 1) == [])
    #expect(try st.call("environment.byProjectId", Self.obj(["projectId": "nope"]), now: 1) == [])
    #expect(throws: SandboxError.notFound("Application")) {
      try st.call("application.one", Self.obj(["applicationId": "nope"]), now: 1)
    }
    #expect(throws: SandboxError.notFound("Environment")) {
      try st.call("application.update", Self.obj(["applicationId": .string(app), "environmentId": "nope"]), now: 1)
    }
  }

  /// "`settings.health` is public"; "a missing or bad key gets 401 `{"message":"Unauthorized"}`
  /// before routing, even for unknown paths. tRPC: 401 with message `"UNAUTHORIZED"`."
  @Test func authenticationBeforeRouting() async throws {
    let s = try await SandboxClient.start(apiKey: "k")
    try await withTeardown {
      let unknown = try LoopbackHTTP.request("GET", s.sb.url + "/api/no.such")
      #expect(unknown.status == 401)
      #expect(unknown.body == #"{"message":"Unauthorized"}"#)
      let trpc = try LoopbackHTTP.request("GET", s.sb.url + "/api/trpc/project.all")
      #expect(trpc.status == 401)
      #expect(trpc.json?["error"]?["json"]?["message"] == "UNAUTHORIZED")
      #expect(try LoopbackHTTP.request("GET", s.sb.url + "/api/settings.health").status == 200)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// "REST bodies are limited to 1 MB (Next.js default)"; "paths match case-insensitively;
  /// HEAD answers 204; the wrong method answers 404"; "batching with `?batch=1`".
  @Test func restWireRules() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let big = JSONWriter.compact(["name": .string(String(repeating: "x", count: 1_100_000))])
      let tooBig = try LoopbackHTTP.request("POST", s.sb.url + "/api/project.create", body: big)
      #expect(tooBig.status == 413)
      #expect(tooBig.json?["message"]?.stringValue?.contains("1mb") == true)
      #expect(try LoopbackHTTP.request("GET", s.sb.url + "/api/PROJECT.ALL").status == 200)
      #expect(try LoopbackHTTP.request("HEAD", s.sb.url + "/api/project.all").status == 204)
      #expect(try LoopbackHTTP.request("GET", s.sb.url + "/api/project.create").status == 404)
      let input = JSONWriter.compact(["0": ["json": .null], "1": ["json": ["projectId": "nope"]]])
      let q = input.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
      let batch = try LoopbackHTTP.request("GET", s.sb.url + "/api/trpc/project.all,project.one?batch=1&input=\(q)")
      #expect(batch.json?[0]?["result"]?["data"]?["json"] == [])
      #expect(batch.json?[1]?["error"]?["json"]?["message"] == "Project not found")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// "a required field that may be null must still be present" (issue 12: `saveDockerProvider`
  /// with only `applicationId` returned 200); Zod 4 wording in both wire forms.
  @Test func requiredNullableFieldsMustBePresent() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let r = try s.post("application.saveDockerProvider", ["applicationId": .string(app)])
      #expect(r.status == 400)
      #expect(r.json?["message"] == "Input validation failed")
      let paths = Set(r.json?["issues"]?.arrayValue?.compactMap { $0["path"]?[0]?.stringValue } ?? [])
      #expect(paths == ["dockerImage", "username", "password", "registryUrl"])
      #expect(r.json?["issues"]?[0]?["message"] == "Invalid input: expected string, received undefined")
      let short = try s.post("project.create", ["name": ""])
      #expect(short.json?["issues"]?[0]?["message"] == "Too small: expected string to have >=1 characters")
      let b = try s.trpcPost("application.saveDockerProvider", ["applicationId": .string(app)])
      #expect(b.status == 400)
      #expect(
        b.json?["error"]?["json"]?["message"]?.stringValue?.contains("Invalid input: expected string, received undefined") == true
      )
    } teardown: {
      await s.sb.stop()
    }
  }
}

/// "Build logs stream live over a WebSocket: `/listen-deployment?logPath=…` … sends the file from
/// its first line and then follows it" — the engine API such a route is wired to.
@Suite struct DeploymentLogFollowTests {
  @Test func followStreamsTheLogAsItIsWrittenAndEnds() async throws {
    let engine = try SandboxEngine(deploySeconds: 0.6, queueDelay: 0)
    let created = try #require(try engine.call("project.create", input: ["name": "logs"]))
    let env = try #require(created["environment"]?["environmentId"])
    let app = try #require(try engine.call("application.create", input: ["name": "web", "environmentId": env])?["applicationId"])
    _ = try engine.call(
      "application.saveDockerProvider",
      input: ["applicationId": app, "dockerImage": "nginx:alpine", "username": .null, "password": .null, "registryUrl": .null])
    _ = try engine.call("application.deploy", input: ["applicationId": app])
    let row = try #require(try engine.call("deployment.all", input: ["applicationId": app])?[0])
    let path = try #require(row["logPath"]?.stringValue)
    #expect(throws: SandboxEngine.LogFollowError.invalidLogPath) { try engine.followDeploymentLog(logPath: "/nope.log") }
    var lines: [String] = []
    let started = ContinuousClock.now
    for await line in try engine.followDeploymentLog(logPath: path, poll: .milliseconds(20)) {
      lines.append(line)
      #expect(ContinuousClock.now - started < .seconds(10))
    }
    // The stream ended with the build, holding the whole log in order.
    #expect(lines.first == "Initializing deployment")
    #expect(lines.contains("Pulling nginx:alpine"))
    #expect(lines == engine.deploymentLogLines(deploymentId: row["deploymentId"]?.stringValue ?? ""))
    #expect(try engine.call("application.one", input: ["applicationId": app])?["applicationStatus"] == "done")
  }
}
