import DokCore

extension Routers {
  /// The `tag` router's procedures.
  static let tag: [Procedure] = [
    .code("tag.create", "row of tags", "routers/tag.ts:31", changesState: true) { s, input, now in
      try s.tag("create", input, now: now)
    },
    .code("tag.all", "rows of tags, by name", "routers/tag.ts:57", changesState: false) { s, input, now in
      try s.tag("all", input, now: now)
    },
    .table("tag.one", "", ""),
    .code("tag.update", "row of tags", "routers/tag.ts:124", changesState: true) { s, input, now in
      try s.tag("update", input, now: now)
    },
    .code("tag.remove", "{success}", "routers/tag.ts:168", changesState: true) { s, input, now in
      try s.tag("remove", input, now: now)
    },
    .code("tag.assignToProject", "row of projectTags", "routers/tag.ts:247", changesState: true) { s, input, now in
      try s.tag("assignToProject", input, now: now)
    },
    .code("tag.removeFromProject", "{success}", "routers/tag.ts:336", changesState: true) { s, input, now in
      try s.tag("removeFromProject", input, now: now)
    },
    .code("tag.bulkAssign", "{success}", "routers/tag.ts:427", changesState: true) { s, input, now in
      try s.tag("bulkAssign", input, now: now)
    },
  ]
}
