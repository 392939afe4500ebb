/// Renders recorded ``TestCase``s as JUnit XML (one `<testsuite>`, one `<testcase>` each).
public enum JUnitReport {
  /// The XML document; `suite` names the test suite (usually the script file).
  public static func render(_ cases: [TestCase], suite: String, time: Double? = nil) -> String {
    let failures = cases.filter { !$0.passed }.count
    let total = time ?? cases.reduce(0) { $0 + $1.duration }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites tests=\"\(cases.count)\" failures=\"\(failures)\" time=\"\(format(total))\">\n"
    out +=
      "  <testsuite name=\"\(escape(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(format(total))\">\n"
    for c in cases {
      let name = "\(c.name): \(c.source)"
      out +=
        "    <testcase classname=\"\(escape(c.file))\" name=\"\(escape(name))\" file=\"\(escape(c.file))\" line=\"\(c.line)\" time=\"\(format(c.duration))\""
      if c.passed {
        out += "/>\n"
      } else {
        let first = c.message.split(separator: "\n").first.map(String.init) ?? "failed"
        out +=
          ">\n      <failure type=\"\(c.kind.rawValue)\" message=\"\(escape(first))\">\(escape(c.message))</failure>\n    </testcase>\n"
      }
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
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
