import DokCore
import DokLive
import DokRuntime
import DokScript
import DokTestDokploy
import DokTestSupport
import Foundation
import Testing

/// Build-log lines of a followed deploy: over `/listen-deployment`, by polling
/// `deployment.readLogs`, and with neither.
@Suite(.serialized, .timeLimit(.minutes(2))) struct BuildLogTests {
  static func options(socket: Bool) -> QueueingDokploy.Options {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.1
    o.buildSeconds = 0.4
    o.webSocket = socket
    return o
  }

  static func expectedLog(_ h: QueueHarness, _ app: String, title: String = "Manual deployment") -> [String] {
    let row = h.server.deployments(app)[0]
    let id = row["deploymentId"]?.stringValue ?? ""
    let path = row["logPath"]?.stringValue ?? ""
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    #expect(text.hasPrefix("Initializing deployment \(id): \(title)"))
    return text.split(separator: "\n").map(String.init)
  }

  @Test func linesArriveOnceEachInOrderOverTheWebSocket() async throws {
    let h = try await QueueHarness.start(Self.options(socket: true))
    try await withTeardown {
      let app = h.server.addApplication()
      // A long `every`: lines that arrive before the end came over the socket, not from a poll.
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.3s")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.logs == Self.expectedLog(h, app), "\(r.sink.logs)")
      #expect(r.sink.notes.isEmpty, "\(r.sink.notes)")
      // The socket carried the log: readLogs was asked at most once (the catch-up at the end).
      #expect(h.server.requests("deployment.readLogs") <= 1)
    } teardown: {
      await h.stop()
    }
  }

  @Test func linesArriveOnceEachInOrderByPolling() async throws {
    let h = try await QueueHarness.start(Self.options(socket: false))
    try await withTeardown {
      let app = h.server.addApplication()
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.05s")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.logs == Self.expectedLog(h, app), "\(r.sink.logs)")
      #expect(h.server.requests("deployment.readLogs") >= 2)
      #expect(r.sink.notes.contains { $0.contains("deployment.readLogs instead") }, "\(r.sink.notes)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func aSilentLogSocketIsGivenUpForPolling() async throws {
    var o = Self.options(socket: true)
    o.silentSocket = true
    o.buildSeconds = 1.2
    let h = try await QueueHarness.start(o)
    try await withTeardown {
      let app = h.server.addApplication()
      var tracker = DeploymentTracker(caller: h.session, catalog: h.catalog, logStreams: h.session.logStreams)
      tracker.socketSilence = 0.3
      let sink = DeployCapturingSink()
      let request = DeployRequest(
        procedure: "application.deploy", arguments: [CallArgument(name: "applicationId", value: .value(.string(app)))],
        every: 0.05,
        timeout: 30,
        location: SourceLocation(file: "t", line: 1, column: 1))
      let row = try await tracker.deploy(request) { sink.deploy($0) }
      #expect(row["status"]?.stringValue == "done")
      #expect(sink.logs == Self.expectedLog(h, app), "\(sink.logs)")
      #expect(sink.notes.contains { $0.contains("no log line arrived over the log stream") }, "\(sink.notes)")
      // Polling started before the end: more than the one read a finished deploy makes.
      #expect(h.server.requests("deployment.readLogs") >= 2)
    } teardown: {
      await h.stop()
    }
  }

  @Test func withoutReadLogsInTheDocumentItFollowsTheStatusAndSaysWhereTheLogIs() async throws {
    let h = try await QueueHarness.start(Self.options(socket: false), readLogsInDocument: false)
    try await withTeardown {
      let app = h.server.addApplication()
      let r = await h.run("$d = deploy application.deploy applicationId=\(app) every 0.05s\nprint $d.status")
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.sink.lines == ["done"])
      #expect(r.sink.logs.isEmpty)
      #expect(h.server.requests("deployment.readLogs") == 0)
      #expect(r.sink.notes.contains { $0.contains("no deployment.readLogs") && $0.contains(".log") }, "\(r.sink.notes)")
      h.server.setImage(app, "fail:3")
      let f = await h.run("deploy application.deploy applicationId=\(app) every 0.05s")
      #expect(f.code == ExitStatus.deployFailed.code)
      #expect(QueueHarness.text(f.diagnostics).contains("no deployment.readLogs"), "\(f.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func theLogSocketGoesToTheServersOwnOrigin() {
    #expect(
      WebSocketLogStreams.listenURL(serverURL: "https://dok.example.com", logPath: "/etc/dokploy/logs/web-x/web x.log")
        == "wss://dok.example.com/listen-deployment?logPath=/etc/dokploy/logs/web-x/web%20x.log")
    #expect(
      WebSocketLogStreams.listenURL(serverURL: "http://127.0.0.1:3000/", logPath: "a&b=c")
        == "ws://127.0.0.1:3000/listen-deployment?logPath=a%26b%3Dc")
    #expect(
      WebSocketLogStreams.listenURL(serverURL: "https://dok.example.com", logPath: "/l.log", serverId: "srv1")
        == "wss://dok.example.com/listen-deployment?logPath=/l.log&serverId=srv1")
    // A log path cannot steer the socket (and the key sent with it) to another host.
    #expect(
      WebSocketLogStreams.listenURL(serverURL: "https://dok.example.com", logPath: "@evil.example/x").hasPrefix(
        "wss://dok.example.com/listen-deployment?"))
  }

  @Test func traceShowsLogLinesAsTraceLines() async throws {
    let h = try await QueueHarness.start(Self.options(socket: true))
    try await withTeardown {
      let app = h.server.addApplication()
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.1s", trace: true)
      #expect(r.code == 0, "\(r.diagnostics)")
      let traced = r.sink.lines.filter { $0.hasPrefix("TRACE deploy.dok:1:1: | ") }
      #expect(traced.count == Self.expectedLog(h, app).count, "\(r.sink.lines)")
      #expect(r.sink.logs.isEmpty)
    } teardown: {
      await h.stop()
    }
  }

  @Test func followingCostsOneStatusRequestPerEvery() async throws {
    let h = try await QueueHarness.start(Self.options(socket: true))
    try await withTeardown {
      let app = h.server.addApplication()
      h.server.setBuildSeconds(app, 1.0)
      let started = Date()
      let r = await h.run("deploy application.deploy applicationId=\(app) every 0.1s")
      let elapsed = Date().timeIntervalSince(started)
      #expect(r.code == 0, "\(r.diagnostics)")
      // One list before the call, then one per `every` (plus the first, immediate one).
      let allowed = Int(elapsed / 0.1) + 2
      #expect(h.server.requests("deployment.all") <= allowed, "\(h.server.requests("deployment.all")) > \(allowed)")
      #expect(h.server.requests("application.one") == 0)
    } teardown: {
      await h.stop()
    }
  }
}

/// The splitter behind the log stream.
@Suite struct LineSplitterTests {
  @Test func chunksBecomeWholeLines() {
    var s = LineSplitterForTests()
    #expect(s.feed("a\nb") == ["a"])
    #expect(s.feed("c\r\nd\n") == ["bc", "d"])
    #expect(s.feed("") == [])
  }

  @Test func aLineThatNeverEndsStaysBounded() {
    var s = LineSplitterForTests()
    let chunk = String(repeating: "#", count: 40_000)
    #expect(s.feed(chunk) == [])
    let out = s.feed(chunk)
    #expect(out.count == 1 && out[0].utf8.count == 80_000)
    #expect(s.feed("\n") == [""])
  }
}

extension LineSplitterTests {
  @Test func crlfEndsALineToo() {
    var s = LineSplitterForTests()
    #expect(s.feed("x\r\ny\r\n") == ["x", "y"])
  }
}
