import DokCore
import DokScript
import Foundation
import Synchronization

/// A closure-backed host: procedures answer from a table; the check knows their parameters.
final class FakeHost: ScriptHost {
  struct Procedure: Sendable {
    var params: [String]
    var required: [String] = []
    var handler: @Sendable (_ args: [CallArgument], _ attempt: Int) throws(CallError) -> JSON
  }

  let procedures: [String: Procedure]
  let manualClock: ManualClock
  let counters = Mutex<[String: Int]>([:])
  let received = Mutex<[(String, [CallArgument])]>([])
  let env: [String: String]
  let decision: FailureDecision
  let failures = Mutex<[ScriptFailure]>([])

  init(
    procedures: [String: Procedure] = FakeHost.standard, env: [String: String] = ["DOK_TEST_ENV": "hello"],
    decision: FailureDecision = .abort
  ) {
    self.procedures = procedures
    self.manualClock = ManualClock()
    self.env = env
    self.decision = decision
  }

  var clock: any ScriptClock { manualClock }
  func environment(_ name: String) -> String? { env[name] }
  func onFailure(_ failure: ScriptFailure) -> FailureDecision {
    failures.withLock { $0.append(failure) }
    return decision
  }

  var calls: [(String, [CallArgument])] { received.withLock { $0 } }

  /// Sends the call, then "follows" the deployment: `applicationId=fails` ends in `error`,
  /// `applicationId=slow` times out, anything else is `done`.
  func deploy(_ request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void) async throws(DeployError) -> JSON {
    do { _ = try await call(procedure: request.procedure, arguments: request.arguments, location: request.location) } catch {
      throw .call(error)
    }
    switch FakeHost.arg(request.arguments, "applicationId") {
    case "fails":
      let row: JSON = ["deploymentId": "d1", "status": "error"]
      throw .failed(
        message: "deployment d1 ended with status error", notes: ["ERROR: pull access denied"], deployment: row, log: [])
    case "slow": throw .timeout(message: "deploy still queued after 1s", notes: [])
    default: return ["deploymentId": "d1", "status": "done"]
    }
  }

  func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
    guard let p = procedures[procedure] else {
      throw CallError(kind: .argument, procedure: procedure, message: "unknown procedure \(procedure)")
    }
    received.withLock { $0.append((procedure, arguments)) }
    let n = counters.withLock { c -> Int in
      c[procedure, default: 0] += 1
      return c[procedure]!
    }
    return try p.handler(arguments, n)
  }

  func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic] {
    guard let p = procedures[procedure] else {
      let notes = Suggest.closest(to: procedure, in: procedures.keys, limit: 1).map { "did you mean '\($0)'?" }
      return [Diagnostic(.error, "unknown procedure '\(procedure)'", at: location, notes: notes)]
    }
    var out: [Diagnostic] = []
    for a in arguments where !p.params.contains(a.name) {
      let notes = Suggest.closest(to: a.name, in: p.params, limit: 1).map { "did you mean '\($0)'?" }
      out.append(Diagnostic(.error, "unknown parameter '\(a.name)' for \(procedure)", at: a.location ?? location, notes: notes))
    }
    for r in p.required where !arguments.contains(where: { $0.name == r }) {
      out.append(Diagnostic(.error, "missing required parameter '\(r)' for \(procedure)", at: location))
    }
    for a in arguments where a.name == "replicas" {
      if case .bare(let w) = a.value, Double(w) == nil {
        out.append(Diagnostic(.error, "replicas: expected an integer, got '\(w)'", at: a.location ?? location))
      }
    }
    return out
  }

  /// Describes how an argument was written: `bare:3`, `value:"x"`, `json:[1]`, `file:.env`, `deferred`.
  static func describe(_ a: CallArgument) -> JSON {
    switch a.value {
    case .bare(let w): .string("bare:\(w)")
    case .value(let v): .string("value:\(v.compactText)")
    case .json(let t): .string("json:\(t)")
    case .file(let p): .string("file:\(p)")
    case .deferred: .string("deferred")
    }
  }

  static func arg(_ args: [CallArgument], _ name: String) -> String? {
    guard let a = args.first(where: { $0.name == name }) else { return nil }
    switch a.value {
    case .bare(let w): return w
    case .value(let v): return v.stringValue ?? v.compactText
    default: return nil
    }
  }

  static let standard: [String: Procedure] = [
    "echo.args": Procedure(params: ["a", "b", "c", "d", "e", "f", "g", "name", "replicas", "title", "env", "ports", "flag"]) {
      (args: [CallArgument], _: Int) throws(CallError) -> JSON in
      var o = JSONObject()
      for a in args { o[a.name] = describe(a) }
      return .object(o)
    },
    "application.one": Procedure(params: ["applicationId"], required: ["applicationId"]) {
      (args: [CallArgument], n: Int) throws(CallError) -> JSON in
      let id = arg(args, "applicationId") ?? "?"
      if id == "missing" {
        throw CallError(
          kind: .api, procedure: "application.one", message: "Application not found", code: "NOT_FOUND", httpStatus: 404)
      }
      return [
        "applicationId": .string(id), "name": "web", "applicationStatus": n >= 3 ? "done" : "running",
        "attempt": .number(Double(n)),
      ]
    },
    "application.stuck": Procedure(params: ["applicationId"]) { (_: [CallArgument], n: Int) throws(CallError) -> JSON in
      ["applicationStatus": "running", "attempt": .number(Double(n))]
    },
    "application.deploy": Procedure(params: ["applicationId", "title"], required: ["applicationId"]) { _, _ in .null },
    "application.create": Procedure(params: ["name", "environmentId"], required: ["name"]) {
      (args: [CallArgument], _: Int) throws(CallError) -> JSON in
      [
        "applicationId": "app-1", "name": .string(arg(args, "name") ?? ""),
        "environmentId": .string(arg(args, "environmentId") ?? ""),
      ]
    },
    "project.all": Procedure(params: []) { (_: [CallArgument], _: Int) throws(CallError) -> JSON in
      [
        ["projectId": "p1", "name": "alpha", "environments": [["environmentId": "e1", "name": "production"]]],
        [
          "projectId": "p2", "name": "beta",
          "environments": [["environmentId": "e2", "name": "staging"], ["environmentId": "e3", "name": "production"]],
        ],
      ]
    },
    "deployment.all": Procedure(params: ["applicationId"]) { (_: [CallArgument], _: Int) throws(CallError) -> JSON in
      [["status": "done", "title": "first"], ["status": "error", "title": "second"]]
    },
    "fail.api": Procedure(params: ["x"]) { (_: [CallArgument], _: Int) throws(CallError) -> JSON in
      throw CallError(
        kind: .api, procedure: "fail.api", message: "Input validation failed", code: "BAD_REQUEST", httpStatus: 400,
        issues: [.init(path: "name", message: "Required")])
    },
    "fail.transport": Procedure(params: []) { (_: [CallArgument], _: Int) throws(CallError) -> JSON in
      throw CallError(kind: .transport, procedure: "fail.transport", message: "connection refused")
    },
    "fail.argument": Procedure(params: ["replicas"]) { (_: [CallArgument], _: Int) throws(CallError) -> JSON in
      throw CallError(
        kind: .argument, procedure: "fail.argument", message: "replicas: expected integer, got string", parameter: "replicas")
    },
    "flaky.one": Procedure(params: []) { (_: [CallArgument], n: Int) throws(CallError) -> JSON in
      if n <= 2 { throw CallError(kind: .transport, procedure: "flaky.one", message: "timed out") }
      return ["status": "ok", "attempt": .number(Double(n))]
    },
    "deploys.list": Procedure(params: []) { (_: [CallArgument], n: Int) throws(CallError) -> JSON in
      n < 3 ? ["deployments": []] : ["deployments": [["status": "done"]]]
    },
    "counter.next": Procedure(params: []) { _, n in .number(Double(n)) },
    "empty.reply": Procedure(params: []) { _, _ in .null },
  ]
}

/// Collects everything a run sends out.
final class RecordingSink: ScriptSink {
  var printed: [String] = []
  var traces: [TraceEvent] = []
  var progress: [WaitProgress] = []
  var results: [(JSON, Int?)] = []
  var calls: [CallEvent] = []
  var diagnostics: [Diagnostic] = []

  func print(_ line: String) { printed.append(line) }
  func trace(_ event: TraceEvent) { traces.append(event) }
  func waitProgress(_ progress: WaitProgress) { self.progress.append(progress) }
  func result(_ value: JSON, index: Int?) { results.append((value, index)) }
  func call(_ event: CallEvent) { calls.append(event) }
  func diagnostic(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
