import DokCore
import DokScript

/// A database's `deploy` runs inside the request (it pulls the image and creates the service)
/// and leaves no deployment row: this follows `<kind>.one` until `applicationStatus` is `done`
/// or `error`, one request per `every`. The result is that row.
struct DatabaseDeployFollower {
  let tracker: DeploymentTracker
  let target: DeployTarget
  let request: DeployRequest
  let report: @Sendable (DeployEvent) -> Void

  func run() async throws(DeployError) -> JSON {
    let clock = tracker.clock
    let start = clock.now()
    do {
      _ = try await tracker.caller.call(procedure: request.procedure, arguments: request.arguments)
    } catch {
      if Task.isCancelled { throw .cancelled }
      // A failed build: the server set `error` on the row and answered 500 ("Error on deploy postgres…").
      if error.kind == .api, (error.httpStatus ?? 0) >= 500 { throw await failedInRequest(error, since: start) }
      // A slow image pull can outlast the request's --timeout while the deploy goes on: follow the row.
      guard error.kind == .transport, error.message.contains("(--timeout)") else { throw .call(error) }
      report(.note("\(request.procedure) got no reply in time (\(error.message)); following \(target.oneProcedure) instead"))
    }
    let args = [CallArgument(name: target.idParameter, value: .value(.string(target.id)))]
    var lastTransport: CallError?
    var status = "?"
    while true {
      if Task.isCancelled { break }
      do {
        let row = try await tracker.caller.call(procedure: target.oneProcedure, arguments: args)
        lastTransport = nil
        status = row["applicationStatus"]?.stringValue ?? "?"
        if status == "done" {
          progress(start, status, finished: true)
          return row
        }
        if status == "error" {
          progress(start, status, finished: true)
          let name = row["name"]?.stringValue ?? target.id
          throw DeployError.failed(
            message: "deploy failed: \(target.service) \(name) ended with applicationStatus error",
            notes: [
              "databases keep no build log in deployment rows; \(target.service).readLogs or `dok logs \(target.service) \(target.id)` shows the container's log"
            ],
            deployment: row, log: [])
        }
      } catch let error as DeployError {
        throw error
      } catch let error as CallError {
        if Task.isCancelled { break }
        guard error.kind == .transport else { throw .call(error) }
        lastTransport = error
      } catch {
        break
      }
      progress(start, status, finished: false)
      let elapsed = clock.now() - start
      if elapsed >= request.timeout {
        var notes = ["the service may still be starting on the server"]
        if let lastTransport { notes.append("last status request failed: \(lastTransport.message)") }
        throw .timeout(
          message: "deploy timed out after \(Durations.format(elapsed)) in phase running: \(target.subject) is still \(status)",
          notes: notes)
      }
      do { try await clock.sleep(seconds: min(request.every, request.timeout - elapsed)) } catch { break }
    }
    progress(start, status, finished: true)
    report(.note("stopped following \(target.subject): the deploy goes on on the server"))
    throw .cancelled
  }

  /// The deploy call answered a server error: `DEPLOY_FAILED` with the row when its status is
  /// `error`, with the log `<kind>.readLogs` offers (if the document has it); else the call's error.
  private func failedInRequest(_ error: CallError, since start: Double) async -> DeployError {
    let idArgument = CallArgument(name: target.idParameter, value: .value(.string(target.id)))
    guard let row = try? await tracker.caller.call(procedure: target.oneProcedure, arguments: [idArgument]),
      row["applicationStatus"]?.stringValue == "error"
    else { return .call(error) }
    var log: [String] = []
    var logNote = "\(target.service).readLogs is not in this server's API document"
    let readLogs = "\(target.service).readLogs"
    if tracker.catalog.procedure(named: readLogs) != nil {
      let tail = CallArgument(name: "tail", value: .value(.number(Double(DeploymentTracker.failureLogLines))))
      do {
        let text = try await tracker.caller.call(procedure: readLogs, arguments: [idArgument, tail]).stringValue ?? ""
        log = LineSplitter.lines(of: text)
        logNote = "\(readLogs) returned no lines"
      } catch {
        logNote = "\(readLogs) failed: \(error.message)"
      }
    }
    let name = row["name"]?.stringValue ?? target.id
    var notes = ["\(request.procedure) answered \(error.httpStatus ?? 500): \(error.message)"]
    if log.isEmpty {
      notes.append(logNote)
    } else {
      notes.append("last \(log.count) line\(log.count == 1 ? "" : "s") of \(readLogs):")
      notes += log.map { "  | " + $0 }
    }
    progress(start, "error", finished: true)
    return .failed(
      message: "deploy failed: \(target.service) \(name) ended with applicationStatus error", notes: notes, deployment: row,
      log: log)
  }

  private func progress(_ start: Double, _ status: String, finished: Bool) {
    report(
      .progress(
        DeployProgress(
          location: request.location, phase: .running, elapsed: tracker.clock.now() - start,
          subject: "\(target.subject) (\(status))",
          finished: finished)))
  }
}
