import DokClient
import DokCore
import DokLive
import DokRuntime
import DokSpec
import DokTestSupport
import Foundation
import Synchronization
import Testing

/// `dok logs` / `:logs` through ``ServiceLogs`` against the queueing test server.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ServiceLogsTests {
  final class Lines: Sendable {
    let store = Mutex<[String]>([])
    var all: [String] { store.withLock { $0 } }
    func add(_ l: String) { store.withLock { $0.append(l) } }
  }

  @Test func readsTheLastLinesOverREST() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      let app = h.server.addApplication(name: "api")
      let logs = ServiceLogs(caller: h.session, catalog: h.catalog, logStreams: h.session.logStreams)
      let out = Lines()
      try await logs.run(ServiceLogs.Request(kind: "application", id: app, tail: 5), emit: out.add, note: { _ in })
      #expect(out.all.count == 5)
      #expect(out.all.last?.hasSuffix("request 30 served") == true, "\(out.all)")
      #expect(h.server.requests("application.readLogs") == 1)
    } teardown: {
      await h.stop()
    }
  }

  @Test func followStreamsNewLinesOnceEachUntilCancelled() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      let app = h.server.addApplication(name: "api")
      let logs = ServiceLogs(caller: h.session, catalog: h.catalog, logStreams: h.session.logStreams)
      let out = Lines()
      let task = Task {
        try await logs.run(
          ServiceLogs.Request(kind: "application", id: app, tail: 3, follow: true), emit: out.add, note: { _ in })
      }
      for _ in 0..<200 where !out.all.contains(where: { $0.hasSuffix("live line 4") }) {
        try await Task.sleep(for: .milliseconds(10))
      }
      task.cancel()
      try await task.value
      let lines = out.all
      #expect(lines.count >= 7, "\(lines)")
      #expect(lines.prefix(3).allSatisfy { $0.contains("served") }, "\(lines)")
      let live = lines.dropFirst(3)
      #expect(Array(live.prefix(4)) == (1...4).map { "application-api-\(app) live line \($0)" }, "\(lines)")
      #expect(Set(lines).count == lines.count)
    } teardown: {
      await h.stop()
    }
  }

  @Test func withoutReadLogsInTheDocumentTheSocketGivesASnapshot() async throws {
    let h = try await QueueHarness.start()
    try await withTeardown {
      let app = h.server.addApplication(name: "api")
      let catalog = Catalog(
        title: "old", version: "1", openapi: "3.0.3",
        procedures: h.catalog.procedures.filter { $0.name != "application.readLogs" })
      let logs = ServiceLogs(caller: h.session, catalog: catalog, logStreams: h.session.logStreams)
      let out = Lines()
      try await logs.run(ServiceLogs.Request(kind: "application", id: app, tail: 2), emit: out.add, note: { _ in })
      #expect(out.all.first?.hasSuffix("request 29 served") == true, "\(out.all)")
      #expect(h.server.requests("application.readLogs") == 0)
    } teardown: {
      await h.stop()
    }
  }

  @Test func newLinesAfterAPreviousSnapshot() {
    #expect(Array(ServiceLogs.newLinesForTest(["a", "b", "c", "d"], after: ["a", "b", "c"])) == ["d"])
    #expect(Array(ServiceLogs.newLinesForTest(["c", "d", "e"], after: ["a", "b", "c"])) == ["d", "e"])
    #expect(Array(ServiceLogs.newLinesForTest(["x", "y"], after: [])) == ["x", "y"])
  }

  @Test func badArgumentsAreUsageErrors() {
    #expect(ServiceLogs.problem(with: .init(kind: "server", id: "x")) != nil)
    #expect(ServiceLogs.problem(with: .init(kind: "application", id: "x", tail: 0)) != nil)
    #expect(ServiceLogs.problem(with: .init(kind: "application", id: "x", since: "yesterday")) != nil)
    #expect(ServiceLogs.problem(with: .init(kind: "application", id: "x", since: "10m")) == nil)
  }
}
