import DokCore
import DokTestDokploy
import DokTestSupport
import Testing

/// `dok call --wait` masks the API key in what it prints the way every other command does
/// (``SecretPolicy``): a key too short to be told from ordinary text is not masked inside it, so
/// a one-letter key does not turn `nginx` into `ngin***` in the build log.
@Suite(.timeLimit(.minutes(1))) struct ShortKeyRedactionTests {
  @Test func aShortKeyDoesNotMangleTheBuildLog() async throws {
    var o = QueueingDokploy.Options()
    o.queueDelay = 0.1
    o.buildSeconds = 0.3
    o.apiKey = "x"
    let s = try await QueueingDokploy.start(o)
    try await withTeardown {
      let app = s.addApplication(image: "nginx:alpine")
      let r = try DokProcess.run(
        ["call", "application.deploy", "applicationId=\(app)", "--wait", "--wait-every", "50ms"],
        environment: DokProcess.isolatedEnvironment(["DOKPLOY_URL": s.url, "DOKPLOY_API_KEY": "x"]))
      #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
      #expect(r.stderr.contains("Pulling image nginx:alpine"), "\(r.stderr)")
    } teardown: {
      await s.stop()
    }
  }
}
