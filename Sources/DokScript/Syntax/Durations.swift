import DokCore

/// Duration formatting shared by waits and reports.
public enum Durations {
  /// `250ms`, `12s`, `1.5s`, `2m30s`, `1h5m`.
  public static func format(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds < 1e12 else { return "\(seconds)s" }
    if seconds < 1 && seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
    if seconds < 60 {
      let r = (seconds * 10).rounded() / 10
      return r == r.rounded() ? "\(Int(r))s" : "\(r)s"
    }
    let total = Int(seconds.rounded())
    let h = total / 3600, m = (total % 3600) / 60, s = total % 60
    if h > 0 { return m > 0 ? "\(h)h\(m)m" : "\(h)h" }
    return s > 0 ? "\(m)m\(s)s" : "\(m)m"
  }
}
