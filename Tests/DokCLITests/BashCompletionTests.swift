import DokCore
import Foundation
import Testing

/// The bash completion script (`dok --generate-completion-script bash`) run by bash itself, with
/// `COMP_WORDS`/`COMP_CWORD` set as bash sets them, and `compopt` recorded.
@Suite(.timeLimit(.minutes(1))) struct BashCompletionTests {
  /// Runs the script's completion function for `words` (the last is the word being completed);
  /// returns COMPREPLY and the `compopt` calls it made.
  static func complete(_ words: [String]) throws -> (reply: [String], compopt: [String]) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-bash-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let generated = try DokProcess.run(["--generate-completion-script", "bash"])
    #expect(generated.status == ExitStatus.success.code, "\(generated.stderr)")
    try generated.stdout.write(toFile: dir + "/dok.bash", atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments =
      [
        "--norc", "--noprofile", "-c",
        #"""
        source "$1"; shift
        compopt() { printf 'compopt %s\n' "$*" >>"$OPTS"; }
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        f=$(complete -p dok | sed -E 's/.* -F ([^ ]+) .*/\1/')
        "$f" dok "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\n' "${COMPREPLY[@]}"
        """#,
        "_", dir + "/dok.bash",
      ] + words
    var env = DokProcess.isolatedEnvironment(["OPTS": dir + "/opts"])
    env["PATH"] = URL(fileURLWithPath: DokProcess.binary).deletingLastPathComponent().path + ":/usr/bin:/bin"
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    watchdog.cancel()
    let reply = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    let opts = (try? String(contentsOfFile: dir + "/opts", encoding: .utf8)) ?? ""
    return (reply, opts.split(separator: "\n").map(String.init))
  }

  @Test func aParameterNameCompletesAsNameEqualsWithNoSpace() throws {
    let r = try Self.complete(["dok", "call", "application.deploy", "applicationI"])
    #expect(r.reply == ["applicationId="], "\(r.reply)")
    #expect(r.compopt.contains { $0.contains("-o nospace") }, "\(r.compopt)")
    #expect(r.compopt.contains { $0.contains("+o filenames") }, "\(r.compopt)")
  }

  @Test func aProcedureNameStillGetsItsSpace() throws {
    let r = try Self.complete(["dok", "call", "application.deplo"])
    #expect(r.reply == ["application.deploy"], "\(r.reply)")
    #expect(r.compopt.isEmpty, "\(r.compopt)")
  }
}
