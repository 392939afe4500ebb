import DokCore
import DokScript
import DokSpec

/// What a deploying call deploys, and how its deployments are read: the service kind, its id,
/// the procedure listing its deployment rows (newest first) and the one reading the service.
public struct DeployTarget: Sendable, Equatable {
  /// How the service's deploy can be followed.
  public enum Kind: Sendable, Equatable {
    /// Queued on the server; followed through deployment rows.
    case queued
    /// A database: deployed inside the request; followed through `<kind>.one`'s `applicationStatus`.
    case database
  }

  public var kind: Kind
  /// `application`, `compose`, `previewDeployment`, `postgres`, …
  public var service: String
  /// `applicationId`, `composeId`, …
  public var idParameter: String
  /// The service's id as sent.
  public var id: String
  /// The procedure and arguments listing deployment rows (queued kinds only).
  public var listProcedure: String
  public var listArguments: [String: String]
  /// The procedure reading the service (`application.one`, `postgres.one`, …).
  public var oneProcedure: String

  /// The database kinds whose `deploy` runs inside the request.
  public static let databases = ["postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  /// The procedures that only queue a deploy (the call returns before it runs).
  public static let queuedProcedures: Set<String> = [
    "application.deploy", "application.redeploy", "compose.deploy", "compose.redeploy", "previewDeployment.redeploy",
  ]

  /// The procedures `deploy` follows.
  public static var deployingProcedures: [String] {
    ["application.deploy", "application.redeploy", "compose.deploy", "compose.redeploy", "previewDeployment.redeploy"]
      + databases.map { "\($0).deploy" }
  }

  /// Nil when `deploy` can follow `procedure` on a server with this document; otherwise why not.
  public static func problem(with procedure: String, catalog: Catalog) -> String? {
    guard deployingProcedures.contains(procedure) else {
      return "\(procedure) starts no deploy that dok can follow; deploy takes "
        + "application.deploy/redeploy, compose.deploy/redeploy, previewDeployment.redeploy or a database's deploy "
        + "(postgres.deploy, mysql.deploy, …)"
    }
    let shape = shape(of: procedure)
    for needed in [shape.list, shape.one].compactMap({ $0 }) where catalog.procedure(named: needed) == nil {
      return "deploy \(procedure) needs \(needed), which this server's API document lacks"
    }
    return nil
  }

  private static func shape(of procedure: String) -> (service: String, idParameter: String, list: String?, one: String) {
    let service = String(procedure.prefix { $0 != "." })
    switch service {
    case "application": return (service, "applicationId", "deployment.all", "application.one")
    case "compose": return (service, "composeId", "deployment.allByCompose", "compose.one")
    case "previewDeployment": return (service, "previewDeploymentId", "deployment.allByType", "previewDeployment.one")
    default: return (service, service + "Id", nil, service + ".one")
    }
  }

  /// The target of a call (`.unsupported` when it starts no deploy dok can follow), from its arguments (a bare word, a string, or a number for the id).
  public static func resolve(procedure: String, arguments: [CallArgument], catalog: Catalog) throws(DeployError) -> DeployTarget {
    if let p = problem(with: procedure, catalog: catalog) { throw .unsupported(p) }
    let s = shape(of: procedure)
    guard let arg = arguments.first(where: { $0.name == s.idParameter }) else {
      throw .unsupported("deploy \(procedure) needs \(s.idParameter)=… to know which deployments to follow")
    }
    let id: String
    switch arg.value {
    case .bare(let w): id = w
    case .value(.string(let t)): id = t
    case .json(let t): id = (try? JSONParser.parse(t))?.stringValue ?? t
    default: throw .unsupported("deploy \(procedure): \(s.idParameter) must be a string")
    }
    var listArguments: [String: String] = [:]
    switch s.service {
    case "application": listArguments = ["applicationId": id]
    case "compose": listArguments = ["composeId": id]
    case "previewDeployment": listArguments = ["id": id, "type": "previewDeployment"]
    default: break
    }
    return DeployTarget(
      kind: s.list == nil ? .database : .queued, service: s.service, idParameter: s.idParameter, id: id,
      listProcedure: s.list ?? "", listArguments: listArguments, oneProcedure: s.one)
  }

  /// `application abc123`.
  public var subject: String { "\(service) \(id)" }
}
