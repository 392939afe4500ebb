/// One `name=value` argument of a call, as written, before it is typed by the schema.
///
/// The language produces these; ``DokSpec``'s binder types them against a procedure's
/// parameters; the client sends the result.
public struct CallArgument: Sendable, Hashable {
  /// How the value was written.
  public enum Value: Sendable, Hashable {
    /// A bare word (`replicas=3`): typed by the parameter's schema.
    case bare(String)
    /// An evaluated value (`"quoted"`, `$var`, `(expr)`, `[…]`, `{…}`): not converted, only checked.
    case value(JSON)
    /// `name:=<json>`: raw JSON text.
    case json(String)
    /// `name=@path`: the file's text.
    case file(String)
    /// Known only at run time (used by the static check: the name is checked, not the value).
    case deferred
  }

  public var name: String
  public var value: Value
  /// Where the argument starts, for diagnostics.
  public var location: SourceLocation?

  public init(name: String, value: Value, location: SourceLocation? = nil) {
    self.name = name
    self.value = value
    self.location = location
  }
}
