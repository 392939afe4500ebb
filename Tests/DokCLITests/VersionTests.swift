import DokCore
import Foundation
import Testing

/// `dok --version`: what dok is (version, commit, build date, the bundled Dokploy document,
/// Swift), as a line or as JSON, and the build stamp `scripts/stamp-binary` writes.
@Suite struct VersionTests {
  @Test func versionLineNamesTheDocumentAndSwiftAndIsTheSameThroughArgumentParser() throws {
    let quick = try DokProcess.run(["--version"])
    #expect(quick.status == 0)
    let pattern = #"^dok [0-9]+\.[0-9]+\.[0-9]+ \(commit [^ ,]+, built [^;]+; Dokploy v0\.30\.2 document; Swift [0-9][^)]*\)\n$"#
    #expect(quick.stdout.range(of: pattern, options: .regularExpression) != nil, "\(quick.stdout)")
    // `dok describe --version` is answered by ArgumentParser (the root's version flag).
    let full = try DokProcess.run(["describe", "--version"])
    #expect(full.stdout == quick.stdout)
  }

  @Test func versionAsJSONForBugReports() throws {
    for form in [["--version", "--output", "json"], ["--version", "-o", "json"], ["--output=json", "--version"]] {
      let r = try DokProcess.run(form)
      #expect(r.status == 0, "\(form): \(r.stderr)")
      let v = try JSONParser.parse(r.stdout)
      #expect(v["dokploy"] == .string("v0.30.2"), "\(form)")
      #expect(v["dokployCommit"] == .string("772b768"))
      #expect(["linked", "omitted"].contains(v["icuData"]?.stringValue ?? ""), "\(r.stdout)")
      for key in ["version", "commit", "built", "swift"] {
        #expect(v[key]?.stringValue?.isEmpty == false, "\(key) in \(r.stdout)")
      }
    }
    let bad = try DokProcess.run(["--version", "--output", "xml"])
    #expect(bad.status == 2)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.contains("unknown output format 'xml'"), "\(bad.stderr)")
  }

  /// `scripts/stamp-binary` writes the commit, the date (SOURCE_DATE_EPOCH) and Swift's version
  /// into a copy of the binary; stamping twice gives the same bytes.
  @Test func stampedBinarySaysItsCommitAndDate() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-stamp-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let copy = dir + "/dok"
    try FileManager.default.copyItem(atPath: DokProcess.binary, toPath: copy)
    let root = DokProcess.packageRoot
    let commit = try tool("/usr/bin/env", ["git", "-C", root, "rev-parse", "--short=7", "HEAD"]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    _ = try tool("/usr/bin/env", ["python3", root + "/scripts/stamp-binary", copy], env: ["SOURCE_DATE_EPOCH": "86400"])
    let first = try Data(contentsOf: URL(fileURLWithPath: copy))
    _ = try tool("/usr/bin/env", ["python3", root + "/scripts/stamp-binary", copy], env: ["SOURCE_DATE_EPOCH": "86400"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == first, "stamping twice changed the bytes")
    let json = try tool(copy, ["--version", "--output", "json"])
    let v = try JSONParser.parse(json)
    #expect(v["commit"]?.stringValue?.hasPrefix(commit) == true, "\(json) vs \(commit)")
    #expect(v["built"] == .string("1970-01-02T00:00:00Z"), "\(json)")
    #expect(v["swift"]?.stringValue?.range(of: #"^[0-9]+\.[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil, "\(json)")
    let line = try tool(copy, ["--version"])
    #expect(line.contains("(commit \(commit)"), "\(line)")
  }

  /// Runs a tool to its end (killed after 60 s) and returns its stdout; throws when it fails.
  private func tool(_ path: String, _ args: [String], env: [String: String] = [:]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.environment = ProcessInfo.processInfo.environment.merging(env) { _, b in b }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.standardError
    try p.run()
    let watchdog = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    defer { watchdog.cancel() }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw ToolFailed(command: ([path] + args).joined(separator: " ")) }
    return String(decoding: data, as: UTF8.self)
  }

  private struct ToolFailed: Error, CustomStringConvertible {
    var command: String
    var description: String { "\(command) failed" }
  }
}
