/// The rule for a number written as text — a literal, a `k:=json` argument, the text given to
/// `parse()`: a double must hold it as written. Infinity (`1e400`) or an integer a double would
/// round (`9007199254740993`) is an error, never a silent change.
public enum ExactNumbers {
  /// 2^53: every integer up to this magnitude is exact in a double.
  public static let safeLimit: Double = 9_007_199_254_740_992

  /// Nil when `value` holds `text` as written; else why not.
  public static func problem(_ text: Substring, _ value: Double) -> String? {
    guard value.isFinite else { return "the number \(text) is out of range (not a finite number)" }
    guard Swift.abs(value) >= safeLimit else { return nil }
    let digits = text.drop { $0 == "-" || $0 == "+" }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    let trimmed = digits.drop { $0 == "0" }
    guard value < 18_446_744_073_709_551_615 else { return nil }
    if String(UInt64(Swift.abs(value))) != trimmed {
      return "the integer \(text) is beyond ±2^53 and would be rounded to \(JSONWriter.formatNumber(value))"
    }
    return nil
  }
}
