import DokCore
import DokployDocument
import Foundation
import Testing

@testable import DokSandbox

/// Every documented procedure has a handler and answers like the real one: never "not found"
/// for itself, never a 5xx.
@Suite struct ProcedureCatalogTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func generatedTableMatchesTheCode() throws {
    let path = Self.root.appendingPathComponent("docs/sandbox-procedures.md").path
    let generated = ProcedureCatalog.markdown()
    if ProcessInfo.processInfo.environment["DOK_UPDATE_SANDBOX_TABLE"] == "1" {
      try Data(generated.utf8).write(to: URL(fileURLWithPath: path))
    }
    let committed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    #expect(
      committed == generated,
      "docs/sandbox-procedures.md is stale: DOK_UPDATE_SANDBOX_TABLE=1 swift test --filter ProcedureCatalogTests")
    #expect(generated.split(separator: "\n").filter { $0.hasPrefix("| `") }.count == DokployDocument.operationCount)
  }

  /// A sample input that the procedure's schema accepts where it can be built (ids are made up).
  static func sample(_ s: Schema) -> JSON {
    if let d = s.defaultValue { return d }
    if let c = s.constValue { return c }
    if let e = s.enumValues?.first { return e }
    if let branches = s.anyOf ?? s.oneOf {
      return sample(branches.first { $0.type != "null" } ?? branches[0])
    }
    switch s.type {
    case "object":
      var o = JSONObject()
      for (k, p) in s.properties ?? [] where s.required.contains(k) { o[k] = sample(p) }
      return .object(o)
    case "array": return .array(Array(repeating: s.items.map(sample) ?? .null, count: s.minItems ?? 0))
    case "number", "integer":
      return .number(max(s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1))
    case "boolean": return false
    case "null": return .null
    default:
      if s.format == "email" { return "a@example.com" }
      if s.format == "uri" || s.format == "url" { return "https://example.com" }
      return .string(String(repeating: "a", count: max(s.minLength ?? 1, 1)))
    }
  }

  @Test func everyProcedureAnswers() throws {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    var answered = 0
    var problems: [String] = []
    for spec in ProcedureTable.all {
      let input = spec.input.map(Self.sample)
      do {
        _ = try engine.call(spec, input: input)
        answered += 1
      } catch {
        if error.message.hasPrefix("No procedure found") || (error.code == .NOT_FOUND && error.message == "Not found") {
          problems.append("\(spec.name): answers not found for itself")
        }
        // A 500 only where the real router answers one (recorded with its source line).
        if error.code.httpStatus >= 500, !Self.recordsServerError(spec.name, error) {
          problems.append("\(spec.name): \(error.code) \(error.message)")
        }
      }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    // Most procedures take made-up ids and answer 404 "<Thing> not found"; the rest answer 200.
    #expect(answered > 150, "only \(answered) answered 200")
  }

  /// True when the recorded real reply of `name` is this 500 (e.g. `licenseKey.activate`, which
  /// wraps its own 400 in a 500).
  static func recordsServerError(_ name: String, _ error: SandboxError) -> Bool {
    // A hand-written router's 500, read from the real router (`SandboxState.routerServerErrors`).
    if let known = SandboxState.routerServerErrors[name] {
      return error.code == .INTERNAL_SERVER_ERROR && error.message.hasPrefix(known.message)
    }
    guard case .recorded(let reply)? = Routers.byName[name]?.handler, case .error(let code, let message) = reply.kind else {
      return false
    }
    return code == error.code && message == error.message
  }

  /// No reply is guessed from a procedure's name: every procedure answered with a fixed shape
  /// has a reply read from Dokploy's source, from tables.json or recorded in its declaration,
  /// with the file and line it was read at.
  @Test func everyFixedShapeProcedureHasARecordedReplyWithItsSource() throws {
    var missing: [String] = []
    let sourceForm = try Regex(#"^(routers|server|services|utils|lib)/[A-Za-z0-9/._-]+\.ts:[0-9]+$"#)
    var fixed = 0
    for spec in ProcedureTable.all where ProcedureCatalog.kind(of: spec.name) == .fixedShape {
      fixed += 1
      guard let (_, source) = ProcedureCatalog.replySource(of: spec.name) else {
        missing.append("\(spec.name): no recorded reply")
        continue
      }
      if source.wholeMatch(of: sourceForm) == nil { missing.append("\(spec.name): source \(source)") }
    }
    #expect(fixed > 300)
    #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
  }

  /// A procedure without a declaration, or without a reply tables.json states, answers a 500
  /// that names it (there is no fallback guess).
  @Test func aProcedureWithoutARecordedReplyIsNotGuessed() throws {
    var state = SandboxState(deploySeconds: 0)
    #expect(throws: SandboxError(.INTERNAL_SERVER_ERROR, "The sandbox declares no procedure settings.nothing")) {
      try state.call("settings.nothing", JSONObject(), now: 0)
    }
    #expect(throws: SandboxState.noReply("settings.nothing")) {
      try state.generic("settings.nothing", JSONObject(), now: 0)
    }
  }

  @Test func declarativeTablesKeepRowsWithDefaultsAndCheckForeignKeys() throws {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    let server = try #require(
      try engine.call(
        "server.create",
        input: [
          "name": "edge", "description": .null, "ipAddress": "10.0.0.2", "port": 22, "username": "root", "sshKeyId": .null,
          "serverType": "deploy",
        ]))
    let id = try #require(server["serverId"]?.stringValue)
    #expect(id.count == 21)
    let one = try #require(try engine.call("server.one", input: ["serverId": .string(id)]))
    #expect(one["serverStatus"] == "active")
    #expect(one["appName"]?.stringValue?.hasPrefix("server-") == true)
    #expect(one["deployments"] == [])
    #expect(try engine.call("server.all", input: nil)?.arrayValue?.count == 1)
    #expect(throws: SandboxError.notFound("Server")) { try engine.call("server.one", input: ["serverId": "nope"]) }
    // A foreign key naming no row fails like the real server.
    #expect(throws: SandboxError.notFound("SshKey")) {
      try engine.call(
        "server.update",
        input: [
          "serverId": .string(id), "name": "edge", "description": .null, "ipAddress": "10.0.0.2", "port": 22,
          "username": "root", "sshKeyId": "missing", "serverType": "deploy",
        ])
    }
    _ = try engine.call("server.remove", input: ["serverId": .string(id)])
    #expect(try engine.call("server.all", input: nil) == [])
  }
}

/// `notification.createSlack` & co. keep a notification row linked to its channel's row.
@Suite struct ChildRowTests {
  @Test func notificationWithItsChannel() throws {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    let input: JSON = [
      "appBuildError": true, "databaseBackup": false, "dokployBackup": false, "volumeBackup": false,
      "dokployRestart": false, "name": "ops", "appDeploy": true, "dockerCleanup": false, "serverThreshold": false,
      "webhookUrl": "https://hooks.example/x", "channel": "#ops",
    ]
    // Void, as on the real server.
    #expect(try engine.call("notification.createSlack", input: input) == nil)
    let all = try #require(try engine.call("notification.all", input: nil)?.arrayValue)
    #expect(all.count == 1)
    let n = try #require(all.first)
    #expect(n["notificationType"] == "slack")
    let id = try #require(n["notificationId"]?.stringValue)
    let one = try engine.call("notification.one", input: ["notificationId": .string(id)])
    #expect(one?["slack"]?["webhookUrl"] == "https://hooks.example/x")
    var update = input.objectValue!
    update["notificationId"] = .string(id)
    update["slackId"] = n["slackId"]
    update["organizationId"] = n["organizationId"]
    update["channel"] = "#alerts"
    _ = try engine.call("notification.updateSlack", input: .object(update))
    #expect(try engine.call("notification.one", input: ["notificationId": .string(id)])?["slack"]?["channel"] == "#alerts")
  }
}
