/// A failure that ends the process with `code` after printing `message` on stderr.
/// Commands throw it; ``DokMain`` prints and exits in one place.
struct DokExit: Error {
  var code: Int32
  var message: String?

  init(_ code: Int32, _ message: String? = nil) {
    self.code = code
    self.message = message
  }

  /// A usage error (exit 2).
  static func usage(_ message: String) -> DokExit { DokExit(2, "error: " + message) }
}
