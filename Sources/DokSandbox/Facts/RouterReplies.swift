/// The real reply of every procedure the sandbox answers with a fixed shape and `tables.json`
/// gives no reply for, read from Dokploy v0.30.2's routers: procedure → reply and source line.
/// Grouped by router in extensions; `FixedReplies` consumes it, and `ProcedureCatalogTests`
/// fails when a fixed-shape procedure has neither an entry here nor a reply in tables.json.
enum RouterReplies {
  /// Every entry, by `router.procedure`.
  static let all: [String: RouterReply] = {
    var all: [String: RouterReply] = [:]
    for group in [settings, docker, users, organizations, enterprise, misc] {
      all.merge(group) { a, _ in a }
    }
    return all
  }()
}
