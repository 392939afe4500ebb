import DokCore
import DokScript

/// One report for a fleet run from the reports its children wrote: JUnit with one
/// `<testsuite>` per server (named `PROFILE: FILE`), TAP with one subtest per server. A server
/// whose child wrote no report (it could not connect, or the runbook failed its check there) gets
/// an error of its own, so the merged report is never green for a red server.
enum FleetReport {
  /// The path a child writes its report of `kind` to.
  static func childPath(directory: String, member: String, kind: String) -> String { "\(directory)/\(member).\(kind)" }

  /// The merged report of `kind` (`junit` or `tap`) for `outcomes`, reading the children's files
  /// from `directory`; `file` is the runbook's name.
  static func merge(kind: String, outcomes: [FleetRun.Outcome], directory: String, file: String) -> String {
    let texts = outcomes.map { o -> String? in
      guard
        case .success(let bytes) = Result(catching: {
          try FileIO.read(childPath(directory: directory, member: o.member.name, kind: kind))
        })
      else { return nil }
      return String(decoding: bytes, as: UTF8.self)
    }
    return kind == "tap" ? tap(outcomes, texts) : junit(outcomes, texts, file: file)
  }

  static func junit(_ outcomes: [FleetRun.Outcome], _ texts: [String?], file: String) -> String {
    var suites = ""
    var totals = [0, 0, 0]
    var time = 0.0
    for (o, text) in zip(outcomes, texts) {
      if let text, let start = text.range(of: "  <testsuite "), let end = text.range(of: "  </testsuite>\n") {
        var suite = String(text[start.lowerBound..<end.upperBound])
        suite = suite.replacing(
          "<testsuite name=\"", with: "<testsuite name=\"\(JUnitReport.escape(o.member.name)): ", maxReplacements: 1)
        suites += suite
        let head = String(text[..<start.lowerBound])
        let counts = ["tests", "failures", "errors"].map { Int(attribute($0, in: head) ?? "") ?? 0 }
        for i in 0..<3 { totals[i] += counts[i] }
        time += Double(attribute("time", in: head) ?? "") ?? 0
        // A run that failed without a failed case (`exit 3`, an interruption) is still red.
        if o.code != 0, counts[1] + counts[2] == 0 {
          suites += errorSuite(
            o, file: file, message: "dok run on profile '\(o.member.name)' (\(o.member.url)) ended with exit \(o.code)")
          totals[0] += 1
          totals[2] += 1
        }
      } else {
        let message = "dok run on profile '\(o.member.name)' (\(o.member.url)) ended with exit \(o.code) before it wrote a report"
        suites += errorSuite(o, file: file, message: message)
        totals[0] += 1
        totals[2] += 1
        time += o.seconds
      }
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites tests=\"\(totals[0])\" failures=\"\(totals[1])\" errors=\"\(totals[2])\" time=\"\(time)\">\n"
    return out + suites + "</testsuites>\n"
  }

  /// A suite of one `<error>` for a server whose run failed without saying so in a test case.
  static func errorSuite(_ o: FleetRun.Outcome, file: String, message: String) -> String {
    let name = JUnitReport.escape("\(o.member.name): \(file)")
    var out = "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\" time=\"\(o.seconds)\">\n"
    out += "    <testcase classname=\"\(name)\" name=\"\(name) (exit \(o.code))\" time=\"\(o.seconds)\">\n"
    out += "      <error type=\"run\" message=\"\(JUnitReport.escape(message))\">\(JUnitReport.escape(message))</error>\n"
    return out + "    </testcase>\n  </testsuite>\n"
  }

  static func tap(_ outcomes: [FleetRun.Outcome], _ texts: [String?]) -> String {
    var out = "TAP version 13\n1..\(outcomes.count)\n"
    for (i, (o, text)) in zip(outcomes, texts).enumerated() {
      out += "# Subtest: \(o.member.name)\n"
      for line in (text ?? "").split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("TAP version") {
        if !line.isEmpty { out += "    \(line)\n" }
      }
      let ok = o.code == 0 && text != nil
      out += "\(ok ? "ok" : "not ok") \(i + 1) - \(o.member.name) (\(o.member.url))"
      out += ok ? "\n" : text == nil ? " # exit \(o.code), no report written\n" : " # exit \(o.code)\n"
    }
    return out
  }

  /// The value of `key="…"` in `text`.
  static func attribute(_ key: String, in text: String) -> String? {
    guard let r = text.range(of: " \(key)=\"") else { return nil }
    guard let end = text[r.upperBound...].firstIndex(of: "\"") else { return nil }
    return String(text[r.upperBound..<end])
  }
}
