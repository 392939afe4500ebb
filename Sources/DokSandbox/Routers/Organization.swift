import DokCore

extension Routers {
  /// The `organization` router's procedures.
  static let organization: [Procedure] = [
    .code("organization.create", "row of organization", "routers/organization.ts:79", changesState: true) { s, input, now in
      try s.organization("create", input, now: now)
    },
    .code("organization.all", "rows of organization with members", "routers/organization.ts:101", changesState: false) {
      s, input, now in try s.organization("all", input, now: now)
    },
    .code("organization.one", "row of organization", "routers/organization.ts:125", changesState: false) { s, input, now in
      try s.organization("one", input, now: now)
    },
    .code("organization.update", "row of organization", "routers/organization.ts:228", changesState: true) { s, input, now in
      try s.organization("update", input, now: now)
    },
    .code("organization.delete", "[] (the delete's result)", "routers/organization.ts:298", changesState: true) { s, input, now in
      try s.organization("delete", input, now: now)
    },
    .code("organization.inviteMember", "row of invitation", "routers/organization.ts:415", changesState: true) { s, input, now in
      try s.organization("inviteMember", input, now: now)
    },
    .code("organization.allInvitations", "rows of invitation", "routers/organization.ts:421", changesState: false) {
      s, input, now in try s.organization("allInvitations", input, now: now)
    },
    .code("organization.removeInvitation", "[] (the delete's result)", "routers/organization.ts:457", changesState: true) {
      s, input, now in try s.organization("removeInvitation", input, now: now)
    },
    .recorded(
      "organization.updateMemberRole",
      .ifSandbox(
        "memberId", of: "user", .error(.FORBIDDEN, "You cannot change your own role"),
        .error(.NOT_FOUND, "Member not found"), "routers/organization.ts:474")),
    .code("organization.setDefault", "{success}", "routers/organization.ts:590", changesState: true) { s, input, now in
      try s.organization("setDefault", input, now: now)
    },
    .code("organization.active", "row of organization", "routers/organization.ts:597", changesState: false) { s, input, now in
      try s.organization("active", input, now: now)
    },
  ]
}
