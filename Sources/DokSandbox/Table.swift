import DokCore

/// Rows of one entity kind, by id, remembering creation order.
struct Table: Sendable {
  /// The name of the id member (`applicationId`).
  let idKey: String
  private(set) var rows: [String: JSONObject] = [:]
  private(set) var order: [String] = []

  init(idKey: String) { self.idKey = idKey }

  /// The row with this id.
  subscript(id: String) -> JSONObject? {
    get { rows[id] }
    set {
      if let newValue {
        if rows.updateValue(newValue, forKey: id) == nil { order.append(id) }
      } else if rows.removeValue(forKey: id) != nil {
        order.removeAll { $0 == id }
      }
    }
  }

  /// Inserts or replaces a row keyed by its id member.
  mutating func put(_ row: JSONObject) {
    guard let id = row[idKey]?.stringValue else { return }
    self[id] = row
  }

  /// Removes several rows at once.
  mutating func remove(ids: Set<String>) {
    guard !ids.isEmpty else { return }
    for id in ids { rows.removeValue(forKey: id) }
    order.removeAll { ids.contains($0) }
  }

  /// Rows in creation order.
  var all: [JSONObject] { order.compactMap { rows[$0] } }

  /// Rows whose `key` member equals `value`, in creation order.
  func filter(_ key: String, _ value: String) -> [JSONObject] {
    order.compactMap { id in
      guard let r = rows[id], r[key]?.stringValue == value else { return nil }
      return r
    }
  }

  /// Number of rows.
  var count: Int { order.count }

  /// All rows as a JSON array (for the state file).
  var json: JSON { .array(all.map { .object($0) }) }

  /// Rebuilds a table from a state file array.
  init(idKey: String, json: JSON?) {
    self.idKey = idKey
    for case .object(let o) in json?.arrayValue ?? [] { put(o) }
  }
}
