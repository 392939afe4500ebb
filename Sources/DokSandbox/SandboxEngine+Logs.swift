import DokCore

extension SandboxEngine {
  /// What ``followDeploymentLog(logPath:poll:)`` reports when it cannot follow a path.
  public enum LogFollowError: Error, Sendable, Equatable {
    /// No deployment row has this `logPath` (the real route closes with 4000 "Invalid log path").
    case invalidLogPath
  }

  /// The build log of the deployment whose row has `logPath`, as `tail -n +1 -f` gives it: every
  /// line written so far, then each new line as the build writes it; the stream ends once the
  /// deployment is no longer queued or running and every line was sent. This is what a
  /// `/listen-deployment?logPath=…` WebSocket route sends as text frames.
  ///
  /// - Parameter poll: how often to look for new lines while the build runs.
  public func followDeploymentLog(logPath: String, poll: Duration = .milliseconds(100)) throws(LogFollowError)
    -> AsyncStream<String>
  {
    guard let id = withState({ $0.deploymentId(logPath: logPath) }) else { throw .invalidLogPath }
    return AsyncStream { continuation in
      let task = Task(executorPreference: SandboxExecutor.shared) {
        var sent = 0
        while !Task.isCancelled {
          let now = self.clock()
          let (lines, running) = self.withState { s -> ([String], Bool) in
            s.settle(now: now)
            return (s.logLines(id, now: now), s.isRunning(id))
          }
          while sent < lines.count {
            continuation.yield(lines[sent])
            sent += 1
          }
          if !running { break }
          try? await Task.sleep(for: poll)
        }
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  /// The lines of a deployment's build log written so far (nil for an unknown deployment id).
  public func deploymentLogLines(deploymentId: String) -> [String]? {
    let now = self.clock()
    return withState { s in
      s.settle(now: now)
      return s.deployments[deploymentId] == nil ? nil : s.logLines(deploymentId, now: now)
    }
  }
}
