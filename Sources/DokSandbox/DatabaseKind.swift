/// The five database services Dokploy runs, with what differs between them.
public enum DatabaseKind: String, Sendable, CaseIterable {
  case postgres, mysql, mariadb, mongo, redis

  /// The id member (`postgresId`).
  var idKey: String { rawValue + "Id" }
  /// The word in "<Thing> not found".
  var displayName: String {
    switch self {
    case .postgres: "Postgres"
    case .mysql: "MySql"
    case .mariadb: "Mariadb"
    case .mongo: "Mongo"
    case .redis: "Redis"
    }
  }
  /// The image used when the create call names none.
  var defaultImage: String {
    switch self {
    case .postgres: "postgres:18"
    case .mysql: "mysql:8"
    case .mariadb: "mariadb:6"
    case .mongo: "mongo:15"
    case .redis: "redis:8"
    }
  }
}
