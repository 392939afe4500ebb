import DokCore
import Foundation
import Testing

/// Issue 12, item 6: no silent rehearsal in CI. With `CI` set and nothing configured,
/// `dok run` and `dok call` refuse (exit 2, one line naming `--sandbox`); `--sandbox` rehearses.
@Suite struct AutomaticSandboxInCITests {
  @Test func runAndCallRefuseUnderCI() throws {
    let f = FileManager.default.temporaryDirectory.appendingPathComponent("dok-ci-\(UUID().uuidString).dok").path
    try "print \"ran\"\n".write(toFile: f, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: f) }
    let env = DokProcess.isolatedEnvironment(["CI": "true"])
    for args in [["run", f], ["call", "project.all"]] {
      let r = try DokProcess.run(args, environment: env)
      #expect(r.status == ExitStatus.usage.code, "\(args): \(r.stderr)")
      #expect(r.stdout == "")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      #expect(r.stderr.contains("no server configured") && r.stderr.contains("--sandbox"), "\(r.stderr)")
    }
    // An explicit rehearsal is allowed.
    let rehearsal = try DokProcess.run(["run", "--sandbox", f], environment: env)
    #expect(rehearsal.status == 0, "\(rehearsal.stderr)")
    #expect(rehearsal.stdout == "ran\n")
    // A person (no CI) still gets the automatic sandbox.
    let person = try DokProcess.run(["run", f])
    #expect(person.status == 0, "\(person.stderr)")
  }
}
