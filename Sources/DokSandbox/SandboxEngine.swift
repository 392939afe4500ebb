import DokCore
import Synchronization

/// The sandbox's core, independent of HTTP: validates input against the procedure table, runs
/// the procedure on the state under a lock, and saves the state file after each mutation.
public final class SandboxEngine: Sendable {
  private let state: Mutex<SandboxState>
  private let stateFile: StateFile?
  private var committer: StateCommitter? { committerBox.withLock { $0 } }
  private let committerBox = Mutex<StateCommitter?>(nil)
  /// The served document: its `servers` URL, and its text and parse, each made on first use
  /// (a sandbox that is never asked for its document never copies or parses the 1.8 MB).
  private let document = Mutex<(url: String, text: [UInt8]?, parsed: JSON?)>(("http://127.0.0.1/api", nil, nil))
  /// Where ids, app names and other random choices come from (seeded: the same on every run).
  let random: SandboxRandom
  /// The sandbox's clock: seconds since the Unix epoch.
  let clock: @Sendable () -> Double

  /// Loads the state file (when given) or starts empty. `queueDelay` is how long a queued
  /// deploy waits before the worker takes it; `deploySeconds` how long the build then runs.
  /// With a `seed`, ids and app names are the same on every run (from a state file, they
  /// depend on its revision too, so they never repeat one it holds); `clock` gives the time.
  public init(
    deploySeconds: Double = 3, queueDelay: Double = 1, statePath: String? = nil, seed: UInt64? = nil,
    clock: @escaping @Sendable () -> Double = { FileIO.unixTime() }
  ) throws {
    self.clock = clock
    stateFile = statePath.map(StateFile.init(path:))
    stateFile?.removeStaleTemporaries()
    let fresh = SandboxRandom(seed: seed)
    var initial: SandboxState
    if let file = stateFile, let json = try file.loadState() {
      initial = SandboxState(json: json, deploySeconds: deploySeconds, queueDelay: queueDelay)
    } else {
      initial = SandboxRandom.$current.withValue(fresh) {
        var state = SandboxState(deploySeconds: deploySeconds, queueDelay: queueDelay)
        state.createdAt = Support.iso(clock())
        return state
      }
    }
    if let file = stateFile {
      // Replay the journal's entries newer than the snapshot, then record changes for it.
      for entry in file.loadJournal() where (entry["revision"]?.numberValue.flatMap(Support.int) ?? 0) > initial.revision {
        initial.apply(journalEntry: entry)
      }
      initial.startJournaling()
    }
    // Resumed, a seeded sandbox draws from a sequence of its own revision: never the ids it made.
    let random =
      initial.revision == 0 ? fresh : SandboxRandom(seed: seed.map { $0 &+ UInt64(initial.revision) &* 0xD1B5_4A32_D192_ED03 })
    self.random = random
    // After the journal's replay (which may hold the row), and journalled when it is new.
    SandboxRandom.$current.withValue(random) { initial.ensureWebServerSettings() }
    let loadedRevision = initial.revision
    state = Mutex(initial)
    if let file = stateFile { committerBox.withLock { $0 = StateCommitter(file: file, engine: self, committed: loadedRevision) } }
  }

  /// Sets the base URL the OpenAPI document advertises (`http://127.0.0.1:PORT/api`).
  public func setServerURL(_ url: String) {
    document.withLock { $0 = (url, nil, nil) }
  }

  /// The OpenAPI document `settings.getOpenApiDocument` returns (the real Dokploy document
  /// naming this sandbox in `servers`), parsed on first use.
  public var openAPIDocument: JSON {
    let url = document.withLock { $0.url }
    if let parsed = document.withLock({ $0.url == url ? $0.parsed : nil }) { return parsed }
    let parsed = (try? JSONParser.parse(OpenAPIDocument.text(serverURL: url))) ?? .null
    document.withLock { if $0.url == url { $0.parsed = parsed } }
    return parsed
  }

  /// The document's text, as served.
  var openAPIDocumentBytes: [UInt8] {
    let url = document.withLock { $0.url }
    if let text = document.withLock({ $0.url == url ? $0.text : nil }) { return text }
    let text = Array(OpenAPIDocument.text(serverURL: url).utf8)
    document.withLock { if $0.url == url, $0.text == nil { $0.text = text } }
    return text
  }

  /// Validates `input` against `spec` and returns the arguments the procedure receives.
  private func validated(_ spec: ProcedureSpec, _ input: JSON?) throws(SandboxError) -> JSONObject {
    guard let schema = spec.input else { return JSONObject() }
    if input == nil, spec.inputOptional { return JSONObject() }
    var v = InputValidator()
    let checked = v.check(input, schema, path: [])
    if !v.issues.isEmpty { throw SandboxError(.BAD_REQUEST, "Input validation failed", issues: v.issues) }
    return checked?.objectValue ?? JSONObject()
  }

  /// Runs a validated call. Queries are answered from a snapshot taken under the lock (a copy
  /// that shares storage), so building a large reply never holds other requests back.
  /// Returns the result and the state's revision after the call.
  private func run(_ spec: ProcedureSpec, _ args: JSONObject, now: Double) throws(SandboxError) -> (JSON?, Int) {
    try random.bind { () throws(SandboxError) -> (JSON?, Int) in try runBound(spec, args, now: now) }
  }

  /// ``run(_:_:now:)`` with the sandbox's random source bound.
  private func runBound(_ spec: ProcedureSpec, _ args: JSONObject, now: Double) throws(SandboxError) -> (JSON?, Int) {
    if spec.kind == .query {
      var snapshot = state.withLock { (s: inout SandboxState) -> SandboxState in
        s.settle(now: now)
        return s
      }
      return (try snapshot.call(spec.name, args, now: now), snapshot.revision)
    }
    return try state.withLock { (s: inout SandboxState) throws(SandboxError) -> (JSON?, Int) in
      let result = try s.call(spec.name, args, now: now)
      s.revision += 1
      return (result, s.revision)
    }
  }

  /// Validates `input` (nil = none given) against `spec` and runs it; with a state file, the
  /// change is on disk before this returns. Returns nil for "no value" (an empty 200 body).
  public func call(_ spec: ProcedureSpec, input: JSON?) throws(SandboxError) -> JSON? {
    let args = try validated(spec, input)
    if spec.name == "settings.getOpenApiDocument" { return openAPIDocument }
    let (result, revision) = try run(spec, args, now: clock())
    if let committer { try committer.commitNow(upTo: revision) }
    return result
  }

  /// Like ``call(_:input:)``, but waits for durability without holding a thread: concurrent
  /// writers share one write of the state file (group commit), and each reply is sent only
  /// once its change is on disk, so a kill -9 loses no acknowledged write.
  func callDurably(_ spec: ProcedureSpec, input: JSON?) async throws(SandboxError) -> JSON? {
    let args = try validated(spec, input)
    if spec.name == "settings.getOpenApiDocument" { return openAPIDocument }
    let (result, revision) = try run(spec, args, now: clock())
    if let committer { try await committer.waitDurable(revision) }
    return result
  }

  /// Rewrites the state file as one snapshot with an empty journal (a no-op without a state file).
  public func compactStateFile() throws(SandboxError) { try committer?.compactNow() }

  /// Runs `body` on the state under the lock.
  func withState<T: Sendable>(_ body: (inout SandboxState) -> T) -> T {
    SandboxRandom.$current.withValue(random) { state.withLock { body(&$0) } }
  }

  /// What the committer writes next: the changes since its last write as one journal entry,
  /// or (`full`) the whole state for a compaction. Taken under the lock; cheap.
  func drainForCommit(full: Bool) -> (entry: JSON?, state: SandboxState?, revision: Int) {
    state.withLock { s in
      let entry = s.drainJournalEntry()
      return full ? (nil, s, s.revision) : (entry, nil, s.revision)
    }
  }

  /// Runs a procedure by name; unknown names are NOT_FOUND.
  public func call(_ name: String, input: JSON?) throws(SandboxError) -> JSON? {
    guard let spec = ProcedureTable.byName[name] else {
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"\(name)\"")
    }
    return try call(spec, input: input)
  }
}
