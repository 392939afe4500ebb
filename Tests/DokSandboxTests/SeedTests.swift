import DokCore
import Foundation
import Testing

@testable import DokSandbox

/// `dok sandbox --seed N`: the sandbox's random choices come from a seeded source, so the same
/// calls make the same ids and app names on every run.
@Suite struct SeedTests {
  /// The ids and app names a short session makes: a project, its environment, an application,
  /// a compose and a database, and the sandbox's own organization and user.
  static func session(seed: UInt64?) throws -> [String] {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0, seed: seed, clock: { 1_800_000_000 })
    let project = try #require(try engine.call("project.create", input: ["name": "seeded"]))
    let env = try #require(project["environment"]?["environmentId"])
    let app = try #require(try engine.call("application.create", input: ["name": "web", "environmentId": env]))
    let compose = try #require(try engine.call("compose.create", input: ["name": "stack", "environmentId": env]))
    let redis = try #require(
      try engine.call("redis.create", input: ["name": "cache", "environmentId": env, "databasePassword": "secret"]))
    let own = try #require(try engine.call("user.get", input: nil))
    return [
      project["environment"]?["projectId"], env, app["applicationId"], app["appName"], compose["composeId"], compose["appName"],
      redis["redisId"], redis["appName"], own["organizationId"], own["userId"], project["environment"]?["createdAt"],
    ].map { $0?.stringValue ?? "-" }
  }

  @Test func twoSandboxesWithTheSameSeedMakeTheSameIdsAndAppNames() throws {
    let first = try Self.session(seed: 42)
    let second = try Self.session(seed: 42)
    #expect(first == second)
    #expect(!first.contains("-"))
    #expect(try Self.session(seed: 43) != first)
  }

  @Test func withoutASeedIdsDiffer() throws {
    #expect(try Self.session(seed: nil) != Self.session(seed: nil))
  }

  /// A seeded sandbox resumed from its state file never makes an id it made before.
  @Test func aResumedSeededSandboxMakesNewIds() throws {
    let dir = try StateDurabilityTests.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    func create() throws -> String? {
      let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0, statePath: path, seed: 7)
      return try engine.call("project.create", input: ["name": "p"])?["environment"]?["projectId"]?.stringValue
    }
    let first = try create()
    let second = try create()
    #expect(first != nil && second != nil && first != second)
  }
}
