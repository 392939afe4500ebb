import DokCore

extension RouterReplies {
  /// `ai`, `stripe`, `patch`, `dnsProvider`, `vaultProvider`, `tag`, `overview`: replies of
  /// procedures that talk to outside services (reached here as if they answered) or to the
  /// state (rows read from the sandbox's tables, not stored).
  static let misc: [String: RouterReply] = [
    "ai.getModels": .value(
      [["id": "gpt-4o-mini", "object": "model", "created": 1_721_172_741, "owned_by": "system"]], "routers/ai.ts:162"),
    "ai.getAll": RouterReply(kind: .rows("ai"), source: "services/ai.ts:31"),
    "ai.get": .row("ai", "services/ai.ts:49"),
    "ai.getCustomProviders": .value([], "services/ai.ts:73"),
    "ai.saveCustomProviders": RouterReply(kind: .inputField("providers"), source: "services/ai.ts:95"),
    "ai.getEnabledProviders": .value([], "routers/ai.ts:223"),
    "ai.analyzeLogs": .value(
      ["analysis": "The log shows no error: the container started and is serving requests."], "routers/ai.ts:274"
    ).requiring("aiId", "ai"),
    "ai.testConnection": .value(["success": true, "message": "Connection successful"], "routers/ai.ts:308"),
    "ai.suggest": .value([], "services/ai.ts:318").requiring("aiId", "ai"),
    // Creates a compose from the suggestion, then returns null.
    "stripe.getCurrentPlan": .value(.null, "server/utils/billing.ts:63"),
    // Self-hosted has no STRIPE_SECRET_KEY: the Stripe client's first request fails (an unwrapped 500).
    "stripe.getProducts": .error(
      .INTERNAL_SERVER_ERROR, "You did not provide an API key.", "routers/stripe.ts:46"),
    "stripe.createCheckoutSession": .error(
      .INTERNAL_SERVER_ERROR, "You did not provide an API key.", "routers/stripe.ts:143"),
    "stripe.createCustomerPortalSession": .error(.BAD_REQUEST, "Stripe Customer ID not found", "routers/stripe.ts:194"),
    "stripe.upgradeSubscription": .error(.BAD_REQUEST, "No active subscription found", "routers/stripe.ts:239"),
    "stripe.canCreateMoreServers": .value(true, "routers/stripe.ts:297"),
    "stripe.updateInvoiceNotifications": .error(
      .BAD_REQUEST, "This feature is only available in Dokploy Cloud", "routers/stripe.ts:308"),
    "stripe.getInvoices": .value([], "routers/stripe.ts:325"),
    "patch.toggleEnabled": .row("patch", "services/patch.ts:98"),
    "patch.ensureRepo": .value("/etc/dokploy/patch-repos/<input.type>/<input.id>", "services/patch-repo.ts:71"),
    "patch.readRepoDirectories": .value(
      [
        ["name": "Dockerfile", "path": "Dockerfile", "type": "file"],
        [
          "name": "src", "path": "src", "type": "directory",
          "children": [["name": "index.js", "path": "src/index.js", "type": "file"]],
        ],
      ], "services/patch-repo.ts:145"),
    "patch.readRepoFile": .value("", "services/patch-repo.ts:176"),
    "patch.cleanPatchRepos": .value(true, "routers/patch.ts:330"),
    "dnsProvider.testConnection": .value(true, "routers/dns-provider.ts:129"),
    "dnsProvider.listZones": .value([["id": "zone-sandbox", "name": "example.com"]], "routers/dns-provider.ts:139"),
    "dnsProvider.listRecords": .value(
      [["id": "record-sandbox", "type": "A", "name": "example.com", "content": "127.0.0.1", "ttl": 300]],
      "routers/dns-provider.ts:149"),
    "dnsProvider.createRecord": .value(["id": "<nanoid>"], "services/dns-provider.ts:235"),
    "dnsProvider.updateRecord": .value(["id": "<input.recordId>"], "services/dns-provider.ts:253"),
    "dnsProvider.deleteRecord": .value(true, "routers/dns-provider.ts:220"),
    "vaultProvider.testConnection": .value(true, "routers/vault-provider.ts:124"),
    "vaultProvider.listSecretNames": .value([], "services/vault-provider.ts:248"),
    "overview.services": RouterReply(kind: .overviewServices, source: "services/overview.ts:229"),
    "overview.backups": .value([], "services/overview.ts:428"),
    "overview.domains": RouterReply(kind: .overviewDomains, source: "services/overview.ts:700"),
  ]
}
