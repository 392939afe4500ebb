import DokCore
import Foundation

/// Reads runbook text the one way `dok run`, `dok check`, `:load` and `source` share: UTF-8,
/// a leading byte-order mark dropped, and one wording for a file that cannot be read
/// (`cannot read PATH: REASON`).
public enum SourceFile {
  /// The text of `path` (`-`: standard input).
  public static func read(_ path: String) throws(FileIO.Failure) -> String {
    let bytes = path == "-" ? try FileIO.read(fd: 0, name: "standard input") : try FileIO.read(path)
    return withoutBOM(String(decoding: bytes, as: UTF8.self))
  }

  /// `text` without a leading UTF-8 byte-order mark.
  public static func withoutBOM(_ text: String) -> String {
    text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
  }

  /// The error `source` reports: its description is the reason alone (the caller names the path).
  struct Unreadable: LocalizedError {
    var reason: String
    var errorDescription: String? { reason }
  }
}
