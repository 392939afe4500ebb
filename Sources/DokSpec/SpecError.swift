/// Why a document could not be loaded: what is wrong and where (a JSON pointer, or a line and
/// column for syntax errors).
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, in a sentence.
  public var message: String
  /// A JSON pointer to the offending value (`/paths/~1application.one/get`), when known.
  public var pointer: String?
  /// The source name (file or URL).
  public var source: String
  /// True once the pointer is absolute (errors found inside a `$ref` target).
  var absolute = false

  public static func == (a: SpecError, b: SpecError) -> Bool {
    a.message == b.message && a.pointer == b.pointer && a.source == b.source
  }

  public init(_ message: String, at pointer: String? = nil, source: String = "") {
    self.message = message
    self.pointer = pointer
    self.source = source
  }

  /// One paragraph: `<source>: not a usable OpenAPI document: <message> (at <pointer>)`.
  public var description: String {
    var s = source.isEmpty ? "" : "\(source): "
    s += "not a usable OpenAPI document: \(message)"
    if let pointer { s += " (at \(pointer.isEmpty ? "the document root" : pointer))" }
    return s
  }

  /// Escapes a key for use in a JSON pointer (`~` → `~0`, `/` → `~1`).
  public static func escape(_ key: String) -> String {
    key.replacing("~", with: "~0").replacing("/", with: "~1")
  }
}
