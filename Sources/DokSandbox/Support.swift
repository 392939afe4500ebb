import DokCore

/// Identifiers and timestamps in Dokploy's formats.
enum Support {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8)

  /// A 21-character nanoid (alphabet `A-Za-z0-9_-`), like Dokploy's primary keys.
  static func nanoid(_ length: Int = 21) -> String {
    var rng = SandboxRandom.Generator()
    var bytes = [UInt8](repeating: 0, count: length)
    for i in 0..<length { bytes[i] = alphabet[Int(rng.next() & 63)] }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A lowercase alphanumeric suffix, as Dokploy appends to app names.
  static func suffix(_ length: Int = 6) -> String {
    let chars = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    var rng = SandboxRandom.Generator()
    return String(decoding: (0..<length).map { _ in chars[Int(rng.next() % UInt64(chars.count))] }, as: UTF8.self)
  }

  /// `value` rounded toward zero as an `Int`, for every value a request can carry: NaN gives
  /// nil, and a value past `Int`'s range (±1e20, ±infinity) the nearest bound, never a trap.
  static func int(_ value: Double) -> Int? {
    if value.isNaN { return nil }
    if value >= 9_223_372_036_854_775_807 { return .max }
    if value < -9_223_372_036_854_775_807 { return .min }
    return Int(value)
  }

  /// `count` characters drawn from `chars` (the sandbox's random source, see ``SandboxRandom``).
  static func random(_ count: Int, from chars: String) -> String {
    var rng = SandboxRandom.Generator()
    return String((0..<count).map { _ in chars.randomElement(using: &rng)! })
  }

  /// Seconds since the Unix epoch, from the wall clock (so state files resume correctly): the
  /// sandbox's clock unless its options give another.
  static func now() -> Double { FileIO.unixTime() }

  /// ISO 8601 with milliseconds in UTC (`2025-01-02T03:04:05.678Z`), as JavaScript prints dates.
  /// Total: a moment past JavaScript's range (±8.64e15 ms) prints as that range's end, NaN as the epoch.
  static func iso(_ t: Double) -> String {
    let ms = Int64((t.isNaN ? 0 : min(max(t * 1000, -8.64e15), 8.64e15)).rounded(.down))
    let secs = Int64((Double(ms) / 1000).rounded(.down))
    let milli = Int(ms - secs * 1000)
    var days = secs / 86400
    var rem = secs - days * 86400
    if rem < 0 { rem += 86400; days -= 1 }
    // Civil-from-days (Howard Hinnant).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    var y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    if m <= 2 { y += 1 }
    func pad(_ v: Int64, _ w: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return
      "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rem / 3600, 2)):\(pad(rem % 3600 / 60, 2)):\(pad(rem % 60, 2)).\(pad(Int64(milli), 3))Z"
  }

  /// The inverse of ``iso(_:)``: `2025-01-02T03:04:05.678Z` → seconds since the epoch; nil
  /// for text that is not such a date (fields out of range included, so no arithmetic overflows).
  static func unixTime(iso: String) -> Double? {
    let parts = iso.split(whereSeparator: { "-T:Z".contains($0) })
    guard parts.count >= 6, let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
      let hh = Int64(parts[3]), let mm = Int64(parts[4]), let ss = Double(parts[5]),
      (0...999_999).contains(y), (1...12).contains(m), (1...31).contains(d), (0...24).contains(hh), (0...59).contains(mm),
      ss.isFinite
    else { return nil }
    // Days from civil (Howard Hinnant).
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return Double(days * 86400 + hh * 3600 + mm * 60) + ss
  }

  private static let verbs = [
    "parse", "index", "compile", "render", "deploy", "bundle", "connect", "generate", "program", "hack", "navigate", "copy",
    "quantify", "override", "transmit", "reboot", "bypass", "synthesize", "calculate", "back-up",
  ]
  private static let adjectives = [
    "neural", "virtual", "digital", "primary", "optical", "mobile", "wireless", "redundant", "solid-state", "open-source",
    "auxiliary", "haptic", "multi-byte", "cross-platform", "online", "bluetooth", "back-end", "1080p", "cloud", "main",
  ]
  private static let nouns = [
    "bus", "card", "panel", "driver", "array", "sensor", "monitor", "system", "protocol", "pixel", "capacitor", "circuit",
    "bandwidth", "firewall", "feed", "matrix", "port", "microchip", "interface", "program",
  ]

  /// An app name as Dokploy's `buildAppName` makes it: a given name trimmed, spaces turned
  /// into `-`, lowercased, plus `-` and 6 random characters; without one,
  /// `<type>-<verb>-<adjective>-<noun>-<6 random>` (never derived from the service's name).
  static func appName(given: String?, type: String) -> String {
    if let given, !given.isEmpty {
      let trimmed = given.trimmingPrefixAndSuffix(" ")
      return String(trimmed.map { $0 == " " ? "-" : $0 }).lowercased() + "-" + suffix()
    }
    var rng = SandboxRandom.Generator()
    let v = verbs.randomElement(using: &rng)!, a = adjectives.randomElement(using: &rng)!, n = nouns.randomElement(using: &rng)!
    return "\(type)-\(v)-\(a)-\(n)-\(suffix())"
  }

  /// `yyyy-MM-dd:HH:mm:ss`, as Dokploy names a deployment's log file.
  static func logStamp(_ t: Double) -> String {
    let iso = iso(t)
    return String(iso.prefix(10)) + ":" + String(iso.dropFirst(11).prefix(8))
  }

  /// A Dokploy-style app name: the slugged name plus a random suffix.
  static func appName(from name: String) -> String {
    var slug = ""
    for ch in name.lowercased() {
      if ch.isLetter && ch.isASCII || ch.isNumber && ch.isASCII {
        slug.append(ch)
      } else if !slug.hasSuffix("-") {
        slug.append("-")
      }
    }
    slug = String(slug.trimmingPrefixAndSuffix("-").prefix(40))
    return (slug.isEmpty ? "app" : slug) + "-" + suffix()
  }
}

extension String {
  fileprivate func trimmingPrefixAndSuffix(_ c: Character) -> Substring {
    var s = Substring(self)
    while s.first == c { s.removeFirst() }
    while s.last == c { s.removeLast() }
    return s
  }
}
