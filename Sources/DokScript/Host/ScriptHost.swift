import DokCore
import Foundation

/// What the language needs from the outside world: calls, their static check, files,
/// environment, time, and (for `dok run --debug`) a say in what happens after a failure.
public protocol ScriptHost: Sendable {
  /// Performs `procedure` with the arguments as written. Bare words are typed by the host.
  func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON
  /// One attempt of a `wait`'s call: like ``call(procedure:arguments:location:)`` but with no
  /// retries of the host's own, because the wait retries on its own schedule (one attempt per
  /// `every`).
  func poll(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON
  /// The arguments as they will be sent: what the host resolves before a call (a `<kind>=PATH`
  /// becomes `<kind>Id`) is resolved here, so `--trace` shows the resolved value. Nothing is sent
  /// but what resolving needs to read; an unknown or ambiguous path is the call's error.
  func prepare(procedure: String, arguments: [CallArgument]) async throws(CallError) -> [CallArgument]
  /// Static check of a literal call: unknown procedure, unknown or missing parameters, bare
  /// words that cannot fit. Values known only at run time arrive as `.deferred`.
  func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic]
  /// Reads the text of a `source`d file (the path is already resolved against the including file).
  func readSource(path: String) throws -> String
  /// `env("NAME")`.
  func environment(_ name: String) -> String?
  /// Time for `now()`, `sleep` and `wait`.
  var clock: any ScriptClock { get }
  /// Called when an assert fails or an error is not caught (only when ``ScriptOptions/debug``
  /// is set): continue after the failed statement, or abort with the exit code it would have had.
  func onFailure(_ failure: ScriptFailure) -> FailureDecision
  /// `deploy <call>`: sends the call and follows the deployment it queues to its end,
  /// reporting progress and build-log lines through `report`. Returns the deployment row.
  func deploy(_ request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void) async throws(DeployError) -> JSON
  /// Static check of a `deploy`: problems when `procedure` starts no deploy that can be followed.
  func checkDeploy(procedure: String, location: SourceLocation) -> [Diagnostic]
  /// True when a call of `procedure` may change the server's state (a mutation, sent as a
  /// POST); false for a query. Ctrl-C during a mutation says its effect is unknown.
  func changesState(procedure: String) -> Bool
  /// A built-in made the text `output` from `inputs` (`upper`, `split`, `trim`, …): a host that
  /// masks secrets in traces masks what is made from one too.
  func derived(_ output: JSON, from inputs: [JSON])
}

extension ScriptHost {
  /// A host that never retries polls like it calls.
  public func poll(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError)
    -> JSON
  {
    try await call(procedure: procedure, arguments: arguments, location: location)
  }
  public func readSource(path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
  public func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
  public var clock: any ScriptClock { SystemClock() }
  /// Nothing to resolve: the arguments as written.
  public func prepare(procedure: String, arguments: [CallArgument]) async throws(CallError) -> [CallArgument] { arguments }
  public func onFailure(_ failure: ScriptFailure) -> FailureDecision { .abort }
  public func deploy(_ request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void) async throws(DeployError)
    -> JSON
  {
    throw .unsupported("this host cannot follow deploys")
  }
  public func checkDeploy(procedure: String, location: SourceLocation) -> [Diagnostic] { [] }
  /// Unknown: assume it may (the cautious answer).
  public func changesState(procedure: String) -> Bool { true }
  public func derived(_ output: JSON, from inputs: [JSON]) {}
}
