import DokCore

/// The state file's journal: each commit appends one line holding the rows it changed (whole
/// rows, or null for a removal) and the deploy worker's small state; loading replays the lines
/// newer than the snapshot. Compaction rewrites the snapshot and empties the journal.
extension SandboxState {
  /// Every table by its Dokploy name (the hand-modelled ones and the engine's).
  var tableNames: [String] {
    ["projects", "environments", "applications", "compose", "domains", "deployments"]
      + DatabaseKind.allCases.map(\.rawValue) + generic.keys.sorted()
  }

  /// Starts recording changes for the journal.
  mutating func startJournaling() {
    journaling = true
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
    // Lines a running build writes later are already in `logs` (timed), so no other change is missed.
    for p in pending where logsChanged[p.deploymentId] == nil {
      logsChanged[p.deploymentId] = .array((logs[p.deploymentId] ?? []).map(\.json))
    }
    return [
      "revision": .number(Double(revision)), "tables": .object(tables), "logs": .object(logsChanged),
      "queue": .array(queue.map(\.json)), "pending": .array(pending.map(\.json)),
      "workerFreeAt": .number(workerFreeAt), "serial": .number(Double(serial)),
    ]
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
    queue = (e["queue"]?.arrayValue ?? []).compactMap(DeployJob.init(json:))
    pending = (e["pending"]?.arrayValue ?? []).compactMap(PendingDeploy.init(json:))
    workerFreeAt = e["workerFreeAt"]?.numberValue ?? workerFreeAt
    serial = Int(e["serial"]?.numberValue ?? Double(serial))
    revision = Int(e["revision"]?.numberValue ?? Double(revision))
  }
}
