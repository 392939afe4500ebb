/// Durations typed on the command line or in the environment: `600`, `90s`, `500ms`, `10m`, `1h`.
public enum DurationText {
  /// The seconds `text` names, or nil when it is not a finite, non-negative duration.
  public static func seconds(_ text: String) -> Double? {
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
      guard let n = Double(text.dropLast(suffix.count)), n >= 0, n.isFinite else { return nil }
      return n * factor
    }
    guard let n = Double(text), n >= 0, n.isFinite else { return nil }
    return n
  }
}
