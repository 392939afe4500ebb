import DokCore

extension Routers {
  /// The `registry` router's procedures.
  static let registry: [Procedure] = [
    .table("registry.create", "row of registry (inserted)", "routers/registry.ts:26"),
    .table("registry.remove", "row of registry (deleted)", "routers/registry.ts:38"),
    .table("registry.update", "true", "routers/registry.ts:56"),
    .table("registry.all", "rows of registry", "routers/registry.ts:86"),
    .table("registry.one", "row of registry", "routers/registry.ts:92"),
    .shape("registry.testRegistry", "true", "routers/registry.ts:104"),
    .shape("registry.testRegistryById", "true", "routers/registry.ts:150"),
  ]
}
