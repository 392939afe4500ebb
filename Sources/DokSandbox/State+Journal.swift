import DokCore

/// The state file's journal: each commit appends one line holding the rows it changed (whole
/// rows, or null for a removal), the deploy queue's changes (``DeployQueue``: jobs queued and
/// taken, never the whole queue) and the worker's small state; loading replays the lines newer
/// than the snapshot. Compaction rewrites the snapshot and empties the journal.
extension SandboxState {
  /// Every table by its Dokploy name (the hand-modelled ones and the engine's).
  var tableNames: [String] {
    ["projects", "environments", "applications", "compose", "domains", "deployments"]
      + DatabaseKind.allCases.map(\.rawValue) + generic.keys.sorted()
  }

  /// Starts recording changes for the journal.
  mutating func startJournaling() {
    journaling = true
    queue.recording = true
    journaledPending = pending.map(\.deploymentId)
    for name in tableNames { self[table: name]?.tracking = true }
  }

  /// One journal entry: the rows changed since the last one, and the worker's state.
  mutating func drainJournalEntry() -> JSON {
    var tables = JSONObject()
    var changedDeployments: [String] = []
    for name in tableNames {
      guard let ids = self[table: name]?.drainChanges(), !ids.isEmpty, let t = self[table: name] else { continue }
      var rows = JSONObject()
      for id in ids.sorted() { rows[id] = t[id].map(JSON.object) ?? .null }
      tables[name] = .object(rows)
      if name == "deployments" { changedDeployments = Array(ids) }
    }
    var logsChanged = JSONObject()
    for id in changedDeployments.sorted() { logsChanged[id] = logs[id].map { .array($0.map(\.json)) } ?? .null }
    // A build's lines are written when the worker takes it (timed) or when it is killed, so its
    // log is journalled only when the running deploy changes, not with every entry.
    let running = pending.map(\.deploymentId)
    if running != journaledPending {
      for id in Set(running + journaledPending) where logsChanged[id] == nil {
        logsChanged[id] = logs[id].map { .array($0.map(\.json)) } ?? .null
      }
      journaledPending = running
    }
    var entry = JSONObject()
    entry["revision"] = .number(Double(revision))
    entry["tables"] = .object(tables)
    entry["logs"] = .object(logsChanged)
    let queueChanges = queue.drainChanges()
    if !queueChanges.isEmpty { entry["queueChanges"] = .array(queueChanges) }
    entry["pending"] = .array(pending.map(\.json))
    entry["workerFreeAt"] = .number(workerFreeAt)
    entry["serial"] = .number(Double(serial))
    return .object(entry)
  }

  /// Applies one journal entry (written by ``drainJournalEntry()``).
  mutating func apply(journalEntry e: JSON) {
    for (name, rows) in e["tables"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      if self[table: name] == nil {
        guard let t = DokployFacts.shared.tables[name] else { continue }
        self[table: name] = Table(idKey: t.primaryKey)
      }
      for (id, row) in rows.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
        self[table: name]?[id] = row.objectValue
      }
    }
    for (id, lines) in e["logs"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      logs[id] = lines.arrayValue.map { $0.compactMap(LogLine.init(json:)) }
    }
    // Entries written before `queueChanges` held the whole queue.
    if let whole = e["queue"]?.arrayValue { queue = DeployQueue(whole.compactMap(DeployJob.init(json:))) }
    queue.apply(changes: e["queueChanges"]?.arrayValue ?? [])
    pending = (e["pending"]?.arrayValue ?? []).compactMap(PendingDeploy.init(json:))
    workerFreeAt = e["workerFreeAt"]?.numberValue ?? workerFreeAt
    serial = e["serial"]?.numberValue.flatMap(Support.int) ?? serial
    revision = e["revision"]?.numberValue.flatMap(Support.int) ?? revision
  }
}
