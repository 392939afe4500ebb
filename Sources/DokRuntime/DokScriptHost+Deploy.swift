import DokCore
import DokScript

extension DokScriptHost {
  /// The tracker `deploy` uses: this host's caller, catalog and clock, and the caller's log
  /// streams (for the build log) when it has them.
  public var deploymentTracker: DeploymentTracker {
    DeploymentTracker(caller: caller, catalog: catalog, logStreams: caller.logStreams, clock: clock)
  }

  public func deploy(_ request: DeployRequest, report: @escaping @Sendable (DeployEvent) -> Void) async throws(DeployError)
    -> JSON
  {
    var request = request
    do {
      // The tracker reads the service's id from the arguments: a path is resolved first.
      request.arguments = try await prepare(procedure: request.procedure, arguments: request.arguments)
    } catch {
      throw .call(error)
    }
    let row = try await deploymentTracker.deploy(request, report: report)
    secrets?.learn(from: row)
    return row
  }

  public func checkDeploy(procedure: String, location: SourceLocation) -> [Diagnostic] {
    // An unknown procedure is reported by the call's own check.
    guard catalog.procedure(named: procedure) != nil, let problem = DeployTarget.problem(with: procedure, catalog: catalog) else {
      return []
    }
    return [
      Diagnostic(
        .error, problem,
        at: SourceLocation(file: location.file, line: location.line, column: location.column, length: procedure.count),
        notes: ["hint: a plain call (without deploy) sends it without following anything"])
    ]
  }
}
