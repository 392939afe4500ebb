import ArgumentParser
import DokCore
import DokSandbox
import Foundation

/// `dok sandbox`: runs a simulated Dokploy server on 127.0.0.1 until interrupted.
struct SandboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox",
    abstract: "Run a simulated Dokploy server on 127.0.0.1.",
    discussion: """
      Serves /api/<router.procedure> and /api/trpc/<router.procedure> like a real Dokploy server, \
      with in-memory state (optionally persisted to --state). Stops on Ctrl-C or SIGTERM.
      """)

  @Option(help: "TCP port to listen on (0 picks a free port).")
  var port: Int = 4180

  @Option(name: .customLong("api-key"), help: "Require this key in the x-api-key header.")
  var apiKey: String?

  @Option(name: .customLong("deploy-seconds"), help: "Seconds a deploy stays running before it finishes.")
  var deploySeconds: Double = 3

  @Option(name: .customLong("queue-delay"), help: "Seconds a queued deploy waits before the worker takes it.")
  var queueDelay: Double = 1

  @Option(name: .customLong("state"), help: "JSON file to load at start and save after every change.")
  var state: String?

  @Option(
    name: .customLong("seed"),
    help: "Seed the sandbox's random choices: the same calls make the same ids and app names on every run.")
  var seed: UInt64?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard deploySeconds >= 0, deploySeconds.isFinite else { throw ValidationError("--deploy-seconds must be 0 or more") }
    guard queueDelay >= 0, queueDelay.isFinite else { throw ValidationError("--queue-delay must be 0 or more") }
  }

  func run() async throws {
    var options = SandboxOptions(
      port: port, apiKey: apiKey, deploySeconds: deploySeconds, queueDelay: queueDelay, statePath: state)
    options.seed = seed
    let sandbox: Sandbox
    do {
      sandbox = try await Sandbox.start(options)
    } catch {
      // NIO's bind error names a syscall and an errno; say what it means.
      let text = "\(error)"
      if text.contains("errno: 98") || text.contains("Address already in use") {
        throw DokExit.usage("port \(port) is already in use: choose another with --port N (0 picks a free one)")
      }
      throw DokExit.usage("cannot start the sandbox: \(text)")
    }
    var text = "dok sandbox listening on \(sandbox.url)\n"
    text += "api key: \(apiKey ?? "(none; requests need no x-api-key)")\n"
    if let state { text += "state file: \(state)\n" }
    if let seed { text += "seed: \(seed)\n" }
    text += "press Ctrl-C to stop\n"
    FileHandle.standardOutput.write(Data(text.utf8))
    let signal = await InterruptMonitor.shared.waitForStop()
    await sandbox.stop()
    FileHandle.standardError.write(Data("dok sandbox stopped (signal \(signal))\n".utf8))
  }
}
