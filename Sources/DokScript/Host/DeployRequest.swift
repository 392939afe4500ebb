import DokCore

/// What a `deploy <call> [every D] [timeout D]` statement asks the host to do.
public struct DeployRequest: Sendable {
  /// `router.procedure` of the call that starts the deploy.
  public var procedure: String
  /// The call's arguments, evaluated.
  public var arguments: [CallArgument]
  /// Seconds between status requests (`every`, default 2).
  public var every: Double
  /// Seconds before the deploy counts as timed out (`timeout`, default 15 minutes).
  public var timeout: Double
  /// Where the statement is.
  public var location: SourceLocation
  /// Under `--trace`: the host reports what it adds to the call (dok's `description`) as a note.
  public var tracing = false

  /// A request with the statement's values.
  public init(procedure: String, arguments: [CallArgument], every: Double, timeout: Double, location: SourceLocation) {
    self.procedure = procedure
    self.arguments = arguments
    self.every = every
    self.timeout = timeout
    self.location = location
  }
}

/// The two phases of a followed deploy.
public enum DeployPhase: String, Sendable {
  /// Sent; the server's queue has not started it yet (no new deployment row).
  case queued
  /// The worker took it: a deployment row exists and is `running`.
  case running
}

/// The state of a followed deploy, for a live progress line.
public struct DeployProgress: Sendable {
  /// Where the `deploy` statement is (nil from the command line).
  public var location: SourceLocation?
  public var phase: DeployPhase
  /// Seconds since the call was sent.
  public var elapsed: Double
  /// What is being followed, e.g. `application app-x (deployment d1 "Manual deployment")`.
  public var subject: String
  /// True on the final update.
  public var finished: Bool

  public init(location: SourceLocation?, phase: DeployPhase, elapsed: Double, subject: String, finished: Bool) {
    self.location = location
    self.phase = phase
    self.elapsed = elapsed
    self.subject = subject
    self.finished = finished
  }

  /// `deploy queued 12s: waiting behind the server's deploy queue for application abc`.
  public var line: String {
    switch phase {
    case .queued: "deploy queued \(Durations.format(elapsed)): waiting behind the server's deploy queue for \(subject)"
    case .running: "deploy running \(Durations.format(elapsed)): \(subject)"
    }
  }
}

/// Something a followed deploy reports while it runs.
public enum DeployEvent: Sendable {
  /// The progress line changed.
  case progress(DeployProgress)
  /// One new build-log line (each line once, in order).
  case log(String)
  /// A one-line note (where the log can be read, a fallback taken).
  case note(String)
}

/// Why a deploy produced no deployment row.
public enum DeployError: Error, Sendable {
  /// The call, or a status request, failed.
  case call(CallError)
  /// The deployment ended in `error` or `cancelled` (`DEPLOY_FAILED`, exit 7): the row and the
  /// build log's last lines (a script's `catch $err` sees them as `$err.deployment` and `$err.log`).
  case failed(message: String, notes: [String], deployment: JSON, log: [String])
  /// dok could not tell which deployment its call queued (`DEPLOY_AMBIGUOUS`: two new rows could
  /// be it) or lost it (`DEPLOY_LOST`: the server pruned it); exit 7, never a guess. `rows` are the
  /// candidates (`$err.deployments` in a `catch`).
  case unfollowable(code: String, message: String, notes: [String], rows: [JSON])
  /// The timeout passed (`WAIT_TIMEOUT`, exit 5); the message names the phase.
  case timeout(message: String, notes: [String])
  /// Interrupted: following stopped (the deploy goes on on the server).
  case cancelled
  /// The call starts no deploy dok can follow, or this host cannot follow deploys.
  case unsupported(String)
}
