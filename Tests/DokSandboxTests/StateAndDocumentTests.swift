import DokCore
import Foundation
import Synchronization
import Testing

@testable import DokSandbox

@Suite struct StateAndDocumentTests {
  @Test func stateFileRoundTrip() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s1 = try await SandboxClient.start(deploySeconds: 0.1, statePath: path)
    let (pid, env) = try s1.makeProject("persisted")
    let app = try s1.makeApp(env)
    _ = try s1.post(
      "application.saveDockerProvider",
      ["applicationId": .string(app), "dockerImage": "redis", "username": .null, "password": .null, "registryUrl": .null])
    _ = try s1.post("application.deploy", ["applicationId": .string(app)])
    await s1.sb.stop()
    // Written atomically: only the final file is left, and it is complete JSON.
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(Set(names).isSubset(of: ["state.json", "state.json.journal"]))
    let saved = try JSONParser.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
    #expect(saved["projects"]?[0]?["projectId"] == .string(pid))
    let s2 = try await SandboxClient.start(deploySeconds: 0.1, statePath: path)
    try await withTeardown {
      let one = try s2.get("project.one", [("projectId", pid)]).json
      #expect(one?["name"] == "persisted")
      // The deploy queued before the restart finishes from its timestamps.
      #expect(
        try await eventually(within: 10) {
          try s2.get("application.one", [("applicationId", app)]).json?["applicationStatus"] == "done"
        })
      #expect(try s2.get("deployment.all", [("applicationId", app)]).json?[0]?["status"] == "done")
    } teardown: {
      await s2.sb.stop()
    }
  }

  @Test func openAPIDocumentCoversEveryProcedure() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.get("settings.getOpenApiDocument")
      #expect(r.status == 200)
      let doc = try #require(r.json)
      #expect(doc["openapi"] == "3.1.0")
      #expect(doc["info"]?["title"] == "Dokploy API")
      #expect(doc["servers"]?[0]?["url"] == .string(s.sb.url + "/api"))
      #expect(doc["components"]?["securitySchemes"]?["apiKey"]?["name"] == "x-api-key")
      #expect(paths0(doc) == 597)
      let paths = try #require(doc["paths"]?.objectValue)
      #expect(paths.count == ProcedureTable.all.count)
      for spec in ProcedureTable.all {
        let item = try #require(paths["/" + spec.name], "missing \(spec.name)")
        let op = try #require(item[spec.kind == .query ? "get" : "post"], "wrong method for \(spec.name)")
        #expect(op["operationId"] == .string(spec.name.replacingOccurrences(of: ".", with: "-")))
        // The real document's operations name the generator's default scheme (not accepted by the server).
        #expect(op["security"] == [["Authorization": []]])
      }
      let required = [
        "application.deploy", "project.all", "project.create", "environment.byProjectId", "deployment.all",
        "domain.byComposeId", "redis.saveExternalPort", "settings.health", "docker.getContainers", "user.get",
      ]
      for name in required { #expect(paths["/" + name] != nil) }
      let body = try #require(
        paths["/application.saveDockerProvider"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"])
      let req = body["required"]?.arrayValue ?? []
      for field in ["username", "password", "registryUrl"] {
        #expect(req.contains(.string(field)))
        #expect(body["properties"]?[field] == ["anyOf": [["type": "string"], ["type": "null"]]])
      }
      let one = try #require(paths["/application.one"]?["get"]?["parameters"]?[0])
      #expect(one == ["in": "query", "name": "applicationId", "schema": ["type": "string", "minLength": 1], "required": true])
      let enumSchema = paths["/application.create"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]?[
        "properties"]?["sourceType"]
      #expect(enumSchema?["enum"]?.arrayValue?.contains("docker") == true)
    } teardown: {
      await s.sb.stop()
    }
  }

  private func paths0(_ doc: JSON) -> Int { doc["paths"]?.objectValue?.count ?? 0 }

  @Test func isoDates() {
    #expect(Support.iso(0) == "1970-01-01T00:00:00.000Z")
    #expect(Support.iso(1_700_000_000.5) == "2023-11-14T22:13:20.500Z")
  }
}

@Suite struct DocumentShapeTests {
  @Test func optionalQueryParametersOmitRequired() {
    let doc = OpenAPIDocument.build(serverURL: "http://127.0.0.1:1/api")
    let p = doc["paths"]?["/docker.getContainers"]?["get"]?["parameters"]?[0]
    #expect(p == ["in": "query", "name": "serverId", "schema": ["type": "string"]])
    #expect(doc["paths"]?["/application.deploy"]?["post"]?["requestBody"]?["required"] == true)
    #expect(doc["paths"]?["/project.all"]?["get"]?["parameters"] == nil)
  }
}

@Suite struct StateFileTests {
  /// A reader never sees a torn file while saves of different sizes replace it.
  /// Polls `condition` every millisecond on this thread until it holds or `seconds` pass.
  static func waitUntil(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
      if ContinuousClock.now >= deadline { return false }
      usleep(1000)
    }
    return true
  }

  @Test func readersNeverSeePartialWrites() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = StateFile(path: path)
    try file.save(["n": 0])
    // (done, reads, torn), shared with a reader on its own thread.
    let shared = Mutex((false, 0, 0))
    let finished = Mutex(false)
    let reader = Thread {
      while !shared.withLock({ $0.0 }) {
        let ok = (try? file.load())??["n"]?.numberValue != nil
        shared.withLock {
          $0.1 += 1
          if !ok { $0.2 += 1 }
        }
      }
      finished.withLock { $0 = true }
    }
    reader.start()
    #expect(Self.waitUntil { shared.withLock({ $0.1 }) > 0 })
    for i in 1...60 {
      let big = JSON.array((0..<(i % 2 == 0 ? 5000 : 10)).map { .number(Double($0)) })
      try file.save(["n": .number(Double(i)), "data": big])
    }
    shared.withLock { $0.0 = true }
    #expect(Self.waitUntil { finished.withLock({ $0 }) })
    let (_, reads, torn) = shared.withLock { $0 }
    #expect(reads > 0)
    #expect(torn == 0)
    #expect(try file.load()?["n"] == 60)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
      .filter { $0.hasPrefix(URL(fileURLWithPath: path).lastPathComponent + ".tmp") }
    #expect(leftovers.isEmpty)
  }

  /// A save killed mid-write leaves `FILE.tmp.PID.RANDOM`; the next start removes it (and keeps the
  /// state), but never a live writer's file nor a recent one.
  @Test func aStartRemovesTemporariesOfVanishedWriters() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/state.json"
    let state: JSON = ["format": "dok-sandbox-state", "version": 2, "projects": []]
    try StateFile(path: path).save(state)
    // A pid that is not running: a child that has exited and been reaped.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/true")
    try child.run()
    child.waitUntilExit()
    let gone = child.processIdentifier
    let stale = "state.json.tmp.\(gone).1"
    let live = "state.json.tmp.\(getppid()).2"
    let other = "other.json.tmp.\(gone).3"
    let recent = "state.json.tmp.\(gone + 1_000_000).4"
    let old = Date(timeIntervalSinceNow: -3600)
    for name in [stale, live, other, recent] {
      try Data("{".utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
      if name != recent { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir + "/" + name) }
    }
    _ = try SandboxEngine(statePath: path)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
    // A file written in the last minute may belong to a writer dok cannot see: it stays.
    #expect(left == ["state.json", live, other, recent])
    #expect(try StateFile(path: path).load() == state)
    // The state holds the databases' passwords: owner only.
    #expect(FileIO.mode(of: path) == 0o600)
  }
}
