import DokCore
import Synchronization

/// One relation of a reply's `with` tree (tables.json), compiled once: what to include for
/// each row without re-reading the JSON description.
struct RelationPlan: Sendable {
  let name: String
  let many: Bool
  let target: TableFacts
  /// The columns kept (nil: all).
  let columns: [String]?
  let excluded: [String]
  let nested: [RelationPlan]

  private static let cache = Mutex<[JSONObject: [RelationPlan]]>([:])
  private static let byReply = Mutex<[String: [RelationPlan]]>([:])

  /// The compiled `with` tree of procedure `reply` in tables.json (empty when it has none).
  static func forReply(_ reply: String) -> [RelationPlan] {
    if let hit = byReply.withLock({ $0[reply] }) { return hit }
    let plans = DokployFacts.shared.replies[reply]?["with"]?.objectValue.map(compile) ?? []
    byReply.withLock { $0[reply] = plans }
    return plans
  }

  /// The compiled plan of a `with` object (cached: replies reuse a handful of trees).
  static func compile(_ with: JSONObject) -> [RelationPlan] {
    if let hit = cache.withLock({ $0[with] }) { return hit }
    var plans: [RelationPlan] = []
    for (name, spec) in with.pairs {
      guard let t = spec["table"]?.stringValue, let target = DokployFacts.shared.tables[t] else { continue }
      plans.append(
        RelationPlan(
          name: name, many: spec["many"]?.boolValue == true, target: target,
          columns: spec["columns"]?.arrayValue?.compactMap(\.stringValue),
          excluded: spec["excludeColumns"]?.arrayValue?.compactMap(\.stringValue) ?? [],
          nested: spec["with"]?.objectValue.map(compile) ?? []))
    }
    cache.withLock { $0[with] = plans }
    return plans
  }
}
