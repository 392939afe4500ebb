import DokCore
import Foundation

/// Where a key comes from when it is not written in the config file: a command that prints it
/// (`api_key_cmd = "pass show dokploy/prod"` in a profile, `dok login --key-cmd`) or a file
/// (`DOKPLOY_API_KEY_FILE`, as Docker and Kubernetes mount secrets). The key is kept in memory
/// only: it is never written anywhere by dok.
public enum KeySource {
  /// Seconds a key command may take: 20, or `DOK_KEY_COMMAND_TIMEOUT` (seconds or `30s`, `1m`).
  public static var commandTimeout: Double {
    FileIO.environment("DOK_KEY_COMMAND_TIMEOUT").flatMap(DurationText.seconds).flatMap { $0 > 0 ? $0 : nil } ?? 20
  }
  /// The most of a command's output read (a key is short; a runaway command is cut off).
  static let outputLimit = 64 << 10

  /// Runs `command` with `/bin/sh -c` (stdin empty), waits at most `timeout` seconds, and
  /// returns its first line of output, trimmed. Fails with the command's exit status and its
  /// standard error when it fails, prints nothing, or does not finish in time. `what` names the
  /// command in messages (`api_key_cmd of profile 'prod'`).
  public static func run(_ command: String, what: String, timeout: Double = commandTimeout) throws(CallError) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    do {
      try p.run()
    } catch {
      throw CallError(kind: .argument, message: "\(what) could not be started: \(error)")
    }
    // Both pipes are read on their own threads; a command still running (or a child of it
    // holding the pipes open) after `timeout` is stopped and not waited for.
    let outData = Box(Data())
    let errData = Box(Data())
    let group = DispatchGroup()
    for (pipe, box) in [(out, outData), (err, errData)] {
      group.enter()
      DispatchQueue.global().async {
        box.value = pipe.fileHandleForReading.readData(ofLength: outputLimit)
        group.leave()
      }
    }
    let timedOut = group.wait(timeout: .now() + timeout) == .timedOut
    if timedOut {
      p.terminate()
    } else {
      p.waitUntilExit()
    }
    let stderrText = timedOut ? "" : String(decoding: errData.value, as: UTF8.self).trimming()
    let shown = stderrText.isEmpty ? [] : ["its standard error: " + String(stderrText.prefix(2000))]
    if timedOut {
      throw CallError(
        kind: .argument, message: "\(what) did not finish within \(Int(timeout)) s and was stopped",
        hints: shown + ["a secret manager waiting for a passphrase needs its agent unlocked first"])
    }
    if p.terminationStatus != 0 {
      throw CallError(kind: .argument, message: "\(what) failed (exit \(p.terminationStatus))", hints: shown)
    }
    let key = firstLine(String(decoding: outData.value, as: UTF8.self))
    guard !key.isEmpty else {
      throw CallError(kind: .argument, message: "\(what) printed no key", hints: shown)
    }
    return key
  }

  /// The key in a file: its first line, trimmed (a trailing newline is usual).
  public static func read(file path: String, what: String) throws(CallError) -> String {
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(path)
    } catch {
      throw CallError(kind: .argument, message: "\(what): cannot read \(error)")
    }
    guard bytes.count <= outputLimit else {
      throw CallError(kind: .argument, message: "\(what): \(path) is too large to hold a key")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let key = firstLine(text)
    guard !key.isEmpty else { throw CallError(kind: .argument, message: "\(what): \(path) holds no key") }
    return key
  }

  /// The first non-blank line, without surrounding spaces (what `pass show` prints first).
  static func firstLine(_ text: String) -> String {
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let t = String(line).trimming()
      if !t.isEmpty { return t }
    }
    return ""
  }
}
