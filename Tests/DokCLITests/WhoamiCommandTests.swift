import DokCore
import Foundation
import Testing

/// Issue 23, part 5: `dok whoami` prints the server, its version, the user, organization and role.
@Suite struct WhoamiCommandTests {
  @Test(.timeLimit(.minutes(1))) func whoamiNamesTheServerVersionUserOrganizationAndRole() throws {
    let r = try DokProcess.run(["whoami", "--sandbox"], timeout: 60)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("server:       http://127.0.0.1:"), "\(r.stdout)")
    #expect(r.stdout.contains("version:      v0.30.2"), "\(r.stdout)")
    #expect(r.stdout.contains("role:         owner"), "\(r.stdout)")
    #expect(r.stdout.contains("organization: '"), "\(r.stdout)")
    let j = try DokProcess.run(["whoami", "--sandbox", "--output", "json"], timeout: 60)
    let v = try JSONParser.parse(Array(j.stdout.utf8))
    #expect(v["role"]?.stringValue == "owner")
    #expect(v["email"]?.stringValue?.contains("@") == true)
  }
}
