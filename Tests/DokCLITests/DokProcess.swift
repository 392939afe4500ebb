import DokCore
import DokTestSupport
import Foundation

/// Runs the built `dok` binary as a child process and captures its output.
struct DokProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The binary: `$DOK_BIN`, else `dok` beside the test bundle in the build directory.
  static let binary: String = {
    if let b = FileIO.environment("DOK_BIN") { return b }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("dok").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir.deleteLastPathComponent()
    }
    return packageRoot + "/.build/debug/dok"
  }()

  static let packageRoot = PackagePaths.root
  static let realDocument = PackagePaths.realDocument

  /// A fresh, private XDG home so tests never share caches or configuration.
  static func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("dok-home-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = home
    env["XDG_CACHE_HOME"] = home + "/cache"
    env["XDG_CONFIG_HOME"] = home + "/config"
    env["XDG_STATE_HOME"] = home + "/state"
    // CI is unset too: with it, `dok run`/`dok call` refuse the automatic sandbox (tests of that set it).
    for k in ["DOKPLOY_URL", "DOKPLOY_API_KEY", "DOKPLOY_AUTH_TOKEN", "NO_COLOR", "CI"] { env[k] = nil }
    for (k, v) in extra { env[k] = v }
    return env
  }

  /// The child ran past its time limit and was killed: a test that expected it to end fails
  /// instead of hanging.
  struct TimedOut: Error, CustomStringConvertible {
    var arguments: [String]
    var seconds: Double
    var description: String { "dok \(arguments.joined(separator: " ")) did not finish in \(seconds) s and was killed" }
  }

  /// Runs `dok` with `args`; kills it and throws ``TimedOut`` after `timeout` seconds.
  static func run(_ args: [String], stdin: String? = nil, environment: [String: String]? = nil, timeout: Double = 120) throws
    -> Result
  {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    p.environment = environment ?? isolatedEnvironment()
    p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    let out = Pipe()
    let err = Pipe()
    let inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    let killed = Box(false)
    let watchdog = DispatchWorkItem {
      guard p.isRunning else { return }
      killed.value = true
      kill(p.processIdentifier, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    watchdog.cancel()
    if killed.value { throw TimedOut(arguments: args, seconds: timeout) }
    return Result(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Sends `signal` to a running child whose standard error is `err`, then waits for it to end
  /// (killing it after `timeout` seconds, so a child that ignores the signal cannot hang the
  /// test) and returns its exit status and what it wrote to standard error.
  static func signal(_ p: Process, _ signal: Int32, stderr err: Pipe, timeout: Double = 20) -> (status: Int32, stderr: String) {
    kill(p.processIdentifier, signal)
    let watchdog = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    watchdog.cancel()
    return (p.terminationStatus, text)
  }
}
