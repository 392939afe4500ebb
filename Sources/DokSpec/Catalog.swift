import DokCore

/// Everything dok knows about an API: its procedures by name, grouped into routers.
public struct Catalog: Sendable {
  /// The document's `info.title`.
  public var title: String
  /// The document's `info.version`.
  public var version: String
  /// The OpenAPI version (`3.1.0`, `3.0.3`).
  public var openapi: String
  /// All procedures, sorted by name. A catalog opened from the cache (``CatalogCodec/open(_:)``)
  /// decodes them on first use.
  public var procedures: [Procedure] { storage.all() }
  /// Router names, sorted.
  public let routers: [String]
  private let storage: CatalogStorage

  public init(title: String, version: String, openapi: String, procedures: [Procedure]) {
    self.title = title
    self.version = version
    self.openapi = openapi
    let sorted = procedures.sorted { $0.name < $1.name }
    self.storage = CatalogStorage(sorted)
    self.routers = Self.routers(of: sorted.lazy.map(\.name))
  }

  /// A catalog whose procedures, named `names` (sorted), are decoded one at a time by `decode`
  /// when first asked for.
  init(title: String, version: String, openapi: String, names: [String], decode: @escaping @Sendable (Int) -> Procedure?) {
    self.title = title
    self.version = version
    self.openapi = openapi
    self.storage = CatalogStorage(names: names, decode: decode)
    self.routers = Self.routers(of: names)
  }

  private static func routers(of names: some Sequence<String>) -> [String] {
    var set = Set<String>()
    for n in names {
      set.insert(n.firstIndex(of: ".").map { String(n[..<$0]) } ?? n)
    }
    return set.sorted()
  }

  /// The procedure named `name` (`router.procedure`).
  public func procedure(named name: String) -> Procedure? {
    storage.procedure(named: name)
  }

  /// Every procedure's name, sorted (without decoding a lazily opened catalog).
  public var names: [String] { storage.names }

  /// The procedures of one router, sorted.
  public func procedures(inRouter router: String) -> [Procedure] {
    procedures.filter { $0.router == router }
  }

  /// "Did you mean" candidates for an unknown procedure name.
  public func suggestions(for name: String, limit: Int = 3) -> [String] {
    Suggest.closest(to: name, in: storage.names, limit: limit)
  }
}
