import DokCore

extension Routers {
  /// The `customRole` router's procedures.
  static let customRole: [Procedure] = [
    .recorded("customRole.all", .value([], "routers/proprietary/custom-role.ts:74")),
    .recorded("customRole.create", .enterprise("routers/proprietary/custom-role.ts:77")),
    .recorded("customRole.update", .enterprise("routers/proprietary/custom-role.ts:134")),
    .recorded("customRole.remove", .enterprise("routers/proprietary/custom-role.ts:215")),
    .recorded("customRole.membersByRole", .value([], "routers/proprietary/custom-role.ts:300")),
    .recorded("customRole.getStatements", RouterReply(kind: .statements, source: "routers/proprietary/custom-role.ts:304")),
  ]
}
