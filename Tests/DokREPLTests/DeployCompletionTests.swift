import DokCore
import DokSpec
import DokTestSupport
import Testing

@testable import DokREPL

/// The REPL completes `deploy` and, after it, the procedures it can follow.
@Suite struct DeployCompletionTests {
  static let catalog = try! SpecLoader.catalog(from: QueueingDocument.json())

  func texts(_ line: String) -> [String] {
    Completer.complete(line: line, context: CompletionContext(catalog: Self.catalog)).candidates.map(\.text)
  }

  @Test func deployIsAStatementWord() {
    #expect(texts("dep").contains("deploy"))
  }

  @Test func afterDeployOnlyDeployingProceduresAreOffered() {
    #expect(
      texts("deploy ") == [
        "application.deploy", "application.redeploy", "compose.deploy", "compose.redeploy", "previewDeployment.redeploy",
        "postgres.deploy", "mysql.deploy", "mariadb.deploy", "mongo.deploy", "redis.deploy", "libsql.deploy",
      ])
    #expect(texts("deploy comp") == ["compose.deploy", "compose.redeploy"])
    #expect(texts("$d = deploy app") == ["application.deploy", "application.redeploy"])
    // Its parameters complete as for any call.
    #expect(texts("deploy application.deploy ").first == "applicationId=")
  }
}
