import DokCore

extension Routers {
  /// The `patch` router's procedures.
  static let patch: [Procedure] = [
    .table("patch.create", "", ""),
    .table("patch.one", "", ""),
    .code("patch.byEntityId", "rows of patch", "services/patch.ts:57", changesState: false) { s, input, now in
      try s.patchCall("patch.byEntityId", input, now: now)
    },
    .table("patch.update", "", ""),
    .table("patch.delete", "", ""),
    .recorded("patch.toggleEnabled", .row("patch", "services/patch.ts:98")),
    .recorded("patch.ensureRepo", .value("/etc/dokploy/patch-repos/<input.type>/<input.id>", "services/patch-repo.ts:71")),
    .recorded(
      "patch.readRepoDirectories",
      .value(
        [
          ["name": "Dockerfile", "path": "Dockerfile", "type": "file"],
          [
            "name": "src", "path": "src", "type": "directory",
            "children": [["name": "index.js", "path": "src/index.js", "type": "file"]],
          ],
        ], "services/patch-repo.ts:145")),
    .recorded("patch.readRepoFile", .value("", "services/patch-repo.ts:176")),
    .code("patch.saveFileAsPatch", "row of patch", "routers/patch.ts:277", changesState: true) { s, input, now in
      try s.patchCall("patch.saveFileAsPatch", input, now: now)
    },
    .code("patch.markFileForDeletion", "row of patch", "services/patch.ts:110", changesState: true) { s, input, now in
      try s.patchCall("patch.markFileForDeletion", input, now: now)
    },
    .recorded("patch.cleanPatchRepos", .value(true, "routers/patch.ts:330")),
  ]
}
