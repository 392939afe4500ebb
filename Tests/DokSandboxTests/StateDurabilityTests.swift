import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `--state`: group commit keeps every acknowledged write on disk; a foreign file is refused.
@Suite struct StateDurabilityTests {
  static func tempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func aForeignFileIsRefusedAndLeftUntouched() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let foreign = #"{"name":"my-package","version":"1.0.0","dependencies":{}}"#
    try foreign.write(toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try SandboxEngine(statePath: path)
    } throws: { error in
      "\(error)".contains("is not a dok sandbox state file") && "\(error)".contains("left untouched")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == foreign)
    // A newer version is refused too.
    let newer = #"{"format":"dok-sandbox-state","version":99}"#
    try newer.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: StateFile.Failure.self) { _ = try SandboxEngine(statePath: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == newer)
  }

  /// A journal line cut short (a kill during its write) is ignored; the lines before it count.
  @Test func aTornJournalLineIsIgnored() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let engine = try SandboxEngine(statePath: path)
    _ = try engine.call("project.create", input: ["name": "first"])
    _ = try engine.call("project.create", input: ["name": "second"])
    let handle = try #require(FileHandle(forWritingAtPath: StateFile(path: path).journalPath))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"revision":99,"tables":{"projects":{"x":{"projectId":"x","na"#.utf8))
    try handle.close()
    let again = try SandboxEngine(statePath: path)
    let names = try again.call("project.all", input: nil)?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(names == ["second", "first"])
  }

  @Test func theFileCarriesTheMarker() throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let engine = try SandboxEngine(statePath: path)
    _ = try engine.call("project.create", input: ["name": "marked"])
    let saved = try #require(try StateFile(path: path).load())
    #expect(saved["format"] == "dok-sandbox-state")
    #expect(saved["version"] == 2)
    // And it loads back.
    let again = try SandboxEngine(statePath: path)
    #expect(try again.call("project.all", input: nil)?[0]?["name"] == "marked")
  }

  /// Every write acknowledged over HTTP is in the file when the reply arrives (group commit
  /// releases a reply only after the save that covers it).
  @Test func concurrentAcknowledgedWritesAreOnDisk() async throws {
    let dir = try Self.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s = try await SandboxClient.start(statePath: path)
    try await withTeardown {
      let names = try await withThrowingTaskGroup(of: String?.self) { group in
        for i in 0..<30 {
          group.addTask {
            let r = try s.post("project.create", ["name": .string("p\(i)")])
            return r.status == 200 ? "p\(i)" : nil
          }
        }
        var acked: [String] = []
        for try await n in group { if let n { acked.append(n) } }
        return acked
      }
      #expect(names.count == 30)
      // Most of those writes went to the journal, one short line each.
      #expect(StateFile(path: path).loadJournal().count >= 1)
      // What is on disk (the snapshot and the journal's lines), read as a restart would.
      let reloaded = try SandboxEngine(statePath: path)
      let onDisk = Set(try reloaded.call("project.all", input: nil)?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
      #expect(onDisk.isSuperset(of: names))
    } teardown: {
      await s.sb.stop()
    }
  }
}
