import DokCore

/// The table of `dok ls` and `:ls`, drawn from the listing's JSON (projects → environments →
/// services): one line per project, environment and service, names indented as a tree, then the
/// kind, status, last deployment (status and age) and domains. "—" is a value dok does not know
/// (nothing is guessed); "never" a service never deployed. Statuses are coloured only when
/// `color` is set (a terminal without `NO_COLOR`).
public enum TreeTable {
  /// The table for `listing` (``TreeListing/json()``'s shape); `now` (seconds since 1970) dates the ages.
  public static func render(_ listing: JSON, now: Double, color: Bool) -> String {
    var rows: [[Cell]] = [["NAME", "KIND", "STATUS", "LAST DEPLOYMENT", "DOMAINS"].map { Cell($0) }]
    for p in listing.arrayValue ?? [] {
      rows.append([Cell(p["name"]?.stringValue ?? ""), Cell("project"), Cell(""), Cell(""), Cell("")])
      for e in p["environments"]?.arrayValue ?? [] {
        let name = "  " + (e["name"]?.stringValue ?? "") + (e["isDefault"]?.boolValue == true ? " (default)" : "")
        rows.append([Cell(name), Cell("environment"), Cell(""), Cell(""), Cell("")])
        for s in e["services"]?.arrayValue ?? [] { rows.append(service(s, now: now)) }
      }
    }
    return layout(rows, color: color)
  }

  /// One cell: its text and the status it shows, if any (for colour).
  struct Cell: ExpressibleByStringLiteral {
    var text: String
    var status: String?
    init(_ text: String, status: String? = nil) {
      self.text = text
      self.status = status
    }
    init(stringLiteral value: String) { self.init(value) }
  }

  static func service(_ s: JSON, now: Double) -> [Cell] {
    let name = "    " + (s["name"]?.stringValue ?? "(id \(s["id"]?.stringValue ?? "?"))")
    let status = s["status"]?.stringValue.map { Cell($0, status: $0) } ?? Cell("—")
    let deployment: Cell
    switch s["lastDeployment"] {
    case .object(let d)? where d.isEmpty: deployment = Cell("never")
    case .object(let d)?:
      let st = d["status"]?.stringValue ?? "—"
      let age = d["createdAt"]?.stringValue.flatMap(ISOTime.seconds).map { " " + ago(now - $0) } ?? ""
      deployment = Cell(st + age, status: st)
    default: deployment = Cell("—")
    }
    let domains: Cell
    if let list = s["domains"]?.arrayValue {
      domains = Cell(list.compactMap(\.stringValue).joined(separator: ", "))
    } else {
      domains = Cell("—")
    }
    return [Cell(name), Cell(s["kind"]?.stringValue ?? ""), status, deployment, domains]
  }

  /// `seconds` as an age: `42s ago`, `5m ago`, `3h ago`, `12d ago`.
  public static func ago(_ seconds: Double) -> String {
    let s = max(0, Int(seconds))
    if s < 60 { return "\(s)s ago" }
    if s < 3600 { return "\(s / 60)m ago" }
    if s < 86400 { return "\(s / 3600)h ago" }
    return "\(s / 86400)d ago"
  }

  /// The ANSI colour of a status: green when done or running, red on error, yellow while queued.
  static func colour(_ status: String) -> String? {
    switch status {
    case "done", "running": "\u{1B}[32m"
    case "error", "cancelled": "\u{1B}[31m"
    case "queued", "idle": status == "queued" ? "\u{1B}[33m" : nil
    default: nil
    }
  }

  /// Left-aligned columns two spaces apart (``TextTable``'s layout), measured without colour.
  static func layout(_ rows: [[Cell]], color: Bool) -> String {
    var widths = [Int](repeating: 0, count: rows[0].count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.text.count) } }
    var out = ""
    for r in rows {
      var line = ""
      for (i, c) in r.enumerated() {
        let pad = i < r.count - 1 ? String(repeating: " ", count: widths[i] - c.text.count + 2) : ""
        if color, let st = c.status, let code = colour(st) {
          line += code + c.text + "\u{1B}[0m" + pad
        } else {
          line += c.text + pad
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }
}

/// Reads the timestamps Dokploy writes (`2026-12-08T01:22:42.123Z`, ISO 8601 in UTC).
enum ISOTime {
  /// Seconds since 1970 of `text`, or nil when it is not `YYYY-MM-DDTHH:MM:SS[.fff][Z]`.
  static func seconds(_ text: String) -> Double? {
    let u = Array(text.utf8)
    guard u.count >= 19, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[13] == UInt8(ascii: ":") else { return nil }
    func num(_ a: Int, _ b: Int) -> Int? {
      var n = 0
      for c in u[a..<b] {
        guard c >= 48, c <= 57 else { return nil }
        n = n * 10 + Int(c - 48)
      }
      return n
    }
    guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13), let mi = num(14, 16),
      let s = num(17, 19), (1...12).contains(mo)
    else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let yy = mo <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    var frac = 0.0
    if u.count > 20, u[19] == UInt8(ascii: "."),
      let f = Double("0" + String(decoding: u[19...].prefix { $0 != UInt8(ascii: "Z") }, as: UTF8.self))
    {
      frac = f
    }
    return Double(days * 86400 + h * 3600 + mi * 60 + s) + frac
  }
}
