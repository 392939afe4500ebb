import DokCore
import DokScript
import DokSpec
import Synchronization

/// Follows one deploy to its end, the way a real Dokploy's queue requires: notes the service's
/// existing deployment ids, sends the call, waits for a NEW row to appear (phase "queued": the
/// old status stays visible meanwhile), then follows that row to `done`, `error` or `cancelled`
/// (phase "running") while streaming its build log. Costs one status request per `every`, plus
/// one log stream (or one `deployment.readLogs` per `every` without one).
public struct DeploymentTracker: Sendable {
  public let caller: any ProcedureCaller
  public let catalog: Catalog
  /// The server's log streams (for the build log); nil means polling `deployment.readLogs`.
  public let logStreams: (any LogStreamSource)?
  public let clock: any ScriptClock
  /// Dokploy sends a log from its first line at once: a log socket that stays silent this long
  /// (a proxy holding the upgrade, say) is given up for polling `deployment.readLogs`.
  public var socketSilence = 5.0
  /// Lines of the failed build's log shown with `DEPLOY_FAILED`.
  public static let failureLogLines = 20
  /// Lines asked of `deployment.readLogs` when polling: its real schema's maximum (`tail` is
  /// 1…10,000 in Dokploy's document; a larger value is rejected as invalid input).
  static let pollTail = 10_000
  /// The deployment rows Dokploy keeps per service (older ones are pruned).
  static let keptRows = 11

  public init(
    caller: any ProcedureCaller, catalog: Catalog, logStreams: (any LogStreamSource)?, clock: any ScriptClock = SystemClock()
  ) {
    self.caller = caller
    self.catalog = catalog
    self.logStreams = logStreams
    self.clock = clock
  }

  var hasReadLogs: Bool { catalog.procedure(named: "deployment.readLogs") != nil }

  /// Sends the call and follows its deployment; returns the final row.
  public func deploy(_ request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void) async throws(DeployError)
    -> JSON
  {
    let target = try DeployTarget.resolve(procedure: request.procedure, arguments: request.arguments, catalog: catalog)
    if target.kind == .database {
      return try await DatabaseDeployFollower(tracker: self, target: target, request: request, report: report).run()
    }
    let before = try await rows(target)
    let known = Set(before.compactMap { $0["deploymentId"]?.stringValue })
    var (mark, arguments) = DeployMark.make(request, catalog: catalog)
    if !mark.added { mark.ahead = await ahead(of: mark, target: target, rows: before) }
    if request.tracing, mark.added, let value = mark.value {
      report(.note("sent with description \(JSON.string(value).compactText), added by dok to tell this deploy's row"))
    }
    let start = clock.now()
    do {
      _ = try await caller.call(procedure: request.procedure, arguments: arguments)
    } catch {
      throw .call(error)
    }
    var follow = RowFollower(tracker: self, target: target, request: request, report: report, start: start)
    follow.known = known
    follow.mark = mark
    return try await follow.run()
  }

  /// Whether the server's queue still holds a job of `target` with this mark (waiting or
  /// running); nil when the document has no `deployment.queueList` or it fails.
  func queueHolds(_ mark: DeployMark, target: DeployTarget) async -> Bool? {
    guard catalog.procedure(named: "deployment.queueList") != nil,
      let jobs = try? await caller.call(procedure: "deployment.queueList", arguments: []).arrayValue
    else { return nil }
    return jobs.contains { mark.matches(job: $0, target: target) }
  }

  /// How many jobs with the same mark the server's queue holds for the service before ours (read
  /// after `rows`, just before the call): the waiting ones, and the running one unless its row
  /// is already among `rows`. Nil when the document has no `deployment.queueList` or it fails.
  func ahead(of mark: DeployMark, target: DeployTarget, rows: [JSON]) async -> Int? {
    guard catalog.procedure(named: "deployment.queueList") != nil,
      let jobs = try? await caller.call(procedure: "deployment.queueList", arguments: []).arrayValue
    else { return nil }
    let ours = jobs.filter { mark.matches(job: $0, target: target) }
    let waiting = ours.filter { $0["state"]?.stringValue != "active" }.count
    let running = ours.count - waiting
    let runningRowKnown = rows.contains { $0["status"]?.stringValue == "running" && mark.matches($0) }
    return waiting + (running > 0 && !runningRowKnown ? running : 0)
  }

  /// The service's deployment rows, newest first.
  func rows(_ target: DeployTarget) async throws(DeployError) -> [JSON] {
    let args = target.listArguments.sorted { $0.key < $1.key }.map {
      CallArgument(name: $0.key, value: .value(.string($0.value)))
    }
    do {
      let reply = try await caller.call(procedure: target.listProcedure, arguments: args)
      return reply.arrayValue ?? []
    } catch {
      throw .call(error)
    }
  }

  /// `deployment.readLogs deploymentId=… tail=N` as text (nil when the document lacks it).
  func readLogs(_ deploymentId: String, tail: Int) async throws(CallError) -> String? {
    guard hasReadLogs else { return nil }
    let reply = try await caller.call(
      procedure: "deployment.readLogs",
      arguments: [
        CallArgument(name: "deploymentId", value: .value(.string(deploymentId))),
        CallArgument(name: "tail", value: .value(.number(Double(tail)))),
      ])
    return reply.stringValue ?? ""
  }

  /// The message and notes of a failed deployment: id, title, status and the log's last lines.
  static func failure(_ row: JSON, target: DeployTarget, lastLines: [String], logNote: String?) -> DeployError {
    let id = row["deploymentId"]?.stringValue ?? "?"
    let title = row["title"]?.stringValue ?? ""
    let status = row["status"]?.stringValue ?? "?"
    var notes = ["deployment \(id) \"\(title)\" of \(target.subject) ended with status \(status)"]
    if let err = row["errorMessage"]?.stringValue, !err.isEmpty { notes.append("errorMessage: \(err)") }
    if lastLines.isEmpty {
      notes.append(logNote ?? "the build log is empty")
    } else {
      notes.append("last \(lastLines.count) line\(lastLines.count == 1 ? "" : "s") of the build log:")
      notes += lastLines.map { "  | " + $0 }
    }
    return .failed(
      message: "deploy failed: deployment \(id) ended with status \(status)", notes: notes, deployment: row, log: lastLines)
  }
}
