import DokCore
import Foundation
import Testing

@testable import DokSandbox

/// The state file stays small under deploy load: a journal entry holds the queue's changes
/// (a job queued, jobs taken or dropped), not the whole queue; stopping compacts it.
@Suite struct QueueJournalTests {
  /// 300 queued deploys: the journal grows linearly (the old entries held the whole queue each,
  /// about 300 × 300 / 2 jobs in all); a second engine reading it sees the same queue; stopping
  /// the sandbox leaves one snapshot and an empty journal, which loads to the same queue.
  @Test func theJournalGrowsWithTheChangesAndStopCompactsIt() async throws {
    let dir = try StateDurabilityTests.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let sb = try await Sandbox.start(SandboxOptions(deploySeconds: 1, queueDelay: 3600, statePath: path))
    let outcome = Result { () throws -> JSON? in
      let engine = sb.engine
      let env = try #require(engine.call("project.create", input: ["name": "p"])?["environment"]?["environmentId"]?.stringValue)
      var apps: [String] = []
      for i in 0..<3 {
        apps.append(
          try #require(
            engine.call("application.create", input: ["name": .string("a\(i)"), "environmentId": .string(env)])?[
              "applicationId"]?.stringValue))
      }
      for i in 0..<300 { _ = try engine.call("application.deploy", input: ["applicationId": .string(apps[i % 3])]) }
      _ = try engine.call("application.cleanQueues", input: ["applicationId": .string(apps[1])])
      let journal = try #require(FileManager.default.attributesOfItem(atPath: path + ".journal")[.size] as? Int)
      #expect(journal < 300 * 1500, "journal of \(journal) bytes after 300 deploys")
      let queued = try engine.call("deployment.queueList", input: nil)
      #expect(queued?.arrayValue?.count == 200)
      let reread = try SandboxEngine(deploySeconds: 1, queueDelay: 3600, statePath: path)
      #expect(try reread.call("deployment.queueList", input: nil) == queued)
      return queued
    }
    await sb.stop()
    let queued = try outcome.get()
    #expect(FileManager.default.contents(atPath: path + ".journal")?.isEmpty ?? true)
    let restarted = try SandboxEngine(deploySeconds: 1, queueDelay: 3600, statePath: path)
    #expect(try restarted.call("deployment.queueList", input: nil) == queued)
  }

  /// Jobs queued, taken by the worker and dropped, replayed from one entry, give the same queue.
  @Test func queuedTakenAndDroppedJobsReplay() throws {
    var st = SandboxState(deploySeconds: 1, queueDelay: 1)
    let env = try #require(
      try st.call("project.create", RealBehaviourTests.obj(["name": "p"]), now: 0)?["environment"]?["environmentId"]?
        .stringValue)
    let a = try #require(
      try st.call("application.create", RealBehaviourTests.obj(["name": "a", "environmentId": .string(env)]), now: 0)?[
        "applicationId"]?.stringValue)
    let b = try #require(
      try st.call("application.create", RealBehaviourTests.obj(["name": "b", "environmentId": .string(env)]), now: 0)?[
        "applicationId"]?.stringValue)
    st.startJournaling()
    _ = st.drainJournalEntry()
    var replayed = st
    for i in 0..<10 { st.enqueue("application", i % 2 == 0 ? a : b, type: "deploy", input: JSONObject(), now: Double(i) * 0.1) }
    st.settle(now: 4.5)  // the worker has taken some and finished some
    st.cleanQueue(service: "application", id: b)
    let entry = st.drainJournalEntry()
    #expect(entry["queue"] == nil)
    #expect((entry["queueChanges"]?.arrayValue?.count ?? 0) >= 3)
    replayed.apply(journalEntry: entry)
    #expect(Array(replayed.queue) == Array(st.queue))
    #expect(replayed.pending.map(\.deploymentId) == st.pending.map(\.deploymentId))
    #expect(!st.queue.isEmpty && st.queue.count < 10)
  }
}
