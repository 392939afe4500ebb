/// "Did you mean" suggestions by edit distance.
public enum Suggest {
  /// Up to `limit` candidates close to `word`, best first (case-insensitive Levenshtein,
  /// with prefix and substring matches ranked in).
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
    let w = Array(word.lowercased().utf8)
    guard !w.isEmpty else { return [] }
    let maxDistance = max(2, w.count / 3)
    var scored: [(Int, String)] = []
    for c in candidates {
      let lc = c.lowercased()
      let cu = Array(lc.utf8)
      var d = distance(w, cu, limit: maxDistance + 1)
      if lc.hasPrefix(word.lowercased()) || lc.hasSuffix("." + word.lowercased()) { d = min(d, 1) }
      if d <= maxDistance { scored.append((d, c)) }
    }
    scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    return scored.prefix(limit).map(\.1)
  }

  /// `did you mean A, B?` for `names` (nil when there are none): each in single quotes when
  /// `quoted`, joined by `separator`; `did you mean: A, B?` with `colon`.
  public static func didYouMean(_ names: [String], quoted: Bool = false, separator: String = ", ", colon: Bool = false) -> String?
  {
    guard !names.isEmpty else { return nil }
    return "did you mean\(colon ? ":" : "") \(names.map { quoted ? "'\($0)'" : $0 }.joined(separator: separator))?"
  }

  /// Levenshtein distance, cut off at `limit`.
  public static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
    if abs(a.count - b.count) >= limit { return limit }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      var rowMin = cur[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        rowMin = min(rowMin, cur[j])
      }
      if rowMin >= limit { return limit }
      swap(&prev, &cur)
    }
    return prev[b.count]
  }
}
