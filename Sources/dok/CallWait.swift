import DokClient
import DokCore
import DokLive
import DokRuntime
import DokScript
import DokSpec

/// `dok call PROC … --wait`: the call is sent by ``DeploymentTracker``, which follows the
/// deployment it queues; progress and build-log lines go to stderr, the final row to stdout.
struct CallWait: Sendable {
  /// Seconds between status requests.
  var every: Double
  /// Seconds before giving up (exit 5).
  var timeout: Double

  /// Parses `--wait-timeout` / `--wait-every` values: `90`, `90s`, `500ms`, `15m`, `1h`.
  static func seconds(_ text: String, option: String) throws -> Double {
    guard let seconds = DurationText.seconds(text) else {
      throw DokExit.usage("\(option) takes a duration like 90s, 15m or 1h, not '\(text)'")
    }
    return seconds
  }

  /// Why a waited call produced no row.
  enum Failure: Error, Sendable {
    case call(CallError)
    case deploy(DeployError)
    /// Every argument problem found before sending (nothing was sent).
    case arguments([CallError])
  }

  /// Sends the call and follows its deployment.
  func run(session: DokSession, procedure: String, arguments: [CallArgument]) async -> Result<JSON, Failure> {
    guard let catalog = session.catalog else {
      return .failure(.call(CallError(kind: .argument, procedure: procedure, message: "no API document loaded")))
    }
    // Arguments are checked before anything is sent (an argument error sends nothing).
    do { _ = try session.prepare(procedure: procedure, arguments: arguments) } catch { return .failure(.call(error)) }
    let tracker = DeploymentTracker(caller: session, catalog: catalog, logStreams: session.logStreams)
    let sink = TerminalSink(reporter: DokMain.reporter)
    sink.showBuildLogs = true
    sink.plainProgressEvery = TerminalSink.plainProgressDefault
    sink.plainProgressLocation = false
    // The key is masked as everywhere else (a key too short to tell from ordinary text is not).
    let policy = SecretPolicy.fromEnvironment(apiKey: session.connection.apiKey)
    sink.diagnosticTransform = { policy.redactKey(in: $0) }
    let box = SinkBox(sink)
    let request = DeployRequest(
      procedure: procedure, arguments: arguments, every: every, timeout: timeout,
      location: SourceLocation(file: "dok call", line: 1, column: 1))
    do throws(DeployError) {
      let row = try await tracker.deploy(request) { box.sink.deploy($0) }
      sink.clearProgress()
      return .success(row)
    } catch {
      sink.clearProgress()
      return .failure(.deploy(error))
    }
  }

  /// The exit for a failure: 2 unsupported, 3/4 call errors, 5 timeout, 7 failed deploy, 130 interrupted.
  static func exit(for failure: Failure) -> DokExit {
    switch failure {
    case .call(let e): return DokExit(e)
    case .arguments(let errors): return DokExit(errors.first?.status ?? .usage, errors.map { $0.diagnostic() })
    case .deploy(let d):
      switch d {
      case .call(let e): return DokExit(e)
      case .failed(let message, let notes, _, _): return DokExit(.deployFailed, message, notes: notes)
      case .unfollowable(_, let message, let notes, _): return DokExit(.deployFailed, message, notes: notes)
      case .timeout(let message, let notes): return DokExit(.timeout, message, notes: notes)
      case .cancelled: return DokExit.interrupted
      case .unsupported(let message): return DokExit.usage(message)
      }
    }
  }
}

/// The terminal sink, handed to the tracker's report closure (it reports from one task).
private final class SinkBox: @unchecked Sendable {
  let sink: TerminalSink
  init(_ sink: TerminalSink) { self.sink = sink }
}
