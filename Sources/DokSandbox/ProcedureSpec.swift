import DokCore

/// One simulated procedure: its dotted name, whether it is a query (GET) or a mutation (POST),
/// and its input schema (an object schema; nil when it takes no input).
public struct ProcedureSpec: Sendable {
  /// tRPC's two kinds of procedure.
  public enum Kind: String, Sendable {
    case query, mutation
  }

  /// `router.procedure`, e.g. `application.deploy`.
  public let name: String
  /// Query (GET) or mutation (POST).
  public let kind: Kind
  /// The object schema of the input, or nil when there is none.
  public let input: Schema?

  /// The router part of the name (`application`).
  public var router: Substring { name[..<(name.firstIndex(of: ".") ?? name.endIndex)] }

  /// A GET procedure whose query parameters are `params`.
  static func query(_ name: String, _ params: [(String, Schema)] = [], required: [String] = []) -> ProcedureSpec {
    ProcedureSpec(
      name: name, kind: .query,
      input: params.isEmpty ? nil : Schema(type: "object", properties: params, required: required))
  }

  /// A POST procedure whose JSON body has `properties`.
  static func mutation(_ name: String, _ properties: [(String, Schema)] = [], required: [String] = []) -> ProcedureSpec {
    ProcedureSpec(name: name, kind: .mutation, input: Schema(type: "object", properties: properties, required: required))
  }
}

/// The table of every procedure the sandbox simulates, in document order.
public enum ProcedureTable {
  /// All simulated procedures.
  public static let all: [ProcedureSpec] =
    projectProcedures + applicationProcedures + composeProcedures + sqlDatabaseProcedures + otherDatabaseProcedures

  /// Lookup by dotted name.
  public static let byName: [String: ProcedureSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
