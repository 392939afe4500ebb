/// Renders recorded ``TestCase``s as JUnit XML (one `<testsuite>`, one `<testcase>` each).
/// A failed `assert`, `wait` or `deploy` is a `<failure>`; an error the run hit (a failed call, a
/// runtime error, a check error) is an `<error>`, counted under `errors`. A statement that ran more than once (an
/// assert in a loop) gives one test case per run, named ` #2`, ` #3`, … after the first.
public enum JUnitReport {
  /// The XML document; `suite` names the test suite (usually the script file).
  public static func render(_ cases: [TestCase], suite: String, time: Double? = nil) -> String {
    let errors = cases.filter { !$0.passed && $0.kind.isError }.count
    let failures = cases.filter { !$0.passed }.count - errors
    let total = time ?? cases.reduce(0) { $0 + $1.duration }
    let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(format(total))\""
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites \(counts)>\n"
    out += "  <testsuite name=\"\(escape(suite))\" \(counts)>\n"
    for (c, name) in zip(cases, uniqueNames(cases)) {
      out +=
        "    <testcase classname=\"\(escape(c.file))\" name=\"\(escape(name))\" file=\"\(escape(c.file))\" line=\"\(c.line)\" time=\"\(format(c.duration))\""
      if c.passed {
        out += "/>\n"
      } else {
        let element = c.kind.isError ? "error" : "failure"
        let first = c.message.split(separator: "\n").first.map(String.init) ?? "failed"
        out +=
          ">\n      <\(element) type=\"\(c.kind.rawValue)\" message=\"\(escape(first))\">\(escape(c.message))</\(element)>\n    </testcase>\n"
      }
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }

  /// `file:line: source` for each case; the second and later cases of the same statement get
  /// ` #2`, ` #3`, … so every name is unique (CI systems merge or drop duplicates).
  static func uniqueNames(_ cases: [TestCase]) -> [String] {
    var seen: [String: Int] = [:]
    return cases.map { c in
      let base = "\(c.name): \(c.source)"
      let n = (seen[base] ?? 0) + 1
      seen[base] = n
      return n == 1 ? base : "\(base) #\(n)"
    }
  }

  static func format(_ t: Double) -> String {
    let ms = (t * 1000).rounded() / 1000
    return String(ms)
  }

  /// XML text/attribute escaping.
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      default:
        if ch.value < 0x20 && ch != "\t" { continue }
        out.unicodeScalars.append(ch)
      }
    }
    return out
  }
}
