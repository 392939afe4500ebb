import DokCore
import Testing

/// The exit codes in help come from `ExitStatus`, the one list, so they cannot drift from the
/// codes the commands return.
@Suite struct HelpTests {
  @Test func exitCodesTopicIsTheStatusTable() throws {
    let r = try DokProcess.run(["help", "exit-codes"])
    #expect(r.status == ExitStatus.success.code)
    #expect(r.stdout == ExitStatus.helpTable + "\n")
  }

  @Test func rootAndCallHelpListTheCodes() throws {
    let root = try DokProcess.run(["--help"])
    for status in ExitStatus.allDocumented {
      #expect(root.stdout.contains("\(status.code)  "), "root help lacks \(status.code)")
    }
    let call = try DokProcess.run(["call", "--help"])
    let flat = call.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("\(ExitStatus.apiError.code) \(ExitStatus.apiError.summary)"), "\(call.stdout)")
  }
}
