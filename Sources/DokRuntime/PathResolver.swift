import DokCore
import DokSpec
import Synchronization

/// Turns `<kind>=PATH` arguments into the ids they name (`application=shop/staging/web` →
/// `applicationId="…"`) before a call is sent. It reads the server's listing once
/// (`project.all`; `server.all` for `server=`; `environment.one` for a database's name, which
/// `project.all` leaves out) and keeps it until ``invalidate()`` (after a call that may have
/// created, renamed, moved or removed something). No match or several matches is a `NOT_FOUND`
/// or `AMBIGUOUS` error, and nothing is sent.
public final class PathResolver: Sendable {
  private let caller: any ProcedureCaller
  private let catalog: Catalog
  private let cache = Mutex(Listing())

  private struct Listing {
    var tree: ServerTree?
    var servers: [(id: String, name: String)]?
    /// `environment.one` replies, by environment id (for databases' names).
    var environments: [String: ServerTree.Environment] = [:]
  }

  /// A resolver that reads listings through `caller` (the undecorated one) and knows the twins
  /// from `catalog`.
  public init(caller: any ProcedureCaller, catalog: Catalog) {
    self.caller = caller
    self.catalog = catalog
  }

  /// Forgets every listing: the next path reads the server again.
  public func invalidate() { cache.withLock { $0 = Listing() } }

  /// `arguments` with each twin replaced by its id parameter; the same arguments when there is
  /// none (or the procedure is unknown: the binder then reports it).
  public func resolve(procedure: String, arguments: [CallArgument]) async throws(CallError) -> [CallArgument] {
    guard let proc = catalog.procedure(named: procedure),
      arguments.contains(where: { PathParameter.named($0.name, in: proc) != nil })
    else { return arguments }
    var out: [CallArgument] = []
    out.reserveCapacity(arguments.count)
    for arg in arguments {
      guard let twin = PathParameter.named(arg.name, in: proc), arguments.allSatisfy({ $0.name != twin.idParameter.name })
      else {
        out.append(arg)
        continue
      }
      guard let text = PathParameter.text(of: arg.value) else {
        throw argumentError("'\(twin.name)=' takes a path (\(twin.kind.pathForm)), as text", procedure, arg)
      }
      let path: ResourcePath
      switch twin.path(text) {
      case .failure(let e): throw argumentError(e.message, procedure, arg)
      case .success(let p): path = p
      }
      do {
        let id = try await self.id(of: twin.kind, at: path)
        out.append(CallArgument(name: twin.idParameter.name, value: .value(.string(id)), location: arg.location))
      } catch {
        var e = error
        e.procedure = e.procedure ?? procedure
        e.parameter = e.parameter ?? twin.name
        e.location = e.location ?? arg.location
        throw e
      }
    }
    return out
  }

  /// The id of the `kind` at `path`, or a `NOT_FOUND`/`AMBIGUOUS` error.
  public func id(of kind: PathParameter.Kind, at path: ResourcePath) async throws(CallError) -> String {
    if kind == .server { return try await serverId(path.segments[0]) }
    let tree = try await self.tree()
    let project = try PathMatch.one(
      tree.projects.filter { $0.name == path.segments[0] }, named: path.segments[0], kind: "project",
      among: tree.projects.map(\.name), id: \.id)
    if kind == .project { return project.id }
    let environment: ServerTree.Environment
    let rest: ArraySlice<String>
    if kind == .environment ? path.segments.count == 2 : path.segments.count == 3 {
      let name = path.segments[1]
      environment = try PathMatch.one(
        project.environments.filter { $0.name == name }, named: name, kind: "environment",
        among: project.environments.map(\.name), id: \.id, within: "project '\(project.name)'")
      rest = path.segments.dropFirst(2)
    } else {
      environment = try PathMatch.defaultEnvironment(of: project)
      rest = path.segments.dropFirst(1)
    }
    if kind == .environment { return environment.id }
    let name = rest.first ?? ""
    let env = try await named(environment, needing: kind)
    let within = "\(ResourcePath.escape(project.name))/\(ResourcePath.escape(env.name))"
    let sameKind = env.services.filter { $0.kind == kind }
    let matches = sameKind.filter { $0.name == name }
    if matches.isEmpty {
      var hints: [String] = []
      if let other = env.services.first(where: { $0.kind != kind && $0.name == name }) {
        hints.append(
          "'\(name)' in \(within) is \(other.kind.rawValue): \(other.kind.rawValue)=\(within)/\(ResourcePath.escape(name))")
      }
      throw PathMatch.notFound(
        "no \(kind.rawValue) named '\(name)' in \(within)", name: name, among: sameKind.compactMap(\.name), extra: hints)
    }
    return try PathMatch.one(matches, named: name, kind: kind.rawValue, among: [], id: \.id, within: within).id
  }

  /// The service at `path`, of whatever kind it is (`dok logs shop/web`): `NOT_FOUND` when no
  /// service has that name there, `AMBIGUOUS` when services of several kinds do.
  public func service(at path: ResourcePath) async throws(CallError) -> (kind: PathParameter.Kind, id: String) {
    var found: [(kind: PathParameter.Kind, id: String)] = []
    var notFound: CallError?
    for kind in PathParameter.Kind.services {
      do {
        found.append((kind, try await id(of: kind, at: path)))
      } catch {
        guard error.code == "NOT_FOUND" else { throw error }
        notFound = notFound ?? error
      }
    }
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      // The first kind's error names the missing project or environment, or the service.
      var e = notFound ?? CallError(kind: .api, message: "no service at '\(path)'", code: "NOT_FOUND")
      e.message = e.message.replacing("no application named", with: "no service named")
      throw e
    }
    throw CallError(
      kind: .api, message: "'\(path)' names services of \(found.count) kinds; name the kind", code: "AMBIGUOUS",
      hints: found.map { "\($0.kind.rawValue) \($0.id)" })
  }

  /// The server's tree, read once (`project.all`) until ``invalidate()``.
  public func tree() async throws(CallError) -> ServerTree {
    if let t = cache.withLock({ $0.tree }) { return t }
    let t = ServerTree(projectAll: try await caller.call(procedure: "project.all", arguments: []))
    cache.withLock { $0.tree = t }
    return t
  }

  /// `environment` with its services' names: `environment.one` when the listing lacks the names
  /// of the `kind` asked for (databases, in `project.all` as an owner sees it).
  private func named(_ environment: ServerTree.Environment, needing kind: PathParameter.Kind) async throws(CallError)
    -> ServerTree.Environment
  {
    guard environment.services.contains(where: { $0.kind == kind && $0.name == nil }) else { return environment }
    if let e = cache.withLock({ $0.environments[environment.id] }) { return e }
    let reply = try await caller.call(
      procedure: "environment.one", arguments: [CallArgument(name: "environmentId", value: .value(.string(environment.id)))])
    var e = ServerTree.environment(reply) ?? environment
    e.isDefault = environment.isDefault
    let named = e
    cache.withLock { $0.environments[environment.id] = named }
    return named
  }

  private func serverId(_ name: String) async throws(CallError) -> String {
    var servers = cache.withLock { $0.servers }
    if servers == nil {
      let reply = try await caller.call(procedure: "server.all", arguments: [])
      let list = (reply.arrayValue ?? []).compactMap { s -> (id: String, name: String)? in
        guard let id = s["serverId"]?.stringValue else { return nil }
        return (id, s["name"]?.stringValue ?? "")
      }
      cache.withLock { $0.servers = list }
      servers = list
    }
    let all = servers ?? []
    return try PathMatch.one(all.filter { $0.name == name }, named: name, kind: "server", among: all.map(\.name), id: \.id).id
  }

  private func argumentError(_ message: String, _ procedure: String, _ arg: CallArgument) -> CallError {
    CallError(kind: .argument, procedure: procedure, message: message, parameter: arg.name, location: arg.location)
  }
}
