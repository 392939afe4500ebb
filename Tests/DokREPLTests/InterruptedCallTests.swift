import DokCore
import DokRuntime
import DokScript
import DokSpec
import Foundation
import Synchronization
import Testing

@testable import DokREPL

/// Issue 14: Ctrl-C while a call is in flight. A mutation (POST) may already have reached the
/// server, so the REPL says its effect is unknown and to check with a read; a query (GET) was
/// simply cancelled. The REPL runs on its own thread as in `dok`; a real SIGINT is sent to the
/// process once the call is in flight (the interrupt component cancels the entry's task).
@Suite(.serialized) struct InterruptedCallTests {
  /// A server that never answers: each call waits (cancellably) until the test's time limit.
  final class SilentCaller: ProcedureCaller, Sendable {
    private let started = Mutex<[String]>([])
    var inFlight: [String] { started.withLock { $0 } }
    func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
      started.withLock { $0.append(procedure) }
      do { try await Task.sleep(for: .seconds(60)) } catch {
        throw CallError(kind: .transport, procedure: procedure, message: "request cancelled")
      }
      return .null
    }
  }

  @Test(.timeLimit(.minutes(1))) func ctrlCDuringAMutationSaysItsEffectIsUnknownAndDuringAQueryThatItWasCancelled()
    async throws
  {
    let caller = SilentCaller()
    let capture = Capture()
    let editor = ScriptedLineEditor(
      lines: ["project.create name=shop", "application.one applicationId=a1", #"print "still", "here""#], interactive: true)
    let catalog = REPLFixtures.catalog
    let session = Interpreter(host: DokScriptHost(catalog: catalog, caller: caller))
    var env = REPLEnvironment(
      promptName: "test", serverDescription: "a silent server", catalog: catalog, policy: SecretPolicy(), color: false)
    env.writer = capture.writer
    let repl = REPL(editor: editor, session: session, environment: env)
    let result = Mutex<Int32?>(nil)
    DetachedThread.start {
      let code = repl.run()
      result.withLock { $0 = code }
    }
    // Ctrl-C once each call is in flight.
    for expected in 1...2 {
      for _ in 0..<2000 where caller.inFlight.count < expected { try await Task.sleep(for: .milliseconds(5)) }
      // The entry's interrupt handler is in place before its call starts (InterruptMonitor.runCancellable).
      try #require(caller.inFlight.count == expected, "call \(expected) never started: \(capture.err)")
      kill(getpid(), SIGINT)
      for _ in 0..<2000 where capture.err.components(separatedBy: "back at the prompt").count <= expected {
        try await Task.sleep(for: .milliseconds(5))
      }
    }
    for _ in 0..<2000 where result.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(5)) }
    #expect(result.withLock { $0 } == ExitStatus.success.code)
    let err = capture.err
    #expect(caller.inFlight == ["project.create", "application.one"])
    #expect(
      err.contains(
        "<repl>:1:1: error: interrupted while project.create was being sent: the request may have reached the server, so its effect is unknown"
      ), "\(err)")
    #expect(err.contains("hint: check with a read"), "\(err)")
    #expect(
      err.contains("<repl>:1:1: error: interrupted: application.one was cancelled (a query: nothing was changed)"), "\(err)")
    #expect(err.components(separatedBy: "interrupted; back at the prompt").count == 3, "\(err)")
    #expect(capture.out.contains("still here"), "the REPL works afterwards: \(capture.out)")
  }
}
