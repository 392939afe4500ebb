import DokCore
import DokScript
import DokTestSupport
import Foundation
import Synchronization
import Testing

@testable import DokREPL

/// `deploy` at the REPL follows the deployment its own call queued: a fake server lists someone
/// else's deployment (queued just before, no description) beside ours, the one carrying the
/// description dok sent.
@Suite(.timeLimit(.minutes(1))) struct REPLDeployIdentityTests {
  @Test func aDeployQueuedJustBeforeIsNotTakenForOurs() async throws {
    let sent = Mutex<String?>(nil)
    let caller = FakeCaller(catalog: REPLFixtures.realCatalog) { name, args throws(CallError) in
      switch name {
      case "deployment.all":
        guard let ours = sent.withLock({ $0 }) else { return [] }
        let row = { (id: String, description: String) -> JSON in
          ["deploymentId": .string(id), "title": "Manual deployment", "description": .string(description), "status": "done"]
        }
        return [row("d-ours", ours), row("d-theirs", "")]
      case "application.deploy":
        var description = ""
        if case .value(.string(let s))? = args.first(where: { $0.name == "description" })?.value { description = s }
        sent.withLock { $0 = description }
        return .null
      case "deployment.readLogs":
        return ""
      default:
        throw CallError(kind: .api, message: "no such fake procedure \(name)")
      }
    }
    let h = REPLHarness(
      [
        .line("$d = deploy application.deploy applicationId=a1 every 10ms"),
        .line(#"print $d.deploymentId, endsWith($d.description, "(REPL)")"#),
      ], catalog: REPLFixtures.realCatalog, caller: caller)
    await h.run()
    #expect(h.capture.out.contains("d-ours true"), "\(h.capture.out)\n\(h.capture.err)")
  }
}
