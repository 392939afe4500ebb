extension StringProtocol {
  /// The text without leading and trailing characters from `set` (by default spaces, tabs and
  /// line breaks). Compared scalar by scalar, so `"\r\n"` in `set` means both `\r` and `\n`.
  public func trimming(_ set: String = " \t\r\n") -> String {
    let trim = Set(set.unicodeScalars)
    var s = Substring(self).unicodeScalars[...]
    while let f = s.first, trim.contains(f) { s = s.dropFirst() }
    while let l = s.last, trim.contains(l) { s = s.dropLast() }
    return String(Substring(s))
  }
}
