import DokCore

extension Routers {
  /// The `user` router's procedures.
  static let user: [Procedure] = [
    .recorded("user.all", RouterReply(kind: .members, source: "routers/user.ts:68")),
    .recorded(
      "user.one",
      .ifSandbox(
        "userId", of: "user", .member, .error(.NOT_FOUND, "User not found in this organization"), "routers/user.ts:94")),
    .recorded(
      "user.session",
      .value(
        ["user": ["id": "<userId>"], "session": ["activeOrganizationId": "<organizationId>"]], "routers/user.ts:125")),
    .code("user.get", "", "", changesState: false) { s, input, now in try s.misc("user.get", input, now: now) },
    .recorded("user.getPermissions", RouterReply(kind: .permissions, source: "services/permission.ts:179")),
    .recorded("user.listPasskeys", .value([], "services/user.ts:401")),
    .recorded("user.haveRootAccess", .value(false, "routers/user.ts:182")),
    .recorded("user.getBackups", RouterReply(kind: .user(["backups": [], "apiKeys": []]), source: "routers/user.ts:213")),
    .recorded("user.getServerMetrics", RouterReply(kind: .user([:]), source: "routers/user.ts:227")),
    .code("user.update", "row of user", "services/user.ts:525", changesState: true) { s, input, now in
      try s.misc("user.update", input, now: now)
    },
    .recorded("user.listSessions", .value([], "routers/user.ts:316")),
    .recorded("user.revokeSession", .error(.NOT_FOUND, "Session not found", "routers/user.ts:348")),
    .recorded("user.getUserByToken", .error(.NOT_FOUND, "Invitation not found", "services/admin.ts:81")),
    .code("user.getMetricsToken", "{serverIp, enabledFeatures, metricsConfig}", "routers/user.ts:385", changesState: false) {
      s, input, now in try s.webServer("user.getMetricsToken", input, now: now)
    },
    .recorded(
      "user.remove",
      .ifSandbox(
        "userId", of: "user", .error(.FORBIDDEN, "You cannot delete the organization owner"),
        .error(.NOT_FOUND, "Target user is not a member of this organization"), "routers/user.ts:420")),
    // No return after the member update (`routers/user.ts:482-508`).
    .recorded("user.assignPermissions", .void("routers/user.ts:508")),
    .recorded("user.getInvitations", .value([], "routers/user.ts:513")),
    .recorded(
      "user.getContainerMetrics",
      .value(
        [
          [
            "containerId": "<nanoid>", "containerName": "<input.appName>", "containerImage": "<input.appName>:latest",
            "containerLabels": "", "containerCommand": "", "containerCreated": "<now>",
          ]
        ], "routers/user.ts:571")),
    .recorded("user.generateToken", .value("token", "routers/user.ts:585")),
    .recorded("user.deleteApiKey", .error(.NOT_FOUND, "API key not found", "routers/user.ts:601")),
    .recorded(
      "user.createApiKey",
      .row(
        "apikey",
        [
          "id": "<nanoid>", "key": "<random64>", "start": "<random6>", "referenceId": "<userId>", "enabled": true,
          "requestCount": 0, "rateLimitEnabled": true, "rateLimitTimeWindow": 86_400_000, "rateLimitMax": 10,
          "updatedAt": "<now>",
        ], "services/user.ts:567")),
    .recorded("user.checkUserOrganizations", .value(1, "routers/user.ts:696")),
    .recorded(
      "user.createUserWithCredentials",
      .value(
        ["userId": "<nanoid>", "email": "<input.email>", "role": "<input.role>"], "services/user.ts:469")),
    .recorded(
      "user.sendInvitation",
      .value("http://127.0.0.1:3000/invitation?token=<input.invitationId>", "routers/user.ts:808")
        .requiring("notificationId", "notifications")),
    .code("user.getBookmarkedTemplates", "string[]", "routers/user.ts:817", changesState: false) { s, input, now in
      try s.misc("user.getBookmarkedTemplates", input, now: now)
    },
    .code("user.toggleTemplateBookmark", "{isBookmarked}", "routers/user.ts:844", changesState: true) { s, input, now in
      try s.misc("user.toggleTemplateBookmark", input, now: now)
    },
  ]
}
