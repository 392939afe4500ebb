import DokCore

extension Routers {
  /// The `vaultProvider` router's procedures.
  static let vaultProvider: [Procedure] = [
    .table("vaultProvider.create", "", ""),
    .table("vaultProvider.update", "", ""),
    .table("vaultProvider.remove", "", ""),
    .table("vaultProvider.all", "", ""),
    .table("vaultProvider.one", "", ""),
    .recorded("vaultProvider.testConnection", .value(true, "routers/vault-provider.ts:124")),
    .recorded("vaultProvider.listSecretNames", .value([], "services/vault-provider.ts:248")),
  ]
}
