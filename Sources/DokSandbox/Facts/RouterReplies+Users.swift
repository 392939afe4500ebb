import DokCore

extension RouterReplies {
  /// `user`: the sandbox's single owner (`SandboxState.userView`), no sessions, invitations,
  /// passkeys or other API keys.
  static let users: [String: RouterReply] = [
    "user.all": RouterReply(kind: .members, source: "routers/user.ts:68"),
    "user.one": .ifSandbox(
      "userId", of: "user", .member, .error(.NOT_FOUND, "User not found in this organization"), "routers/user.ts:94"),
    "user.session": .value(
      ["user": ["id": "<userId>"], "session": ["activeOrganizationId": "<organizationId>"]], "routers/user.ts:125"),
    "user.getPermissions": RouterReply(kind: .permissions, source: "services/permission.ts:179"),
    "user.listPasskeys": .value([], "services/user.ts:401"),
    "user.haveRootAccess": .value(false, "routers/user.ts:182"),
    "user.getBackups": RouterReply(kind: .user(["backups": [], "apiKeys": []]), source: "routers/user.ts:213"),
    "user.getServerMetrics": RouterReply(kind: .user([:]), source: "routers/user.ts:227"),
    "user.listSessions": .value([], "routers/user.ts:316"),
    "user.revokeSession": .error(.NOT_FOUND, "Session not found", "routers/user.ts:348"),
    "user.getUserByToken": .error(.NOT_FOUND, "Invitation not found", "services/admin.ts:81"),
    "user.remove": .ifSandbox(
      "userId", of: "user", .error(.FORBIDDEN, "You cannot delete the organization owner"),
      .error(.NOT_FOUND, "Target user is not a member of this organization"), "routers/user.ts:420"),
    // No return after the member update (`routers/user.ts:482-508`).
    "user.assignPermissions": .void("routers/user.ts:508"),
    "user.getInvitations": .value([], "routers/user.ts:513"),
    "user.getContainerMetrics": .value(
      [
        [
          "containerId": "<nanoid>", "containerName": "<input.appName>", "containerImage": "<input.appName>:latest",
          "containerLabels": "", "containerCommand": "", "containerCreated": "<now>",
        ]
      ], "routers/user.ts:571"),
    "user.generateToken": .value("token", "routers/user.ts:585"),
    "user.deleteApiKey": .error(.NOT_FOUND, "API key not found", "routers/user.ts:601"),
    "user.createApiKey": .row(
      "apikey",
      [
        "id": "<nanoid>", "key": "<random64>", "start": "<random6>", "referenceId": "<userId>", "enabled": true,
        "requestCount": 0, "rateLimitEnabled": true, "rateLimitTimeWindow": 86_400_000, "rateLimitMax": 10,
        "updatedAt": "<now>",
      ], "services/user.ts:567"),
    "user.checkUserOrganizations": .value(1, "routers/user.ts:696"),
    "user.createUserWithCredentials": .value(
      ["userId": "<nanoid>", "email": "<input.email>", "role": "<input.role>"], "services/user.ts:469"),
    "user.sendInvitation": .value("http://127.0.0.1:3000/invitation?token=<input.invitationId>", "routers/user.ts:808")
      .requiring("notificationId", "notifications"),
  ]

  /// `organization`: invitations and members (the organizations themselves are
  /// `SandboxState.organization(_:_:now:)`'s).
  static let organizations: [String: RouterReply] = [
    "organization.updateMemberRole": .ifSandbox(
      "memberId", of: "user", .error(.FORBIDDEN, "You cannot change your own role"),
      .error(.NOT_FOUND, "Member not found"), "routers/organization.ts:474")
  ]

}
