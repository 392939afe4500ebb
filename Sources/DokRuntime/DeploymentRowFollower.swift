import DokCore
import DokScript

/// The queued → running → end loop of ``DeploymentTracker`` for services with deployment rows.
/// Status requests, the log stream, log polls and the deadline run as child tasks feeding one
/// stream; this loop alone reports, so lines are printed once each, in order, as they arrive.
struct RowFollower {
  let tracker: DeploymentTracker
  let target: DeployTarget
  let request: DeployRequest
  let report: @Sendable (DeployEvent) -> Void
  let start: Double
  /// Deployment ids that existed before the call.
  var known: Set<String> = []
  /// What tells our row from others'.
  var mark = DeployMark(field: nil, value: nil, added: false)

  enum Input: Sendable {
    case rows([JSON]), rowsFailed(CallError), chunk(String), socketEnded(String), polledLog(String), pollFailed(CallError),
      deadline, drained, socketSilent
  }

  private var phase = DeployPhase.queued
  private var row: JSON?
  private var splitter = LineSplitter()
  private var seen = 0
  private var tail: [String] = []
  private var channel = BuildLogChannel.none
  private var lastTransport: CallError?
  private var logNote: String?
  private var tasks: [Task<Void, Never>] = []
  private var socketTask: Task<Void, Never>?
  private var socketChunks = 0

  init(
    tracker: DeploymentTracker, target: DeployTarget, request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void,
    start: Double
  ) {
    self.tracker = tracker
    self.target = target
    self.request = request
    self.report = report
    self.start = start
  }

  private var deploymentId: String? { row?["deploymentId"]?.stringValue }
  private var status: String { row?["status"]?.stringValue ?? "running" }

  mutating func run() async throws(DeployError) -> JSON {
    let (stream, input) = AsyncStream<Input>.makeStream()
    defer {
      for t in tasks { t.cancel() }
      input.finish()
    }
    let tracker = self.tracker, target = self.target, every = request.every, timeout = request.timeout
    tasks.append(
      Task {
        while !Task.isCancelled {
          do throws(DeployError) {
            input.yield(.rows(try await tracker.rows(target)))
          } catch {
            if case .call(let e) = error { input.yield(.rowsFailed(e)) }
          }
          do { try await tracker.clock.sleep(seconds: every) } catch { return }
        }
      })
    tasks.append(
      Task {
        do { try await tracker.clock.sleep(seconds: timeout) } catch { return }
        input.yield(.deadline)
      })
    progress(finished: false)
    var finishing = false
    for await event in stream {
      if Task.isCancelled { break }
      switch event {
      case .rows(let list):
        lastTransport = nil
        if finishing { continue }
        if phase == .queued {
          switch mark.choose(fresh(list)) {
          case .ours(let r):
            row = r
            phase = .running
            startLog(input)
          case .notYet:
            // Rows appear in queue order: as many new rows as a service keeps, none ours, and our
            // job gone from the queue means ours came and was pruned before a poll saw it.
            if fresh(list).count >= DeploymentTracker.keptRows, await tracker.queueHolds(mark, target: target) == false,
              let again = try? await tracker.rows(target), case .notYet = mark.choose(fresh(again))
            {
              throw neverSeen()
            }
          case .ambiguous(let candidates): throw ambiguous(candidates)
          }
        } else if phase == .running, let id = deploymentId {
          guard let r = list.first(where: { $0["deploymentId"]?.stringValue == id }) else { throw lost() }
          row = r
          // Without the queue's word, a second row with the same mark means either could be ours.
          if !mark.added, mark.ahead == nil, case .ambiguous(let candidates) = mark.choose(fresh(list)) {
            throw ambiguous(candidates)
          }
        }
        if phase == .running, ["done", "error", "cancelled"].contains(status) {
          finishing = true
          if tracker.hasReadLogs || channel != .stream {
            await catchUp()
            return try end()
          }
          // A stream only: let the last frames arrive (a quiet half second), then end.
          tasks.append(
            Task {
              do { try await tracker.clock.sleep(seconds: 0.5) } catch { return }
              input.yield(.drained)
            })
        } else {
          progress(finished: false)
        }
      case .rowsFailed(let e):
        guard e.kind == .transport else { throw .call(e) }
        lastTransport = e
      case .chunk(let text):
        guard channel == .stream else { continue }
        socketChunks += 1
        for line in splitter.feed(text) { emit(line) }
      case .socketSilent:
        if channel == .stream, socketChunks == 0, !finishing {
          fallBack(from: "no log line arrived over the log stream in \(Durations.format(tracker.socketSilence))", input)
        }
      case .socketEnded(let why):
        if finishing { return try end() }
        fallBack(from: why, input)
      case .polledLog(let text):
        let lines = LineSplitter.lines(of: text)
        if lines.count > seen { for line in lines[seen...] { emit(line) } }
      case .pollFailed(let e):
        if e.kind == .transport {
          lastTransport = e
        } else {
          channel = .none
          note("reading the build log failed (\(e.message)): following the status only")
        }
      case .drained:
        if finishing { return try end() }
      case .deadline:
        throw timedOut()
      }
    }
    progress(finished: true)
    let which = deploymentId.map { "deployment \($0) of \(target.subject)" } ?? "the deploy of \(target.subject)"
    report(.note("stopped following \(which): the deploy goes on on the server"))
    throw .cancelled
  }

  /// The new rows (not there before the call), oldest first.
  private func fresh(_ list: [JSON]) -> [JSON] {
    list.filter { r in r["deploymentId"]?.stringValue.map { !known.contains($0) } ?? false }.reversed()
  }

  /// Two new rows could be ours and nothing tells them apart: say so with both, never guess.
  private func ambiguous(_ candidates: [JSON]) -> DeployError {
    var notes = candidates.map { r in
      "candidate: deployment \(r["deploymentId"]?.stringValue ?? "?") \"\(r["title"]?.stringValue ?? "")\" "
        + "description \(JSON.string(r["description"]?.stringValue ?? "").compactText), \(r["status"]?.stringValue ?? "?")"
    }
    notes.append("the deploy goes on on the server; dok stopped following it")
    notes.append(
      "hint: leave out description= (dok then adds a unique one), or give one no other deploy of \(target.subject) uses")
    return .unfollowable(
      code: "DEPLOY_AMBIGUOUS",
      message:
        "deploy cannot tell which of \(candidates.count) new deployments of \(target.subject) its call queued "
        + "(all carry \(mark.wording))",
      notes: notes, rows: candidates)
  }

  /// Our job left the queue but its row was never listed: pruned before a poll saw it.
  private func neverSeen() -> DeployError {
    .unfollowable(
      code: "DEPLOY_LOST",
      message:
        "the deployment of \(target.subject) carrying \(mark.wording) never appeared in \(target.listProcedure) "
        + "and its job has left the server's queue: its end is unknown",
      notes: [
        "Dokploy keeps a service's last \(DeploymentTracker.keptRows) deployments; newer deploys pruned it before dok saw it",
        "hint: a shorter `every` polls more often",
      ], rows: [])
  }

  /// Our row left the list while we followed it (a service keeps 11 deployments).
  private func lost() -> DeployError {
    .unfollowable(
      code: "DEPLOY_LOST",
      message:
        "deployment \(deploymentId ?? "?") of \(target.subject) is no longer listed by \(target.listProcedure): "
        + "its end is unknown",
      notes: [
        "Dokploy keeps a service's last \(DeploymentTracker.keptRows) deployments; newer deploys (or deployment.remove) dropped this one",
        "the last status seen was \(status)",
      ], rows: row.map { [$0] } ?? [])
  }

  private mutating func startLog(_ input: AsyncStream<Input>.Continuation) {
    let logPath = row?["logPath"]?.stringValue ?? ""
    channel = BuildLogChannel.preferred(hasStream: tracker.logStreams != nil, hasReadLogs: tracker.hasReadLogs)
    if channel == .stream, logPath.isEmpty { channel = tracker.hasReadLogs ? .polling : .none }
    switch channel {
    case .stream:
      let streams = tracker.logStreams!
      let clock = tracker.clock, silence = tracker.socketSilence
      let serverId = row?["serverId"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
      tasks.append(
        Task {
          do { try await clock.sleep(seconds: silence) } catch { return }
          input.yield(.socketSilent)
        })
      socketTask = Task {
        do {
          let end = try await streams.followBuildLog(logPath: logPath, serverId: serverId) { input.yield(.chunk($0)) }
          input.yield(.socketEnded(end == .refused ? "the server refused the log path" : "the server closed the log stream"))
        } catch {
          input.yield(.socketEnded("the log stream could not be opened: \(error)"))
        }
      }
      tasks.append(socketTask!)
    case .polling:
      startPolling(input)
    case .none:
      let whereText = logPath.isEmpty ? "" : " (\(logPath) on the server)"
      note(
        "this server's API document has no deployment.readLogs and no log stream is open: following the status only; "
          + "the build log can be read in Dokploy's web UI under the deployment\(whereText)")
    }
  }

  private mutating func startPolling(_ input: AsyncStream<Input>.Continuation) {
    guard let id = deploymentId else { return }
    channel = .polling
    let tracker = self.tracker, every = request.every
    tasks.append(
      Task {
        while !Task.isCancelled {
          do throws(CallError) {
            if let text = try await tracker.readLogs(id, tail: DeploymentTracker.pollTail) { input.yield(.polledLog(text)) }
          } catch {
            input.yield(.pollFailed(error))
          }
          do { try await tracker.clock.sleep(seconds: every) } catch { return }
        }
      })
  }

  private mutating func fallBack(from why: String, _ input: AsyncStream<Input>.Continuation) {
    guard channel == .stream else { return }
    socketTask?.cancel()
    // Lines are counted from the log's first line either way; a partial last line is read again.
    splitter = LineSplitter()
    if tracker.hasReadLogs {
      if seen == 0 { note("\(why): reading the build log with deployment.readLogs instead") }
      startPolling(input)
    } else {
      channel = .none
      let logPath = row?["logPath"]?.stringValue ?? ""
      let whereText = logPath.isEmpty ? "" : " (\(logPath) on the server)"
      note(
        "\(why); this server's API document has no deployment.readLogs: following the status only; "
          + "the build log can be read in Dokploy's web UI under the deployment\(whereText)")
    }
  }

  /// After the end: the lines not seen yet, from `deployment.readLogs` when the document has it.
  private mutating func catchUp() async {
    if let id = deploymentId, tracker.hasReadLogs, channel != .none || seen == 0,
      let text = try? await tracker.readLogs(id, tail: DeploymentTracker.pollTail)
    {
      let lines = LineSplitter.lines(of: text)
      if lines.count > seen { for line in lines[seen...] { emit(line) } }
      splitter = LineSplitter()
    }
  }

  private mutating func end() throws(DeployError) -> JSON {
    for line in splitter.feed("\n") where !line.isEmpty { emit(line) }
    progress(finished: true)
    guard let row else { throw .cancelled }
    if status == "done" { return row }
    let note = logNote ?? (row["logPath"]?.stringValue).map { "no build log was read; it is at \($0) on the server" }
    throw DeploymentTracker.failure(row, target: target, lastLines: tail, logNote: note)
  }

  private func timedOut() -> DeployError {
    let elapsed = Durations.format(tracker.clock.now() - start)
    var notes: [String] = []
    let message: String
    switch phase {
    case .queued:
      message = "deploy timed out after \(elapsed) in phase queued: no new deployment of \(target.subject) appeared"
      notes.append("the server's queue runs one deploy at a time; this one may still be waiting behind other deploys")
    case .running:
      message =
        "deploy timed out after \(elapsed) in phase running: deployment \(deploymentId ?? "?") of \(target.subject) is still \(status)"
    }
    notes.append("the deploy goes on on the server; dok stopped following it")
    if let lastTransport { notes.append("last status request failed: \(lastTransport.message)") }
    return .timeout(message: message, notes: notes)
  }

  private mutating func emit(_ line: String) {
    seen += 1
    tail.append(line)
    if tail.count > DeploymentTracker.failureLogLines { tail.removeFirst(tail.count - DeploymentTracker.failureLogLines) }
    report(.log(line))
  }

  private mutating func note(_ text: String) {
    logNote = text
    report(.note(text))
  }

  private func progress(finished: Bool) {
    var subject = target.subject
    if let id = deploymentId { subject += ": deployment \(id) \"\(row?["title"]?.stringValue ?? "")\" \(status)" }
    report(
      .progress(
        DeployProgress(
          location: request.location, phase: phase, elapsed: tracker.clock.now() - start, subject: subject, finished: finished)))
  }
}
