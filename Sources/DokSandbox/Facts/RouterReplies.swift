/// The real reply of every procedure the sandbox answers with a fixed shape and `tables.json`
/// gives no reply for (or only a loose one, see `refined`), read from Dokploy v0.30.2's routers:
/// procedure → reply and source line. An entry here takes precedence over tables.json.
/// Grouped by router in extensions; `FixedReplies` consumes it, and `ProcedureCatalogTests`
/// fails when a fixed-shape procedure has neither an entry here nor a reply in tables.json.
enum RouterReplies {
  /// Every entry, by `router.procedure`.
  static let all: [String: RouterReply] = {
    var all: [String: RouterReply] = [:]
    for group in [settings, docker, users, organizations, enterprise, misc, refined, derived, queries] {
      all.merge(group) { a, _ in a }
    }
    return all
  }()
}
