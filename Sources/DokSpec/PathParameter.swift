import DokCore

/// The twin of an id parameter: `application=shop/staging/web` for `applicationId`, and likewise
/// for projects, environments, the services and servers. No procedure of Dokploy's document has
/// a parameter with a twin's name, so a twin is known from the procedure alone — offline, by
/// `dok check` — and resolved to the id before anything is sent.
public struct PathParameter: Sendable, Hashable {
  /// What a path names.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case project, environment, application, compose, postgres, mysql, mariadb, mongo, redis, libsql, server

    /// True for the services of an environment (applications, compose services, databases).
    public var isService: Bool {
      switch self {
      case .project, .environment, .server: false
      default: true
      }
    }

    /// The database kinds (`project.all` gives their ids only).
    public var isDatabase: Bool { isService && self != .application && self != .compose }

    /// The id parameter this kind's twin stands for (`applicationId`).
    public var idName: String { rawValue + "Id" }

    /// The kinds of services, in the order Dokploy lists them.
    public static let services: [Kind] = [.application, .compose, .postgres, .mysql, .mariadb, .mongo, .redis, .libsql]

    /// How many names a path of this kind has, fewest first.
    public var segmentCounts: ClosedRange<Int> {
      switch self {
      case .project, .server: 1...1
      case .environment: 1...2
      default: 2...3
      }
    }

    /// What a path of this kind looks like, for messages.
    public var pathForm: String {
      switch self {
      case .project: "PROJECT"
      case .server: "SERVER"
      case .environment: "PROJECT/ENVIRONMENT (or PROJECT for its default environment)"
      default: "PROJECT/ENVIRONMENT/NAME (or PROJECT/NAME in the default environment)"
      }
    }
  }

  public var kind: Kind
  /// The id parameter it stands for.
  public var idParameter: Parameter

  /// The twin's name (`application`).
  public var name: String { kind.rawValue }

  /// The twin named `name` in `proc`: nil when `name` is no twin's name or `proc` takes no such id.
  public static func named(_ name: String, in proc: Procedure) -> PathParameter? {
    guard let kind = Kind(rawValue: name), proc.parameter(named: name) == nil,
      let id = proc.parameter(named: kind.idName)
    else { return nil }
    return PathParameter(kind: kind, idParameter: id)
  }

  /// Every twin `proc` has, in parameter order.
  public static func all(in proc: Procedure) -> [PathParameter] {
    proc.parameters.compactMap { p in
      guard p.name.hasSuffix("Id"), let kind = Kind(rawValue: String(p.name.dropLast(2))),
        proc.parameter(named: kind.rawValue) == nil
      else { return nil }
      return PathParameter(kind: kind, idParameter: p)
    }
  }

  /// The path text of an argument, when it is known before running (a bare word or a string).
  public static func text(of value: CallArgument.Value) -> String? {
    switch value {
    case .bare(let w): w
    case .value(.string(let s)): s
    default: nil
    }
  }

  /// The path in `text`, or the argument error saying why it cannot name a `kind`.
  public func path(_ text: String) -> Result<ResourcePath, ResourcePathError> {
    switch ResourcePath.parse(text) {
    case .failure(let e): return .failure(e)
    case .success(let p):
      guard kind.segmentCounts.contains(p.segments.count) else {
        return .failure(ResourcePathError(message: "'\(name)=\(text)' is not a path to \(article) \(name): \(kind.pathForm)"))
      }
      return .success(p)
    }
  }

  private var article: String { "aeiou".contains(name.first ?? "x") ? "an" : "a" }
}
