import DokCore

/// Rows of one entity kind, by id, remembering creation order, with an index on every
/// reference member (a string member whose name ends in `Id`) so lookups by foreign key do
/// not scan the table.
struct Table: Sendable {
  /// The name of the id member (`applicationId`).
  let idKey: String
  private(set) var rows: [String: JSONObject] = [:]
  private(set) var order: [String] = []
  /// Position of each id in `order` (stale entries are skipped; see ``compact()``).
  private var position: [String: Int] = [:]
  /// key → value → ids, in insertion order.
  private var index: [String: [String: [String]]] = [:]
  /// When set, ids of rows written or removed since the last ``drainChanges()`` (for the journal).
  var tracking = false
  private(set) var changed: Set<String> = []

  /// The ids changed since the last call, and forgets them.
  mutating func drainChanges() -> Set<String> {
    defer { changed = [] }
    return changed
  }

  init(idKey: String) { self.idKey = idKey }

  /// The row with this id.
  subscript(id: String) -> JSONObject? {
    get { rows[id] }
    set {
      if tracking { changed.insert(id) }
      if let newValue {
        let old = rows.updateValue(newValue, forKey: id)
        if old == nil {
          position[id] = order.count
          order.append(id)
        }
        reindex(id, from: old, to: newValue)
      } else if let old = rows.removeValue(forKey: id) {
        reindex(id, from: old, to: nil)
        if let p = position.removeValue(forKey: id) { order[p] = "" }
        compactIfSparse()
      }
    }
  }

  private static func isReference(_ key: String) -> Bool { key.hasSuffix("Id") }

  private mutating func reindex(_ id: String, from old: JSONObject?, to new: JSONObject?) {
    if let old {
      for (k, v) in old.pairs where k != idKey && Self.isReference(k) {
        guard case .string(let s) = v, new?[k] != v else { continue }
        index[k]?[s]?.removeAll { $0 == id }
        if index[k]?[s]?.isEmpty == true { index[k]?[s] = nil }
      }
    }
    if let new {
      for (k, v) in new.pairs where k != idKey && Self.isReference(k) {
        guard case .string(let s) = v, old?[k] != v else { continue }
        index[k, default: [:]][s, default: []].append(id)
      }
    }
  }

  /// Drops the holes deleted rows leave in `order` once they are half of it.
  private mutating func compactIfSparse() {
    guard order.count > 64, rows.count * 2 < order.count else { return }
    order.removeAll { $0.isEmpty }
    position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
  }

  /// Inserts or replaces a row keyed by its id member.
  mutating func put(_ row: JSONObject) {
    guard let id = row[idKey]?.stringValue else { return }
    self[id] = row
  }

  /// Removes several rows at once.
  mutating func remove(ids: Set<String>) {
    for id in ids { self[id] = nil }
  }

  /// Rows in creation order.
  var all: [JSONObject] { order.compactMap { $0.isEmpty ? nil : rows[$0] } }

  /// Rows whose `key` member equals `value`, in the order they took that value (creation
  /// order, unless a row was moved from another parent).
  func filter(_ key: String, _ value: String) -> [JSONObject] {
    if Self.isReference(key), key != idKey {
      return (index[key]?[value] ?? []).compactMap { rows[$0] }
    }
    return all.filter { $0[key]?.stringValue == value }
  }

  /// The index of member `key` (value → ids, as ``filter(_:_:)`` orders them), for a caller that
  /// looks up many values of one key; nil when `key` is not indexed (use ``filter(_:_:)``).
  func referenceIndex(_ key: String) -> [String: [String]]? {
    guard Self.isReference(key), key != idKey else { return nil }
    return index[key] ?? [:]
  }

  /// Number of rows.
  var count: Int { rows.count }

  /// All rows as a JSON array (for the state file).
  var json: JSON { .array(all.map { .object($0) }) }

  /// Rebuilds a table from a state file array.
  init(idKey: String, json: JSON?) {
    self.idKey = idKey
    for case .object(let o) in json?.arrayValue ?? [] { put(o) }
  }
}
