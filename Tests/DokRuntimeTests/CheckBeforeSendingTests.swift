import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 20, item 4, through the real binder and the sandbox: a script argument the runbook
/// never reads, and an unset `env("NAME")` where the parameter cannot be null, are check errors
/// (exit 2) before any request is sent.
@Suite struct CheckBeforeSendingTests {
  static func text(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { ([$0.message] + $0.notes).joined(separator: "\n") }.joined(separator: "\n")
  }

  /// The number of projects, to tell whether a run sent anything.
  static func projects(_ h: SandboxHarness) async -> String {
    await h.run(source: "print len(project.all)").output
  }

  @Test func anArgumentTheRunbookNeverReadsStopsTheRunWithADidYouMean() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let before = await Self.projects(h)
      let r = await h.run(source: "project.create name=first\nprint \"image\", $image\n", arguments: ["imge=nginx:1.27"])
      #expect(r.code == ExitStatus.usage.code, "\(r.diagnostics)")
      let text = Self.text(r.diagnostics)
      #expect(text.contains("argument 'imge' is never read by test.dok"), "\(text)")
      #expect(text.contains("did you mean `image`?"), "\(text)")
      #expect(text.contains("--allow-unused-arguments"), "\(text)")
      #expect(await Self.projects(h) == before, "a request was sent before the check failed")
      // An argument read anywhere (a default, an interpolation) is used.
      let used = await h.run(source: "$image = $image || \"x\"\nprint \"${$tag}\"\n", arguments: ["image=a", "tag=b"])
      #expect(used.code == 0, "\(used.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }

  @Test func anUnsetEnvironmentVariableForANonNullableParameterIsACheckError() async throws {
    let h = try await SandboxHarness.start()
    try await withTeardown {
      let before = await Self.projects(h)
      let r = await h.run(source: "project.create name=first\nproject.create name=(env(\"DOK_TEST_UNSET_ISSUE_20\"))\n")
      #expect(r.code == ExitStatus.usage.code, "\(r.diagnostics)")
      let text = Self.text(r.diagnostics)
      #expect(text.contains("DOK_TEST_UNSET_ISSUE_20 is not set"), "\(text)")
      #expect(!text.contains("null null"), "\(text)")
      #expect(r.diagnostics.first?.location?.line == 2, "\(r.diagnostics)")
      #expect(await Self.projects(h) == before, "a request was sent before the check failed")
      // A default makes it fine.
      let ok = await h.run(source: "project.create name=(env(\"DOK_TEST_UNSET_ISSUE_20\") || \"dflt\")\n")
      #expect(ok.code == 0, "\(ok.diagnostics)")
    } teardown: {
      await h.stop()
    }
  }
}
