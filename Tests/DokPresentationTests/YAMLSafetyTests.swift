import DokCore
import DokPresentation
import Foundation
import Testing
import Yams

/// Issue 14, bug 9: `--output yaml` reads back as the same JSON in a real YAML parser: no string
/// becomes a float, a date, an int, a bool or null (YAML 1.2 through Yams; YAML 1.1 through
/// python3's PyYAML when installed).
@Suite struct YAMLSafetyTests {
  static let tricky: [String] = [
    ".inf", "-.inf", ".NaN", "2026-01-01", "2026-11-30T05:50:55.436Z", "1_000", "0x1F", "0o17", "017", "1e3", "+1", "1:30",
    "yes", "No", "ON", "off", "y", "N", "~", "Null", "true", "", " lead", "trail ", "a: b", "a #b", "#c", "- x", "[x]",
    "{x}", "*ref", "&anchor", "!tag", "|", ">", "%", "@at", "`tick", "'q'", "\"dq\"", "line\nbreak", "tab\there", "é ok",
    "Production environment", "nginx:alpine", "web", "a2", "e-1", "null ", "12:30:45", "1.0", "0", "-", "?", ":",
  ]

  static var value: JSON {
    var pairs: [(String, JSON)] = []
    for (i, s) in tricky.enumerated() { pairs.append(("k\(i)", .string(s))) }
    pairs.append(("2026-01-01", "date key"))
    pairs.append(("list", .array(tricky.map { .string($0) })))
    pairs.append(("createdAt", "2026-11-30T05:50:55.436Z"))
    var o = JSONObject()
    for (k, v) in pairs { o[k] = v }
    return .object(o)
  }

  @Test func everyStringReadsBackAsTheSameStringInYAML12() throws {
    let text = YAMLRenderer.render(Self.value)
    let loaded = try Yams.load(yaml: text) as? [String: Any]
    let map = try #require(loaded, "\(text)")
    for (i, s) in Self.tricky.enumerated() {
      #expect(map["k\(i)"] as? String == s, "k\(i) = \(s.debugDescription) read back as \(String(describing: map["k\(i)"]))")
    }
    #expect(map["2026-01-01"] as? String == "date key")
    #expect((map["list"] as? [Any])?.compactMap { $0 as? String } == Self.tricky)
    #expect(map["createdAt"] as? String == "2026-11-30T05:50:55.436Z")
  }

  @Test(.enabled(if: Self.hasPyYAML, "python3 with the yaml module is not installed"), .timeLimit(.minutes(1)))
  func everyStringReadsBackAsTheSameStringInYAML11() throws {
    let text = YAMLRenderer.render(Self.value)
    let json = try Self.python(
      "import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin.read()), default=repr))", input: text)
    let back = try JSONParser.parse(json)
    #expect(back == Self.value, "\(json)")
  }

  static let hasPyYAML: Bool = (try? python("import yaml; print('ok')", input: ""))?.hasPrefix("ok") ?? false

  static func python(_ code: String, input: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", code]
    let stdin = Pipe()
    let stdout = Pipe()
    p.standardInput = stdin
    p.standardOutput = stdout
    p.standardError = FileHandle.nullDevice
    try p.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
