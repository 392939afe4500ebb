import DokCore
import Testing

@testable import DokREPL

/// Issue 14, bug 10 (`--redact`): a reply's `refreshToken` is masked when the reply is shown and
/// when `print` copies it out; `createEnvFile: true` and nulls under secret-looking names stay.
@Suite struct RedactRefreshTokenTests {
  @Test func aRefreshTokenIsMaskedWhereverItIsShownButBooleansAreNot() async {
    let caller = FakeCaller { name, _ throws(CallError) in
      guard name == "user.login" else { throw CallError(kind: .api, message: "no such fake procedure \(name)") }
      return ["refreshToken": "rt-8f1c2a9e77", "createEnvFile": true, "apiKey": .null, "name": "ops"]
    }
    let h = REPLHarness(
      [.line("$a = user.login email=a@b.c password=x"), .line("$a"), .line("print $a.refreshToken, $a.name")], caller: caller
    ) { $0.redact = true }
    await h.run()
    #expect(!h.capture.out.contains("rt-8f1c2a9e77"), "\(h.capture.out)")
    #expect(h.capture.out.contains("*** ops"), "print masks the token: \(h.capture.out)")
    #expect(h.capture.out.contains(#""refreshToken": "***""#), "\(h.capture.out)")
    #expect(h.capture.out.contains(#""createEnvFile": true"#), "\(h.capture.out)")
    #expect(h.capture.out.contains(#""apiKey": null"#), "\(h.capture.out)")
  }
}
