import DokCore

/// Everything dok knows about an API: its procedures by name, grouped into routers.
public struct Catalog: Sendable {
  /// The document's `info.title`.
  public var title: String
  /// The document's `info.version`.
  public var version: String
  /// The OpenAPI version (`3.1.0`, `3.0.3`).
  public var openapi: String
  /// All procedures, sorted by name.
  public let procedures: [Procedure]
  /// Router names, sorted.
  public let routers: [String]
  private let index: [String: Int]

  public init(title: String, version: String, openapi: String, procedures: [Procedure]) {
    self.title = title
    self.version = version
    self.openapi = openapi
    let sorted = procedures.sorted { $0.name < $1.name }
    self.procedures = sorted
    var idx: [String: Int] = [:]
    idx.reserveCapacity(sorted.count)
    var routerSet = Set<String>()
    for (i, p) in sorted.enumerated() {
      idx[p.name] = i
      routerSet.insert(p.router)
    }
    self.index = idx
    self.routers = routerSet.sorted()
  }

  /// The procedure named `name` (`router.procedure`).
  public func procedure(named name: String) -> Procedure? {
    guard let i = index[name] else { return nil }
    return procedures[i]
  }

  /// The procedures of one router, sorted.
  public func procedures(inRouter router: String) -> [Procedure] {
    procedures.filter { $0.router == router }
  }

  /// "Did you mean" candidates for an unknown procedure name.
  public func suggestions(for name: String, limit: Int = 3) -> [String] {
    Suggest.closest(to: name, in: procedures.lazy.map(\.name), limit: limit)
  }
}
