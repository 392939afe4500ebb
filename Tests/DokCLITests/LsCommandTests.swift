import DokCore
import Foundation
import Testing

/// `dok ls [PATH]` (issue 21, item 2) in the binary, against a `dok sandbox` child seeded by a
/// runbook: the tree with kinds, statuses, last deployments and domains; a path narrows it; an
/// unknown name is NOT_FOUND with "did you mean" (exit 3); a malformed path is a usage error (exit 2).
@Suite(.serialized, .timeLimit(.minutes(2))) struct LsCommandTests {
  static let seed = """
    $p = project.create name=shop
    $st = environment.create projectId=$p.project.projectId name=staging
    $web = application.create name=web environmentId=$p.environment.environmentId
    application.saveDockerProvider applicationId=$web.applicationId dockerImage=nginx:alpine username=null password=null registryUrl=null
    domain.create applicationId=$web.applicationId host=shop.example.com domainType=application
    postgres.create name=db environmentId=$p.environment.environmentId databaseName=d databaseUser=u databasePassword=pw1234567 dockerImage="postgres:18"
    application.create name=web environmentId=$st.environmentId
    compose.create name=stack environmentId=$st.environmentId
    deploy application.deploy applicationId=$web.applicationId
    project.create name="my shop"

    """

  @Test func listsFiltersAndRefusesUnknownNames() throws {
    let sandbox = try SandboxKillTests.SandboxProcess(arguments: ["--queue-delay", "0", "--deploy-seconds", "0.1"])
    defer { sandbox.killHard() }
    let env = DokProcess.isolatedEnvironment(["DOKPLOY_URL": "http://127.0.0.1:\(sandbox.port)", "DOKPLOY_API_KEY": "k"])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-ls-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Self.seed.write(toFile: dir + "/seed.dok", atomically: true, encoding: .utf8)
    let seeded = try DokProcess.run(["run", dir + "/seed.dok"], environment: env)
    try #require(seeded.status == 0, "\(seeded.stderr)")

    let all = try DokProcess.run(["ls"], environment: env)
    #expect(all.status == 0, "\(all.stderr)")
    let lines = all.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("NAME") == true && !all.stdout.contains("\u{1B}["), "no colour into a pipe: \(all.stdout)")
    let web = try #require(lines.first { $0.hasPrefix("    web") && $0.contains("shop.example.com") }, "\(all.stdout)")
    #expect(web.contains("application") && web.contains("done") && web.contains("ago"), "\(web)")
    #expect(lines.contains { $0.hasPrefix("    db") && $0.contains("postgres") }, "\(all.stdout)")
    #expect(lines.contains { $0.hasPrefix("    stack") && $0.contains("compose") && $0.contains("never") }, "\(all.stdout)")
    #expect(lines.contains { $0.hasPrefix("my shop") }, "\(all.stdout)")

    let staging = try DokProcess.run(["ls", "shop/staging"], environment: env)
    #expect(
      staging.status == 0 && staging.stdout.contains("stack") && !staging.stdout.contains("production"), "\(staging.stdout)")
    let spaced = try DokProcess.run(["ls", "my shop"], environment: env)
    #expect(spaced.status == 0 && spaced.stdout.contains("my shop") && !spaced.stdout.contains("staging"), "\(spaced.stdout)")

    let one = try DokProcess.run(["ls", "shop/web", "-o", "json"], environment: env)
    #expect(one.status == 0, "\(one.stderr)")
    let json = try JSONParser.parse(one.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    let services = json[0]?["environments"]?[0]?["services"]?.arrayValue ?? []
    #expect(services.count == 1 && services.first?["path"] == "shop/production/web", "\(one.stdout)")
    #expect(services.first?["domains"] == ["shop.example.com"], "\(one.stdout)")
    #expect(services.first?["lastDeployment"]?["status"] == "done", "\(one.stdout)")

    let unknown = try DokProcess.run(["ls", "shop/production/wbe"], environment: env)
    #expect(unknown.status == ExitStatus.apiError.code, "\(unknown.stderr)")
    #expect(unknown.stderr.contains("NOT_FOUND") && unknown.stderr.contains("'web'"), "\(unknown.stderr)")
    #expect(unknown.stdout.isEmpty)
    let malformed = try DokProcess.run(["ls", "a/b/c/d"], environment: env)
    #expect(malformed.status == ExitStatus.usage.code, "\(malformed.stderr)")
  }

  /// Issue 21, item 7: `dok help paths` teaches the twins and points at `dok ls`.
  @Test func helpPathsTeachesTheTwins() throws {
    let r = try DokProcess.run(["help", "paths"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("application=shop/staging/web") && r.stdout.contains("dok ls"), "\(r.stdout)")
  }
}
