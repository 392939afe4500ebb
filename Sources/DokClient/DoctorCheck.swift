import DokCore

/// One line of `dok doctor`: what was checked, how it went, what was seen and, when it did not
/// pass, the fix in one line.
public struct DoctorCheck: Sendable, Equatable {
  /// How a check went. `skipped` means an earlier failure made it meaningless.
  public enum Status: String, Sendable {
    case ok, warn, fail, skipped
  }

  /// A short name (`tls`, `key`, `websocket`…).
  public var name: String
  public var status: Status
  /// What was seen, in one line.
  public var detail: String
  /// What to do about it, in one line (nil when it passed).
  public var fix: String?

  public init(_ name: String, _ status: Status, _ detail: String, fix: String? = nil) {
    self.name = name
    self.status = status
    self.detail = detail
    self.fix = fix
  }

  /// The check as a JSON object (`--output json`).
  public var json: JSON {
    var o = JSONObject()
    o["check"] = .string(name)
    o["status"] = .string(status.rawValue)
    o["detail"] = .string(detail)
    o["fix"] = fix.map(JSON.string) ?? .null
    return .object(o)
  }
}

/// Everything `dok doctor` found, in the order it was checked.
public struct DoctorReport: Sendable, Equatable {
  /// The server's URL (never the key).
  public var server: String
  public var checks: [DoctorCheck]

  public init(server: String, checks: [DoctorCheck] = []) {
    self.server = server
    self.checks = checks
  }

  /// True when no check failed (warnings alone pass).
  public var passed: Bool { !checks.contains { $0.status == .fail } }

  /// The check named `name`.
  public func check(_ name: String) -> DoctorCheck? { checks.first { $0.name == name } }

  /// The report for scripts: `{"server", "passed", "checks": [...]}`.
  public var json: JSON {
    var o = JSONObject()
    o["server"] = .string(server)
    o["passed"] = .bool(passed)
    o["checks"] = .array(checks.map(\.json))
    return .object(o)
  }

  /// The report for people: one line per check (`ok`, `WARN`, `FAIL`, `skip`), the fix indented
  /// under it, and a last line saying whether everything passed.
  public var text: String {
    let width = checks.map(\.name.count).max() ?? 0
    var out = "dok doctor: \(server)\n"
    for c in checks {
      let mark =
        switch c.status {
        case .ok: "ok  "
        case .warn: "WARN"
        case .fail: "FAIL"
        case .skipped: "skip"
        }
      out += "  \(mark)  \(c.name + String(repeating: " ", count: width - c.name.count))  \(c.detail)\n"
      if let fix = c.fix { out += "        \(String(repeating: " ", count: width))  → \(fix)\n" }
    }
    let failed = checks.filter { $0.status == .fail }.count
    let warned = checks.filter { $0.status == .warn }.count
    if failed > 0 {
      out += "\(failed) check\(failed == 1 ? "" : "s") failed"
      out += warned > 0 ? ", \(warned) warning\(warned == 1 ? "" : "s")\n" : "\n"
    } else {
      out += warned > 0 ? "all checks passed, \(warned) warning\(warned == 1 ? "" : "s")\n" : "all checks passed\n"
    }
    return out
  }
}
