import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 15 case 4, end to end through the real binder and the sandbox: numeric-looking script
/// arguments keep their text for string parameters, and a bad one fails before any request.
@Suite struct ScriptArgumentTextTests {
  @Test func aNumericNameCreatesTheApplicationNamedSo() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let r = try await h.run(file: "examples/deploy-image.dok", arguments: ["image=nginx:alpine", "name=2024"])
      // Before: the project was created, then application.create failed ("expects string; got number").
      #expect(r.code == 0, "\(r.diagnostics)")
      #expect(r.output.contains("deployed nginx:alpine as"), "\(r.output)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func argumentsAreTypedByTheSchemaBeforeAnythingIsSent() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let source = """
        $p = project.create name=$name description=$tag
        print json($p.project.name), json($p.project.description), "${$tag}"
        """
      let ok = try await h.run(source: source, arguments: ["name=2024", "tag=007"])
      #expect(ok.code == 0, "\(ok.diagnostics)")
      #expect(ok.output.contains(#""2024" "007" 007"#), "\(ok.output)")
      // A value that cannot fit its parameter stops the run before the first request.
      let before = try await h.run(source: "print len(project.all)")
      let again = try await h.run(
        source: "project.create name=x\nproject.create name=y description=$d\n", arguments: ["d:={\"a\":1}"])
      #expect(again.code == 2, "\(again.diagnostics)")
      let after = try await h.run(source: "print len(project.all)")
      #expect(before.output == after.output, "a request was sent before the check failed: \(before.output) → \(after.output)")
    } teardown: {
      await h.stop()
    }
  }
}
