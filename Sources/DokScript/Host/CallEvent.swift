import DokCore

/// An executed top-level call statement.
public struct CallEvent: Sendable {
  /// `router.procedure`.
  public var procedure: String
  /// The arguments as evaluated.
  public var arguments: [CallArgument]
  /// The arguments' source text as written (`applicationId=$app.applicationId title="x"`).
  public var argumentsText: String
  /// The whole statement as written (`$x = application.one applicationId=abc`).
  public var statement: String
  /// The decoded reply.
  public var result: JSON
  /// N in `$N`.
  public var resultIndex: Int
  /// Where the call is.
  public var location: SourceLocation
}
