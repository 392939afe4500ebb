import DokClient
import DokCore
import DokLive
import DokRuntime
import DokScript
import DokSpec
import DokTestDokploy
import Foundation
import Synchronization

/// `dok-bench deploy`: following a deploy on a server that queues like Dokploy, beside the naive
/// polling loop, and how soon a build-log line written on the server reaches dok's output.
enum DeployBenchmark {
  final class Arrivals: Sendable {
    let store = Mutex<[(String, UInt64)]>([])
    func add(_ line: String) { store.withLock { $0.append((line, nowNanos())) } }
    var all: [(String, UInt64)] { store.withLock { $0 } }
  }

  static func run() async throws {
    var o = QueueingDokploy.Options()
    o.queueDelay = 1
    o.buildSeconds = 3
    let server = try await QueueingDokploy.start(o)
    let catalog = try SpecLoader.catalog(from: QueueingDokploy.document())
    let session = DokSession(
      connection: Connection(baseURL: server.url + "/api", apiKey: o.apiKey), catalog: catalog, retry: RetryPolicy(maxRetries: 0))
    let every = 0.5
    let app = server.addApplication()
    server.seedDeployments(app, count: 1)

    // 1. dok's deploy: status requests per `every`, plus one log stream.
    let tracker = DeploymentTracker(caller: session, catalog: catalog, logStreams: session.logStreams)
    let args = [CallArgument(name: "applicationId", value: .value(.string(app)))]
    let loc = SourceLocation(file: "bench", line: 1, column: 1)
    let t0 = nowNanos()
    let row = try await tracker.deploy(
      DeployRequest(procedure: "application.deploy", arguments: args, every: every, timeout: 60, location: loc)
    ) { _ in }
    let seconds = Double(nowNanos() - t0) / 1e9
    let statusRequests = server.requests("deployment.all")
    let logRequests = server.requests("deployment.readLogs")

    // 2. The naive loop: deploy, then poll the service's status until done or error.
    let before = server.requests("application.one")
    let n0 = nowNanos()
    _ = try await session.call(procedure: "application.redeploy", arguments: args)
    var naiveAnswer = ""
    while true {
      let r = try await session.call(procedure: "application.one", arguments: args)
      naiveAnswer = r["applicationStatus"]?.stringValue ?? ""
      if ["done", "error"].contains(naiveAnswer) { break }
      try await Task.sleep(for: .seconds(every))
    }
    let naiveSeconds = Double(nowNanos() - n0) / 1e9
    let naiveRequests = server.requests("application.one") - before
    // The deploy the naive loop thought was over is still queued or building.
    let stillGoing = server.status(app) != "done" || server.deployments(app).first?["deploymentId"] == row["deploymentId"]
    while server.status(app) == "running" || server.deployments(app).first?["deploymentId"] == row["deploymentId"] {
      try await Task.sleep(for: .milliseconds(50))
    }

    // 3. Latency: lines appended to a running build's log, to the moment dok reports them.
    server.setBuildSeconds(app, 4)
    let arrivals = Arrivals()
    let written = Mutex<[String: UInt64]>([:])
    let follow = Task {
      try await tracker.deploy(
        DeployRequest(procedure: "application.deploy", arguments: args, every: 2, timeout: 60, location: loc)
      ) { event in
        if case .log(let line) = event { arrivals.add(line) }
      }
    }
    // Once dok shows the build's first line, its stream is open.
    while arrivals.all.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
    let depId = server.deployments(app).first?["deploymentId"]?.stringValue ?? ""
    for i in 0..<40 {
      let line = "bench \(i)"
      written.withLock { $0[line] = nowNanos() }
      server.appendLog(depId, line)
      try await Task.sleep(for: .milliseconds(50))
    }
    _ = try await follow.value
    let sent = written.withLock { $0 }
    let delays = arrivals.all.compactMap { (line, at) in sent[line].map { Double(at - $0) / 1e6 } }.sorted()
    let p50 = delays.isEmpty ? -1 : delays[delays.count / 2]
    let maxDelay = delays.last ?? -1

    print(
      #"{"benchmark":"deploy","every_s":\#(every),"seconds":\#(seconds),"status_requests":\#(statusRequests),"log_requests":\#(logRequests),"log_streams":1,"#
        + #""naive_seconds":\#(naiveSeconds),"naive_requests":\#(naiveRequests),"naive_answer":"\#(naiveAnswer)","naive_wrong":\#(stillGoing),"#
        + #""lines":\#(delays.count),"line_p50_ms":\#(p50),"line_max_ms":\#(maxDelay)}"#)
    await session.shutdown()
    await server.stop()
  }
}
