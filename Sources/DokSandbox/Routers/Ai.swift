import DokCore

extension Routers {
  /// The `ai` router's procedures.
  static let ai: [Procedure] = [
    .table("ai.one", "", ""),
    .recorded(
      "ai.getModels",
      .value(
        [["id": "gpt-4o-mini", "object": "model", "created": 1_721_172_741, "owned_by": "system"]], "routers/ai.ts:162")),
    .table("ai.create", "", ""),
    .table("ai.update", "", ""),
    .recorded("ai.getAll", RouterReply(kind: .rows("ai"), source: "services/ai.ts:31")),
    .recorded("ai.get", .row("ai", "services/ai.ts:49")),
    .table("ai.delete", "", ""),
    .recorded("ai.getCustomProviders", .value([], "services/ai.ts:73")),
    .recorded("ai.saveCustomProviders", RouterReply(kind: .inputField("providers"), source: "services/ai.ts:95")),
    .recorded("ai.getEnabledProviders", .value([], "routers/ai.ts:223")),
    .recorded(
      "ai.analyzeLogs",
      .value(
        ["analysis": "The log shows no error: the container started and is serving requests."], "routers/ai.ts:274"
      ).requiring("aiId", "ai")),
    .recorded("ai.testConnection", .value(["success": true, "message": "Connection successful"], "routers/ai.ts:308")),
    .recorded("ai.suggest", .value([], "services/ai.ts:318").requiring("aiId", "ai")),
    .code("ai.deploy", "null", "routers/ai.ts:393", changesState: true) { s, input, now in try s.aiDeploy(input, now: now) },
  ]
}
