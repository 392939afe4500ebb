import DokCore

/// What this session's results have shown, for completion: IDs by key name (`applicationId` →
/// newest first) with the name of what each identifies, the values seen under each field
/// (`applicationStatus` → `"done"`, `"idle"`), and each procedure's latest result.
public struct LiveIDIndex: Sendable {
  private var byKey: [String: [String]] = [:]
  private var labels: [String: String] = [:]
  private var valuesByField: [String: [JSON]] = [:]
  private var latestByProcedure: [String: JSON] = [:]
  /// How many IDs to keep per key.
  public var limit = 50
  /// How many distinct values to keep per field.
  public var valueLimit = 20
  /// Longer strings are not kept as field values (names and statuses are short; logs are not).
  static let longestValue = 80
  /// At most this many field values are taken from one result (a huge listing costs no more).
  static let valuesPerResult = 5_000
  /// Fields whose values are never kept: they look secret.
  static let secrets = SecretPolicy()

  public init() {}

  /// Records every string value under a key ending in `Id` anywhere in `value`, the name of the
  /// object each ID identifies, and the scalar values of every field. With `procedure`, `value`
  /// is also that procedure's latest result.
  public mutating func record(_ value: JSON, procedure: String? = nil) {
    var found = Found()
    // A top-level row of `application.one` is identified by `applicationId`.
    let owner = procedure.flatMap { p in p.split(separator: ".").first.map(String.init) }
    collect(value, owner: owner, depth: 0, into: &found)
    // Later occurrences in one result count as older than earlier ones: insert in reverse.
    for (k, v) in found.ids.reversed() { insert(key: k, id: v) }
    for (id, label) in found.labels { labels[id] = label }
    for (field, v) in found.values.reversed() { insert(field: field, value: v) }
    if let procedure { latestByProcedure[procedure] = value }
  }

  /// Records the results an entry added that no call event reported (a `wait`'s final result,
  /// calls inside expressions); the last of a `wait PROC … until` entry is PROC's latest result.
  public mutating func recordEntry(_ source: String, results: [JSON]) {
    let waited = Completer.scope(source).waitProcedure
    for (i, r) in results.enumerated() { record(r, procedure: i == results.count - 1 ? waited : nil) }
  }

  private struct Found {
    var ids: [(String, String)] = []
    var labels: [(String, String)] = []
    var values: [(String, JSON)] = []
  }

  private mutating func insert(key: String, id: String) {
    var list = byKey[key, default: []]
    list.removeAll { $0 == id }
    list.insert(id, at: 0)
    if list.count > limit { list.removeLast(list.count - limit) }
    byKey[key] = list
  }

  private mutating func insert(field: String, value: JSON) {
    var list = valuesByField[field, default: []]
    list.removeAll { $0 == value }
    list.insert(value, at: 0)
    if list.count > valueLimit { list.removeLast(list.count - valueLimit) }
    valuesByField[field] = list
  }

  /// `owner`: what the enclosing key or procedure says this object is (`applications` → an
  /// application), so its own ID can be told from the references it holds.
  private func collect(_ v: JSON, owner: String?, depth: Int, into out: inout Found) {
    guard depth < 32 else { return }
    switch v {
    case .object(let o):
      if let own = Self.ownID(of: o, owner: owner), let label = Self.label(of: o) { out.labels.append((own, label)) }
      for (k, e) in o.pairs {
        switch e {
        case .string(let s):
          if k.hasSuffix("Id"), !s.isEmpty { out.ids.append((k, s)) }
          if s.count <= Self.longestValue, out.values.count < Self.valuesPerResult, !Self.secrets.isSecret(field: k) {
            out.values.append((k, e))
          }
        case .number, .bool:
          if out.values.count < Self.valuesPerResult, !Self.secrets.isSecret(field: k) { out.values.append((k, e)) }
        default: break
        }
        collect(e, owner: k, depth: depth + 1, into: &out)
      }
    case .array(let a):
      for e in a { collect(e, owner: owner, depth: depth + 1, into: &out) }
    default: break
    }
  }

  /// The ID that identifies the object itself: its first key when that ends in `Id` (every
  /// Dokploy table starts with its primary key, so a deployment row's `applicationId` is a
  /// reference), else `<owner>Id` (`applications` → `applicationId`).
  static func ownID(of o: JSONObject, owner: String?) -> String? {
    if let first = o.pairs.first(where: { _ in true }), first.0.hasSuffix("Id") {
      if case .string(let s) = first.1, !s.isEmpty { return s }
      return nil
    }
    guard let owner else { return nil }
    for name in [owner, owner.hasSuffix("s") ? String(owner.dropLast()) : owner] {
      if case .string(let s)? = o[name + "Id"], !s.isEmpty { return s }
    }
    return nil
  }

  /// What a person calls the object: its `name` (with `appName` beside it when different),
  /// else its `appName`, else its `title`.
  static func label(of o: JSONObject) -> String? {
    func text(_ k: String) -> String? {
      if case .string(let s)? = o[k], !s.isEmpty { return s }
      return nil
    }
    switch (text("name"), text("appName")) {
    case (let name?, let app?) where app != name: return "\(name) (\(app))"
    case (let name?, _): return name
    case (nil, let app?): return app
    default: return text("title")
    }
  }

  /// IDs by key, newest first.
  public var all: [String: [String]] { byKey }

  /// The name of what `id` identifies, when a result showed it (`shop-web (shop-web-x1y2z3)`).
  public func label(for id: String) -> String? { labels[id] }

  /// The distinct values seen under `field` in results, newest first.
  public func values(for field: String) -> [JSON] { valuesByField[field] ?? [] }

  /// The latest result of `procedure` in this session.
  public func latest(_ procedure: String) -> JSON? { latestByProcedure[procedure] }
}
