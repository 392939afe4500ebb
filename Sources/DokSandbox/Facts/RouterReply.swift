import DokCore

/// What a procedure the sandbox answers with a fixed shape really returns on a self-hosted
/// Dokploy v0.30.2, as read from its router (and the service function the router returns), with
/// the place it was read from. Each is declared with its procedure under `Routers/`;
/// ``RecordedReplies`` builds replies.
///
/// Strings in values may hold markers filled per call: `<now>`, `<now+48h>`, `<userId>`,
/// `<organizationId>`, `<nanoid>`, `<random64>`, `<random6>`, `<hex6>`, `<member>` (the sandbox's member
/// row) and `<input.NAME>` (an input field).
struct RouterReply: Sendable {
  /// The kind of reply the router gives.
  indirect enum Kind: Sendable {
    /// A value of the real reply's shape (`true`, a string, an object with the router's keys…).
    case value(JSON)
    /// The handler returns nothing: the REST adapter sends an empty 200 body (tRPC: `null`).
    case void
    /// A row of a Dokploy table (tables.json): the columns' defaults, then these fixed columns,
    /// then the input's columns. An existing row of the sandbox when the input names one.
    case row(String, JSON)
    /// An array of one reply of the inner kind.
    case list(Kind)
    /// The handler (or its procedure's middleware) throws: the code and message it throws.
    case error(SandboxError.Code, String)
    /// The bundled OpenAPI document (the engine serves it before any handler).
    case document
    /// The sandbox's own member row with its user (`user.get`'s shape).
    case member
    /// Every member of the organization with its user: the sandbox's one.
    case members
    /// The sandbox's user row, with these extra keys and the input's user columns.
    case user(JSON)
    /// The sandbox's running containers whose name starts with the input's `appName`, with these keys.
    case containers([String])
    /// `resolvePermissions` for an owner: every statement's action granted.
    case permissions
    /// The access-control `statements`: resource → actions.
    case statements
    /// The sandbox's rows of a table (the organization's, filtered by the input's columns).
    case rows(String)
    /// The input's field of this name, as given.
    case inputField(String)
    /// `getAllServicesForOrganization`: every service of the sandbox with its project and environment.
    case overviewServices
    /// `getAllDomainsForOrganization`: every application and compose domain with its service.
    case overviewDomains
    /// `<router>.search`: `{items, total}`, the table's rows with the columns tables.json lists,
    /// filtered by the input (`q`, substrings of text columns, equal ids), newest first, paged.
    case search(String)
    /// One column of the row the input names (`compose.fetchSourceType` → its `sourceType`).
    case column(String, String)
    /// How many rows of the organization a table holds.
    case count(String)
    /// Whether any of these tables holds a row of the organization.
    case anyRows([String])
    /// The service names of the input's compose file (`compose.loadServices`).
    case composeServices
    /// `project.homeStats`: counts of projects, environments and services, and services by status.
    case homeStats
    /// `compose.randomizeCompose`: the input's compose file with every name suffixed
    /// (the input's `suffix`, else 8 random hex digits), see ``ComposeRandomizer``.
    case randomizedCompose
    /// `compose.isolatedDeployment`: the compose file, with the compose's `appName` network
    /// added to every service when its `isolatedDeployment` is on.
    case isolatedCompose
    /// `compose.getDefaultCommand`: `docker ` + `createCommand` of the compose row.
    case composeCommand
    /// `schedule.runManually`: `{status, deploymentId, logPath}` of the run's deployment.
    case scheduleRun
    /// `schedule.list`: the schedules of the input's `id` for its `scheduleType`, oldest first, with relations.
    case schedules
    /// A `db.query.<table>.findMany` of procedure `reply` (tables.json gives its table, `columns`,
    /// `orderBy` and `with`): the organization's rows where every `where` column (`a|b`: either)
    /// equals the value (markers filled; a key may hold `<input.NAME>`), `<notNull>` meaning set.
    case findMany(reply: String, where: JSON)
    /// `application.readTraefikConfig`: the application's dynamic Traefik file, see ``TraefikConfig``.
    case traefikConfig
    /// `domain.validateDomain`: what resolving the input's `domain` gives, checked against `serverIp`.
    case validateDomain
    /// `application.readAppMonitoring`: null unless the input's `appName` has a running
    /// container, else its recorded stats (none are sampled in the sandbox: empty series).
    case appStats
    /// `gitProvider.getAll`: the organization's providers, newest first, each with `isOwner`
    /// and its github / gitlab / bitbucket / gitea row reduced as the router does.
    case gitProviders
    /// `deployment.queueList`: the deploy queue's jobs (the running one `active`, queued ones
    /// `waiting`; finished jobs are removed), newest first, each with its service's page.
    case queueJobs
    /// The input's row of `table` with `columns` set from the input and `toggle` (a boolean
    /// column) flipped, stored; the reply is the updated row (`update…ById` with `.returning()`).
    case updateRow(table: String, columns: [String], toggle: String?)
    /// `deployment.removeDeployment`: the input's deployment removed (its build log too), the removed row.
    case removeDeployment
    /// `<db>.changeStatus`, `libsql.start`/`stop`: the row as `findXById` read it before the
    /// change (with the relations of procedure `reply`), then its `applicationStatus` set to
    /// `status` (nil: the input's).
    case setStatus(reply: String, table: String, status: String?)
    /// The first kind when the input's `key` is the sandbox's own user (`of: "user"`) or
    /// organization id, the second otherwise.
    case ifSandbox(key: String, of: String, Kind, Kind)
  }

  /// The kind of reply.
  var kind: Kind
  /// Where it was read: a path under `apps/dokploy/server/api/` (`routers/settings.ts:85`),
  /// `apps/dokploy/server/` (`server/queues/…`) or `packages/server/src/` (`services/user.ts:12`), at v0.30.2.
  var source: String
  /// Input ids the handler looks up first (`findXById`): key, table, the error's message
  /// (nil: "<Thing> not found") and code (404, or what a `catch` around the lookup rethrows),
  /// checked in order.
  var requires: [(key: String, table: String, message: String?, code: SandboxError.Code)] = []

  init(kind: Kind, source: String) {
    self.kind = kind
    self.source = source
  }

  /// A value read at `source`.
  static func value(_ v: JSON, _ source: String) -> RouterReply { RouterReply(kind: .value(v), source: source) }
  /// No return value, read at `source`.
  static func void(_ source: String) -> RouterReply { RouterReply(kind: .void, source: source) }
  /// A row of `table`, read at `source`.
  static func row(_ table: String, _ source: String) -> RouterReply { RouterReply(kind: .row(table, [:]), source: source) }
  /// A row of `table` with some fixed columns, read at `source`.
  static func row(_ table: String, _ fixed: JSON, _ source: String) -> RouterReply {
    RouterReply(kind: .row(table, fixed), source: source)
  }
  /// `findMany` of procedure `reply` filtered by `filter`, read at `source`.
  static func findMany(_ reply: String, _ filter: JSON, _ source: String) -> RouterReply {
    RouterReply(kind: .findMany(reply: reply, where: filter), source: source)
  }
  /// Every row of `findMany` of procedure `reply` (the organization's), read at `source`.
  static func findMany(_ reply: String, _ source: String) -> RouterReply { findMany(reply, [:], source) }
  /// An error thrown at `source`.
  static func error(_ code: SandboxError.Code, _ message: String, _ source: String) -> RouterReply {
    RouterReply(kind: .error(code, message), source: source)
  }
  /// `enterpriseProcedure` without a licence (`server/api/trpc.ts:229`): 403 "Valid enterprise license required".
  static func enterprise(_ source: String) -> RouterReply {
    RouterReply(kind: .error(.FORBIDDEN, "Valid enterprise license required"), source: source)
  }
  /// Running containers of the input's `appName`, read at `source`.
  static func containers(_ keys: [String], _ source: String) -> RouterReply {
    RouterReply(kind: .containers(keys), source: source)
  }
  /// `{items, total}` of a search over `table`, read at `source`.
  static func search(_ table: String, _ source: String) -> RouterReply { RouterReply(kind: .search(table), source: source) }
  /// One kind for the sandbox's own user or organization id, another for any other id.
  static func ifSandbox(_ key: String, of: String, _ own: Kind, _ other: Kind, _ source: String) -> RouterReply {
    RouterReply(kind: .ifSandbox(key: key, of: of, own, other), source: source)
  }

  /// This reply after a lookup of the input's `key` in `table` (404 `message`, or
  /// "<Thing> not found", when absent).
  func requiring(_ key: String, _ table: String, _ message: String? = nil, code: SandboxError.Code = .NOT_FOUND)
    -> RouterReply
  {
    var r = self
    r.requires.append((key, table, message, code))
    return r
  }

  /// Marks a value filled with the call's time.
  static let nowMarker = "<now>"

  /// How the reply reads in `docs/sandbox-procedures.md`: `true`, `void`, `row of user`, `403 FORBIDDEN`…
  var summary: String { Self.summary(kind) }

  private static func summary(_ kind: Kind) -> String {
    switch kind {
    case .void: return "void"
    case .row(let t, _): return "row of \(t)"
    case .list(let k): return "[\(summary(k))]"
    case .error(let code, let message): return "\(code.httpStatus) \(message)"
    case .document: return "the OpenAPI document"
    case .member: return "member with user"
    case .members: return "members with user"
    case .user: return "row of user"
    case .containers(let keys): return "containers {\(keys.joined(separator: ", "))}"
    case .permissions: return "permissions {resource: {action: true}}"
    case .statements: return "statements {resource: [action]}"
    case .rows(let t): return "rows of \(t)"
    case .inputField(let k): return "the input's \(k)"
    case .overviewServices: return "services {id, type, name, …}"
    case .overviewDomains: return "domains {domainId, host, …}"
    case .search(let t): return "{items: rows of \(t), total}"
    case .column(let t, let c): return "\(t).\(c) of the row"
    case .count(let t): return "number of \(t) rows"
    case .anyRows(let ts): return "whether \(ts.joined(separator: " or ")) has rows"
    case .composeServices: return "[service name]"
    case .homeStats: return "{projects, environments, applications, compose, databases, services, status}"
    case .randomizedCompose: return "the compose file with suffixed names (YAML)"
    case .isolatedCompose: return "the compose file, isolated by appName (YAML)"
    case .composeCommand: return "string (docker compose … of the compose)"
    case .scheduleRun: return "{status, deploymentId, logPath}"
    case .schedules: return "rows of schedules for the id and type"
    case .traefikConfig: return "the application's Traefik file (YAML)"
    case .validateDomain: return "{isValid, resolvedIp} or {isValid: false, error}"
    case .appStats: return "{cpu, memory, disk, network, block} or null"
    case .gitProviders: return "rows of gitProvider with isOwner and reduced provider rows"
    case .queueJobs: return "[{id, name, data, timestamp, processedOn, state, servicePath}]"
    case .updateRow(let table, _, _): return "row of \(table) (updated)"
    case .removeDeployment: return "row of deployments (deleted)"
    case .setStatus(_, let table, _): return "row of \(table) (before the status change)"
    case .findMany(let reply, let filter):
      let table = DokployFacts.shared.replies[reply]?["table"]?.stringValue ?? "?"
      let keys = filter.objectValue?.pairs.map(\.0) ?? []
      return "rows of \(table)" + (keys.isEmpty ? "" : " where " + keys.joined(separator: ", "))
    case .ifSandbox(_, let of, let own, let other): return "own \(of): \(summary(own)); else \(summary(other))"
    case .value(let v):
      switch v {
      case .null: return "null"
      case .bool(let b): return b ? "true" : "false"
      case .string: return "string"
      case .number: return "number"
      case .array(let a): return a.isEmpty ? "[]" : "array"
      case .object(let o):
        let keys = o.pairs.map(\.0)
        return "{" + keys.prefix(4).joined(separator: ", ") + (keys.count > 4 ? ", …}" : "}")
      }
    }
  }
}

extension RouterReply.Kind {
  /// True for the kinds that store something: a row updated, a status set, a deployment
  /// removed or a schedule's run recorded.
  var changesState: Bool {
    switch self {
    case .updateRow, .setStatus, .removeDeployment, .scheduleRun: true
    case .list(let inner): inner.changesState
    case .ifSandbox(_, _, let own, let other): own.changesState || other.changesState
    default: false
    }
  }
}

extension RouterReply {
  /// `TABLE.changeStatus` (or `procedure`): the row before, then `applicationStatus` set (`set`, else the input's).
  static func status(_ table: String, _ source: String, set: String? = nil, procedure: String = "changeStatus")
    -> RouterReply
  {
    RouterReply(kind: .setStatus(reply: "\(table).\(procedure)", table: table, status: set), source: source)
  }
}
