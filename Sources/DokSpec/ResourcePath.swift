/// A path that names a project, an environment, a service or a server by name, as written in a
/// `<kind>=PATH` argument: `shop`, `shop/staging`, `shop/staging/web`, or `shop/web` for a service
/// of the project's default environment. A `/` inside a name is written `\/` (and a `\` as `\\`).
public struct ResourcePath: Sendable, Hashable, CustomStringConvertible {
  /// The names, unescaped, outermost first.
  public var segments: [String]

  public init(segments: [String]) { self.segments = segments }

  /// Splits `text` at each `/` not escaped by `\`; an error when a name is empty.
  public static func parse(_ text: String) -> Result<ResourcePath, ResourcePathError> {
    let (done, last, danglingEscape) = split(text)
    let segments = done + [danglingEscape ? last + "\\" : last]
    if segments.contains(where: \.isEmpty) {
      return .failure(ResourcePathError(message: "'\(text)' has an empty name (a '/' inside a name is written '\\/')"))
    }
    return .success(ResourcePath(segments: segments))
  }

  /// The names of `text` split at each `/` not escaped by `\`, unescaped: those a `/` ended, the
  /// last one, and whether `text` ends in a lone `\` (not part of any name). Nothing is checked.
  public static func split(_ text: String) -> (done: [String], last: String, danglingEscape: Bool) {
    var done: [String] = []
    var current = ""
    var escaped = false
    for ch in text {
      if escaped {
        current.append(ch)
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "/" {
        done.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    return (done, current, escaped)
  }

  /// One name as written in a path: `/` and `\` escaped.
  public static func escape(_ name: String) -> String {
    var out = ""
    for ch in name {
      if ch == "/" || ch == "\\" { out.append("\\") }
      out.append(ch)
    }
    return out
  }

  /// The path as written (names escaped).
  public var description: String { segments.map(Self.escape).joined(separator: "/") }
}

/// Why a path cannot name anything.
public struct ResourcePathError: Error, Sendable, Equatable {
  public var message: String
  public init(message: String) { self.message = message }
}
