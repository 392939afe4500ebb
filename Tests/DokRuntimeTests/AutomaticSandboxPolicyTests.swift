import DokRuntime
import Testing

@Suite struct AutomaticSandboxPolicyTests {
  @Test func refusesOnlyAnUnconfiguredUnforcedRunUnderCI() {
    #expect(AutomaticSandboxPolicy.refusal(configured: false, forced: false, environment: ["CI": "true"]) != nil)
    #expect(AutomaticSandboxPolicy.refusal(configured: false, forced: false, environment: ["CI": "1"]) != nil)
    #expect(AutomaticSandboxPolicy.refusal(configured: false, forced: false, environment: [:]) == nil)
    #expect(AutomaticSandboxPolicy.refusal(configured: false, forced: false, environment: ["CI": ""]) == nil)
    #expect(AutomaticSandboxPolicy.refusal(configured: false, forced: true, environment: ["CI": "true"]) == nil)
    #expect(AutomaticSandboxPolicy.refusal(configured: true, forced: false, environment: ["CI": "true"]) == nil)
    let line = AutomaticSandboxPolicy.refusal(configured: false, forced: false, environment: ["CI": "true"]) ?? ""
    #expect(!line.contains("\n") && line.contains("--sandbox"))
  }
}
