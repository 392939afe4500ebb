import DokCore
import DokSpec

/// A server's projects, environments and services by name, read from `project.all` (newest
/// first, trimmed: databases carry only their ids there, so their names come from
/// `environment.one` when a path needs them).
public struct ServerTree: Sendable {
  /// One service of an environment.
  public struct Service: Sendable {
    public var kind: PathParameter.Kind
    public var id: String
    /// Nil when the listing left it out (a database in `project.all`).
    public var name: String?
    /// `applicationStatus` or `composeStatus`, when listed.
    public var status: String?
  }

  /// One environment of a project.
  public struct Environment: Sendable {
    public var id: String
    public var name: String
    public var isDefault: Bool
    public var services: [Service]
  }

  /// One project.
  public struct Project: Sendable {
    public var id: String
    public var name: String
    public var environments: [Environment]
  }

  public var projects: [Project]

  public init(projects: [Project]) { self.projects = projects }

  /// The tree in a `project.all` reply (unexpected shapes are skipped, not fatal).
  public init(projectAll reply: JSON) {
    projects = (reply.arrayValue ?? []).compactMap { p in
      guard let id = p["projectId"]?.stringValue else { return nil }
      let envs = (p["environments"]?.arrayValue ?? []).compactMap(Self.environment)
      return Project(id: id, name: p["name"]?.stringValue ?? "", environments: envs)
    }
  }

  /// An environment row with its services (`project.all`'s or `environment.one`'s).
  static func environment(_ e: JSON) -> Environment? {
    guard let id = e["environmentId"]?.stringValue else { return nil }
    var services: [Service] = []
    for kind in PathParameter.Kind.services {
      for s in e[Self.listKey(kind)]?.arrayValue ?? [] {
        guard let sid = s[kind.idName]?.stringValue else { continue }
        let status = s["applicationStatus"]?.stringValue ?? s["composeStatus"]?.stringValue
        services.append(Service(kind: kind, id: sid, name: s["name"]?.stringValue, status: status))
      }
    }
    return Environment(
      id: id, name: e["name"]?.stringValue ?? "", isDefault: e["isDefault"]?.boolValue ?? false, services: services)
  }

  /// The member an environment row lists a kind of service under (`applications`, `compose`, `postgres`…).
  public static func listKey(_ kind: PathParameter.Kind) -> String {
    kind == .application ? "applications" : kind.rawValue
  }
}
