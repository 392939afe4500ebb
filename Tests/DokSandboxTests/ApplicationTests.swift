import DokCore
import Foundation
import Testing

@testable import DokSandbox

@Suite struct ApplicationTests {
  func status(_ s: SandboxClient, _ id: String) throws -> String? {
    try s.get("application.one", [("applicationId", id)]).json?["applicationStatus"]?.stringValue
  }

  @Test func deployRunsThenFinishes() async throws {
    let s = try await SandboxClient.start(deploySeconds: 1)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let saved = try s.post(
        "application.saveDockerProvider",
        [
          "applicationId": .string(app), "dockerImage": "nginx:alpine", "username": .null, "password": .null,
          "registryUrl": .null,
        ])
      #expect(saved.status == 200)
      let deploy = try s.post("application.deploy", ["applicationId": .string(app)])
      #expect(deploy.status == 200)
      #expect(deploy.body == "")
      #expect(try status(s, app) == "running")
      let one = try s.get("application.one", [("applicationId", app)]).json
      #expect(one?["deployments"]?[0]?["status"] == "running")
      #expect(one?["domains"] == [])
      #expect(one?["dockerImage"] == "nginx:alpine")
      #expect(one?["sourceType"] == "docker")
      #expect(try await eventually { try status(s, app) == "done" })
      let deps = try s.get("deployment.all", [("applicationId", app)]).json
      #expect(deps?[0]?["status"] == "done")
      #expect(deps?[0]?["finishedAt"]?.stringValue != nil)
      // stop / start return the row as it was before the change (fact: "`start` / `stop` return the row as it was").
      #expect(try s.post("application.stop", ["applicationId": .string(app)]).json?["applicationStatus"] == "done")
      #expect(try status(s, app) == "idle")
      #expect(try s.post("application.start", ["applicationId": .string(app)]).json?["applicationStatus"] == "idle")
      #expect(try status(s, app) == "done")
      // containers reflect running services
      let containers = try s.get("docker.getContainers").json?.arrayValue ?? []
      #expect(containers.contains { $0["image"] == "nginx:alpine" })
    } teardown: {
      await s.sb.stop()
    }
  }

  /// Fact: "A failed build sets status `error` on the deployment and the service; it does NOT
  /// fill `errorMessage` … The build log holds the reason" (`deployment.readLogs`).
  @Test func failingImageAndMissingSourceEndInError() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.1)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let bad = try s.makeApp(env, name: "bad")
      _ = try s.post(
        "application.saveDockerProvider",
        [
          "applicationId": .string(bad), "dockerImage": "acme/will-fail:1", "username": .null, "password": .null,
          "registryUrl": .null,
        ])
      let bare = try s.makeApp(env, name: "bare")
      #expect(try s.post("application.deploy", ["applicationId": .string(bad)]).status == 200)
      #expect(try s.post("application.deploy", ["applicationId": .string(bare)]).status == 200)
      #expect(try await eventually(within: 10) { try status(s, bad) == "error" && status(s, bare) == "error" })
      for id in [bad, bare] {
        #expect(try status(s, id) == "error")
        let d = try s.get("deployment.all", [("applicationId", id)]).json?[0]
        #expect(d?["status"] == "error")
        #expect(d?["errorMessage"] == .null)
        let log = try s.get("deployment.readLogs", [("deploymentId", d?["deploymentId"]?.stringValue ?? ""), ("tail", "100")])
        #expect(log.json?.stringValue?.contains("Error occurred ❌, check the logs for details.") == true)
        if id == bad {
          #expect(
            log.json?.stringValue?.contains(
              "Error response from daemon: pull access denied for acme/will-fail, repository does not exist") == true)
        }
      }
    } teardown: {
      await s.sb.stop()
    }
  }

  /// Fact: "`deployment.all` is newest first; a service keeps 11 deployments"; "`description`
  /// is `""` when none was given".
  @Test func deploymentsNewestFirstKeepEleven() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      for i in 1...13 { _ = try s.post("application.redeploy", ["applicationId": .string(app), "title": .string("d\(i)")]) }
      let deps = try s.get("deployment.all", [("applicationId", app)]).json?.arrayValue ?? []
      #expect(deps.count == 11)
      #expect(deps.first?["title"] == "d13")
      #expect(deps.last?["title"] == "d3")
      #expect(deps.first?["description"] == "")
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func updateAndSaves() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, env) = try s.makeProject()
      let app = try s.makeApp(env)
      #expect(try s.post("application.update", ["applicationId": .string(app), "name": "renamed"]).status == 200)
      let env1 = try s.post(
        "application.saveEnvironment",
        ["applicationId": .string(app), "env": "A=1", "buildArgs": .null, "buildSecrets": .null, "createEnvFile": true])
      #expect(env1.status == 200)
      let bt = try s.post(
        "application.saveBuildType",
        [
          "applicationId": .string(app), "buildType": "dockerfile", "dockerfile": "Dockerfile", "dockerContextPath": .null,
          "dockerBuildStage": .null, "herokuVersion": .null, "railpackVersion": .null,
        ])
      #expect(bt.status == 200)
      let one = try s.get("application.one", [("applicationId", app)]).json
      #expect(one?["name"] == "renamed")
      #expect(one?["env"] == "A=1")
      #expect(one?["buildType"] == "dockerfile")
      let project = try s.get("project.one", [("projectId", pid)]).json
      #expect(project?["environments"]?[0]?["applications"]?[0]?["applicationId"] == .string(app))
      #expect(try s.post("application.reload", ["applicationId": .string(app), "appName": one!["appName"]!]).status == 200)
      #expect(try s.post("application.delete", ["applicationId": .string(app)]).status == 200)
      let gone = try s.get("application.one", [("applicationId", app)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == "Application not found")
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func fiftyConcurrentCreates() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, env) = try s.makeProject()
      try await withThrowingTaskGroup(of: Int.self) { group in
        for i in 0..<50 {
          group.addTask { try s.post("application.create", ["name": .string("app\(i)"), "environmentId": .string(env)]).status }
        }
        for try await code in group { #expect(code == 200) }
      }
      let apps = try s.get("project.one", [("projectId", pid)]).json?["environments"]?[0]?["applications"]?.arrayValue
      #expect(apps?.count == 50)
      #expect(Set(apps?.compactMap { $0["applicationId"]?.stringValue } ?? []).count == 50)
    } teardown: {
      await s.sb.stop()
    }
  }
}

extension JSONObject {
  init(_ json: JSON) { self = json.objectValue ?? JSONObject() }
}

@Suite struct LifecycleDetailTests {
  /// Fact: "One worker: … the queue runs one job at a time for the whole server"; "The
  /// deployment row is created, and the service's status turns `running`, only when the
  /// queue's worker takes the job". Driven with explicit clock values.
  @Test func oneWorkerTakesQueuedDeploysInTurn() throws {
    var st = SandboxState(deploySeconds: 10, queueDelay: 1)
    let env = try #require(try st.call("project.create", JSONObject(["name": "p"]), now: 0)?["environment"]?["environmentId"])
    var input = JSONObject()
    input["name"] = "web"
    input["environmentId"] = env
    let app = try #require(try st.call("application.create", input, now: 0)?["applicationId"])
    input["name"] = "api"
    let other = try #require(try st.call("application.create", input, now: 0)?["applicationId"])
    for id in [app, other] {
      let docker: JSON = [
        "applicationId": id, "dockerImage": "nginx", "username": .null, "password": .null, "registryUrl": .null,
      ]
      _ = try st.call("application.saveDockerProvider", docker.objectValue!, now: 0)
    }
    let ref = JSONObject(["applicationId": app])
    let otherRef = JSONObject(["applicationId": other])
    #expect(try st.call("application.deploy", otherRef, now: 100) == nil)
    _ = try st.call("application.deploy", ref, now: 100.5)
    // Within the queue delay nothing has started.
    let early = try st.call("application.one", otherRef, now: 100.9)
    #expect(early?["applicationStatus"] == "idle")
    #expect(early?["deployments"] == [])
    // The worker runs `other` from 101 to 111; `app` waits behind it.
    #expect(try st.call("application.one", otherRef, now: 105)?["applicationStatus"] == "running")
    let waiting = try st.call("application.one", ref, now: 105)
    #expect(waiting?["applicationStatus"] == "idle")
    #expect(try st.call("deployment.all", ref, now: 105) == [])
    let mid = try st.call("application.one", ref, now: 112)
    #expect(mid?["applicationStatus"] == "running")
    #expect(mid?["deployments"]?[0]?["startedAt"] == .string(Support.iso(111)))
    #expect(try st.call("application.one", otherRef, now: 112)?["applicationStatus"] == "done")
    #expect(try st.call("deployment.all", otherRef, now: 112)?[0]?["finishedAt"] == .string(Support.iso(111)))
    #expect(try st.call("application.one", ref, now: 121.5)?["applicationStatus"] == "done")
  }

  @Test func engineWorksWithoutHTTP() throws {
    let engine = try SandboxEngine(deploySeconds: 0)
    let created = try engine.call("project.create", input: ["name": "direct"])
    let pid = try #require(created?["project"]?["projectId"]?.stringValue)
    #expect(try engine.call("project.one", input: ["projectId": .string(pid)])?["name"] == "direct")
    #expect(throws: SandboxError.notFound("Project")) { try engine.call("project.one", input: ["projectId": "x"]) }
  }
}
