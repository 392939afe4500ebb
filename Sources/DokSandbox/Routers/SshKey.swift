import DokCore

extension Routers {
  /// The `sshKey` router's procedures.
  static let sshKey: [Procedure] = [
    .table("sshKey.create", "void", "routers/ssh-key.ts:27"),
    .table("sshKey.remove", "row of sshKeys (deleted)", "routers/ssh-key.ts:48"),
    .table("sshKey.one", "row of sshKeys", "routers/ssh-key.ts:71"),
    .table("sshKey.all", "rows of sshKeys", "routers/ssh-key.ts:84"),
    .recorded("sshKey.allForApps", .findMany("sshKey.allForApps", "routers/ssh-key.ts:90")),
    .recorded(
      "sshKey.generate",
      .value(
        [
          "privateKey":
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ<random64>\n-----END OPENSSH PRIVATE KEY-----\n",
          "publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI<random64> dokploy",
        ], "routers/ssh-key.ts:100")),
    .table("sshKey.update", "row of sshKeys (updated)", "routers/ssh-key.ts:105"),
  ]
}
