import DokCore
import DokTestSupport
import Foundation

// A misbehaving Dokploy for terminal-tests/hostile.sh: the cases of `HostileCase` as the
// procedures `hostile.<case>`, and a second server playing "another host" for the off-site
// redirect, which appends the headers it sees to SEEN. Writes "PORT OTHER_PORT" to PORTS once
// listening; runs until killed. Usage: dok-hostile-server PORTS [SEEN]

let args = CommandLine.arguments
guard args.count >= 2 else {
  Output.stderr("usage: dok-hostile-server PORTS [SEEN]\n")
  exit(ExitStatus.usage.code)
}
let seen = args.count > 2 ? args[2] : "/dev/null"
let seenLock = NSLock()
let other = try HostileServer { r in
  seenLock.lock()
  defer { seenLock.unlock() }
  let text = r.headers.map { "\($0.0): \($0.1)\n" }.joined() + "--\n"
  if let h = FileHandle(forWritingAtPath: seen)
    ?? { FileManager.default.createFile(atPath: seen, contents: nil) ? FileHandle(forWritingAtPath: seen) : nil }()
  {
    h.seekToEndOfFile()
    h.write(Data(text.utf8))
    h.closeFile()
  }
  return .json(200, #"[{"from": "the-other-host"}]"#)
}
let server = try HostileCase.server(otherHost: "http://localhost:\(other.port)")
try "\(server.port) \(other.port)\n".write(toFile: args[1], atomically: true, encoding: .utf8)
while true { Thread.sleep(forTimeInterval: 3600) }
