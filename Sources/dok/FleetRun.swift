import DokCore
import Foundation

/// Runs one command against every member of a ``Fleet``: one `dok` child per server, with this
/// process's own arguments and ``Fleet/memberVariable`` naming the member. Sequentially (the
/// default) each child writes straight to the terminal under a heading; with `--parallel N` up to
/// N run at once and each child's output (bounded) is printed as one group when it ends. Then a
/// summary table on stderr; the result is the worst exit code (``ExitStatus/worse(_:_:)``).
struct FleetRun {
  /// How one member's run ended.
  struct Outcome: Sendable {
    var member: Fleet.Member
    var code: Int32
    var seconds: Double
  }

  var fleet: Fleet
  /// At most this many children at once (1: one after the other, output live).
  var parallel = 1
  /// The arguments this process was started with (without the program name).
  var arguments: [String]
  /// Where children write their reports, when reports are asked for.
  var reportDirectory: String?

  init(
    fleet: Fleet, parallel: Int = 1, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
    reportDirectory: String? = nil
  ) {
    self.fleet = fleet
    self.parallel = parallel
    self.arguments = arguments
    self.reportDirectory = reportDirectory
  }

  /// The most each child's stdout or stderr keeps in parallel mode; the rest is counted.
  static let outputLimit = 8 << 20

  /// Runs every member and returns the outcomes in the fleet's order.
  func run() async -> [Outcome] {
    let executable = Self.executablePath()
    let monitor = InterruptMonitor.shared
    let children = ChildTable()
    // Ctrl-C and SIGTERM reach the children; this process waits for them to end. On a terminal
    // Ctrl-C reaches every process of the foreground group already, so it is passed on only
    // when there is none (a signal sent to this process alone), never twice.
    let onTerminal = Platform.isTerminal(0)
    let previous = monitor.swapInterruptHandler { if !onTerminal { children.interruptAll() } }
    monitor.setTerminationHandler { children.terminateAll() }
    defer {
      _ = monitor.swapInterruptHandler(previous)
      monitor.setTerminationHandler(nil)
    }
    let width = max(1, parallel)
    var outcomes: [Int: Outcome] = [:]
    await withTaskGroup(of: (Int, Outcome).self) { group in
      var next = 0
      func start() {
        guard next < fleet.members.count else { return }
        let i = next
        next += 1
        let member = fleet.members[i]
        if width == 1 { Terminal.standardOutput.write(Self.heading(member)) }
        group.addTask {
          // A child is waited for on a thread of its own, never in Swift's task pool.
          let outcome = await withCheckedContinuation { done in
            Platform.startThread {
              done.resume(returning: self.runChild(member, executable: executable, captured: width > 1, children: children))
            }
          }
          return (i, outcome)
        }
      }
      for _ in 0..<min(width, fleet.members.count) { start() }
      while let (i, outcome) = await group.next() {
        outcomes[i] = outcome
        if monitor.count == 0 { start() }
      }
    }
    let ran = fleet.members.indices.compactMap { outcomes[$0] }
    // Members never started (Ctrl-C came first) count as interrupted.
    let skipped = fleet.members.indices.filter { outcomes[$0] == nil }.map {
      Outcome(member: fleet.members[$0], code: ExitStatus.interrupted.code, seconds: 0)
    }
    return ran + skipped
  }

  /// `── prod · https://dokploy.example.com/api ──`: the line above a member's output.
  static func heading(_ member: Fleet.Member) -> String { "── \(member.name) · \(member.url) ──\n" }

  /// The summary table for stderr: profile, server, exit code and duration, then the worst code.
  static func summary(_ outcomes: [Outcome]) -> String {
    let nameWidth = max(7, outcomes.map(\.member.name.count).max() ?? 0)
    let urlWidth = max(6, outcomes.map(\.member.url.count).max() ?? 0)
    func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    var out = "\n" + pad("profile", nameWidth) + "  " + pad("server", urlWidth) + "  exit  time\n"
    for o in outcomes {
      out += pad(o.member.name, nameWidth) + "  " + pad(o.member.url, urlWidth) + "  " + pad(String(o.code), 4) + "  "
      out += Self.duration(o.seconds) + "\n"
    }
    let worst = outcomes.map(\.code).reduce(0, ExitStatus.worse)
    let failed = outcomes.filter { $0.code != 0 }.count
    out += failed == 0 ? "all \(outcomes.count) servers: ok\n" : "\(failed) of \(outcomes.count) servers failed; exit \(worst)\n"
    return out
  }

  private func runChild(_ member: Fleet.Member, executable: String, captured: Bool, children: ChildTable) -> Outcome {
    let started = Date()
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env[Fleet.memberVariable] = member.name
    env[Fleet.reportDirectoryVariable] = reportDirectory
    p.environment = env
    p.standardInput = FileHandle.nullDevice
    let out = captured ? BoundedCapture(limit: Self.outputLimit) : nil
    let err = captured ? BoundedCapture(limit: Self.outputLimit) : nil
    if let out, let err {
      p.standardOutput = out.pipe
      p.standardError = err.pipe
    }
    do {
      try children.run(p)
    } catch {
      out?.abandon()
      err?.abandon()
      Terminal.standardError.write("dok: could not start the run for profile '\(member.name)': \(error)\n")
      return Outcome(member: member, code: ExitStatus.usage.code, seconds: 0)
    }
    // The child's end first; then what it wrote (a process it left behind holding the pipes
    // open cannot hold the fleet up: the rest of its output is given up after a moment).
    p.waitUntilExit()
    let outText = out?.finish()
    let errText = err?.finish()
    children.remove(p)
    let code = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
    if let outText, let errText {
      Self.printing.withLock {
        Terminal.standardOutput.write(Self.heading(member) + outText)
        Terminal.standardError.write(errText)
      }
    }
    return Outcome(member: member, code: code, seconds: Date().timeIntervalSince(started))
  }

  /// One group at a time on the terminal.
  private static let printing = NSLock()

  /// `1.2 s`.
  static func duration(_ seconds: Double) -> String { "\((seconds * 10).rounded() / 10) s" }

  /// A new directory only this user can read (the children's reports), under $TMPDIR.
  static func privateDirectory() throws(DokExit) -> String {
    do {
      return try FileIO.makeTemporaryDirectory(prefix: "dok-fleet")
    } catch {
      throw DokExit.usage("cannot make a directory for the fleet's reports: \(error)")
    }
  }

  /// Removes a directory made by ``privateDirectory()`` and its files.
  static func removeDirectory(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  /// This executable's path (children run the same binary).
  static func executablePath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return CommandLine.arguments[0]
  }
}

/// The running children, so a signal can be passed on to each.
private final class ChildTable: @unchecked Sendable {
  private let lock = NSLock()
  private var running: [Process] = []

  func run(_ p: Process) throws {
    try lock.withLock {
      try p.run()
      running.append(p)
    }
  }

  func remove(_ p: Process) { lock.withLock { running.removeAll { $0 === p } } }

  /// SIGINT to each running child.
  func interruptAll() { lock.withLock { for p in running where p.isRunning { p.interrupt() } } }

  /// SIGTERM to each running child.
  func terminateAll() { lock.withLock { for p in running where p.isRunning { p.terminate() } } }
}
