import DokCore

/// A service's environment variables read, changed and written back one at a time (`dok env`,
/// `:env`): `<kind>.one` reads the row, `<kind>.saveEnvironment` writes `env` with the other
/// fields that procedure requires as they were (an application's `buildArgs`, `buildSecrets`
/// and `createEnvFile`; a compose's `createEnvFile`). Just before writing, the row is read again:
/// when its variables changed on the server since they were read, nothing is written.
public struct ServiceEnvironment: Sendable {
  public let caller: any ProcedureCaller

  public init(caller: any ProcedureCaller) { self.caller = caller }

  /// A service: its kind and id.
  public struct Service: Sendable, Equatable {
    public var kind: String
    public var id: String
    public init(kind: String, id: String) {
      self.kind = kind
      self.id = id
    }
    /// `applicationId`, `composeId`, `postgresId`, …
    public var idParameter: String { kind + "Id" }
    /// `application abc123`.
    public var description: String { "\(kind) \(id)" }
  }

  /// The kinds with `<kind>.saveEnvironment`.
  public static let kinds = ["application", "compose", "postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  /// The fields besides the id and `env` that `<kind>.saveEnvironment` is sent, copied from the
  /// row as read (the document makes them required for applications; compose takes
  /// `createEnvFile`).
  public static func keptFields(of kind: String) -> [String] {
    switch kind {
    case "application": ["buildArgs", "buildSecrets", "createEnvFile"]
    case "compose": ["createEnvFile"]
    default: []
    }
  }

  /// The one place the words naming a service become a kind and an id: `KIND ID` now (a path
  /// such as `shop/production/web` can plug in here). Returns the service and the words after it.
  public static func service(from words: [String]) throws(CallError) -> (Service, rest: [String]) {
    guard words.count >= 2 else {
      throw CallError(kind: .argument, message: "name the service: KIND ID (KIND is \(kinds.joined(separator: ", ")))")
    }
    let kind = words[0]
    guard kinds.contains(kind) else {
      var hints = Suggest.didYouMean(Suggest.closest(to: kind, in: kinds)).map { [$0] } ?? []
      hints.append("kinds: \(kinds.joined(separator: ", "))")
      throw CallError(kind: .argument, message: "'\(kind)' is not a service kind with environment variables", hints: hints)
    }
    return (Service(kind: kind, id: words[1]), Array(words.dropFirst(2)))
  }

  /// What was read: the row and its variables.
  public struct Snapshot: Sendable {
    public var row: JSON
    public var env: EnvText
    public var rawEnv: String
  }

  /// Reads the service's row and its `env`.
  public func read(_ service: Service) async throws(CallError) -> Snapshot {
    let row = try await caller.call(
      procedure: "\(service.kind).one", arguments: [CallArgument(name: service.idParameter, value: .value(.string(service.id)))])
    let raw = row["env"]?.stringValue ?? ""
    return Snapshot(row: row, env: EnvText(raw), rawEnv: raw)
  }

  /// Writes `env` back unless the variables changed on the server since `snapshot` was read
  /// (then an API-kind error saying so, and nothing is sent).
  public func write(_ service: Service, env: EnvText, over snapshot: Snapshot) async throws(CallError) {
    let now = try await read(service)
    guard now.rawEnv == snapshot.rawEnv else {
      throw CallError(
        kind: .api, procedure: "\(service.kind).saveEnvironment",
        message: "the variables of \(service.description) changed on the server since they were read; nothing was written",
        hints: ["read them again (dok env get \(service.description)) and repeat the change"])
    }
    var arguments = [
      CallArgument(name: service.idParameter, value: .value(.string(service.id))),
      CallArgument(name: "env", value: .value(.string(env.text))),
    ]
    for field in Self.keptFields(of: service.kind) {
      var value = now.row[field] ?? .null
      // Dokploy's default for a row that has none.
      if field == "createEnvFile", value.isNull { value = .bool(true) }
      arguments.append(CallArgument(name: field, value: .value(value)))
    }
    _ = try await caller.call(procedure: "\(service.kind).saveEnvironment", arguments: arguments)
  }

  /// The note after a write: variables take effect at the next deploy.
  public static func redeployNote(_ service: Service) -> String {
    "the new variables take effect when \(service.description) is deployed again (--deploy does it now; or deploy \(service.kind).deploy \(service.idParameter)=\(service.id))"
  }
}
