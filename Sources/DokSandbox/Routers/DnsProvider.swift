import DokCore

extension Routers {
  /// The `dnsProvider` router's procedures.
  static let dnsProvider: [Procedure] = [
    .table("dnsProvider.create", "", ""),
    .table("dnsProvider.update", "", ""),
    .table("dnsProvider.remove", "", ""),
    .table("dnsProvider.all", "", ""),
    .table("dnsProvider.one", "", ""),
    .recorded("dnsProvider.testConnection", .value(true, "routers/dns-provider.ts:129")),
    .recorded("dnsProvider.listZones", .value([["id": "zone-sandbox", "name": "example.com"]], "routers/dns-provider.ts:139")),
    .recorded(
      "dnsProvider.listRecords",
      .value(
        [["id": "record-sandbox", "type": "A", "name": "example.com", "content": "127.0.0.1", "ttl": 300]],
        "routers/dns-provider.ts:149")),
    .recorded("dnsProvider.createRecord", .value(["id": "<nanoid>"], "services/dns-provider.ts:235")),
    .recorded("dnsProvider.updateRecord", .value(["id": "<input.recordId>"], "services/dns-provider.ts:253")),
    .recorded("dnsProvider.deleteRecord", .value(true, "routers/dns-provider.ts:220")),
  ]
}
