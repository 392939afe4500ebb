import DokCore
import DokSpec
import DokTestSupport
import Foundation
import Testing

/// Issue 14, bug 8: `procedures`, `describe` and `complete` work without `--spec`: the configured
/// server's cached document, else the document bundled with dok.
@Suite struct SpecWithoutFlagTests {
  @Test func nothingConfiguredUsesTheBundledDocument() throws {
    let env = DokProcess.isolatedEnvironment()
    let list = try DokProcess.run(["procedures", "application"], environment: env)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.split(separator: "\n").contains("application.deploy"))
    let describe = try DokProcess.run(["describe", "application.deploy"], environment: env)
    #expect(describe.status == 0, "\(describe.stderr)")
    #expect(describe.stdout.hasPrefix("application.deploy  POST /api/application.deploy"), "\(describe.stdout)")
    let complete = try DokProcess.run(["complete", "--", "application.dep"], environment: env)
    #expect(complete.status == 0, "\(complete.stderr)")
    #expect(complete.stdout == "application.deploy\n")
  }

  @Test func theConfiguredServersCachedDocumentComesFirst() throws {
    // A server that is never contacted (nothing listens on port 9): its cached document is used.
    let url = "http://127.0.0.1:9"
    let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": url])
    let dir = env["XDG_CACHE_HOME"]! + "/dok/servers/" + DocumentHash.hex(Array((url + "/api").utf8))
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let mini = PackagePaths.root + "/Tests/DokSpecTests/Fixtures/mini-31.json"
    try FileIO.writeAtomically(dir + "/openapi.json", FileIO.read(mini))
    let list = try DokProcess.run(["procedures"], environment: env)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout == "app.one\napp.save\n", "\(list.stdout)")
  }

  @Test func completeHelpPrintsHelp() throws {
    let r = try DokProcess.run(["complete", "--help"], environment: DokProcess.isolatedEnvironment())
    #expect(r.status == 0)
    #expect(r.stdout.contains("USAGE: dok complete"), "\(r.stdout)")
  }
}
