import DokCore
import DokSpec

/// A service's container logs (`dok logs`, `:logs`): `<kind>.readLogs` over REST, or with
/// `follow` (and on servers whose document has no `*.readLogs`) the container's log stream
/// (``LogStreamSource``: Dokploy's `/docker-container-logs` WebSocket), the container found with
/// `docker.getContainersByAppNameMatch`.
public struct ServiceLogs: Sendable {
  public let caller: any ProcedureCaller
  public let catalog: Catalog
  /// The server's log streams; nil means REST only.
  public let logStreams: (any LogStreamSource)?

  /// The service kinds with container logs.
  public static let kinds = ["application", "compose", "postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  /// What to read.
  public struct Request: Sendable {
    public var kind: String
    public var id: String
    /// Lines from the end (1…10000).
    public var tail: Int
    /// `all`, or a duration like `10m`, `2h`, `1d`.
    public var since: String
    /// Keep printing new lines until cancelled.
    public var follow: Bool
    public init(kind: String, id: String, tail: Int = 100, since: String = "all", follow: Bool = false) {
      self.kind = kind
      self.id = id
      self.tail = tail
      self.since = since
      self.follow = follow
    }
  }

  /// `KIND ID [--tail N] [--since D] [--follow|-f]` (the REPL's `:logs`); a message when it is not that.
  public static func parse(_ words: [String]) -> Result<Request, CallError> {
    var rest = words[...]
    var positional: [String] = []
    var r = Request(kind: "", id: "")
    while let w = rest.popFirst() {
      switch w {
      case "--follow", "-f": r.follow = true
      case "--tail":
        guard let v = rest.popFirst(), let n = Int(v) else {
          return .failure(CallError(kind: .argument, message: "--tail takes a number of lines"))
        }
        r.tail = n
      case "--since":
        guard let v = rest.popFirst() else {
          return .failure(CallError(kind: .argument, message: "--since takes all or a duration like 10m"))
        }
        r.since = v
      default: positional.append(w)
      }
    }
    guard positional.count == 2 else {
      return .failure(CallError(kind: .argument, message: "usage: :logs SERVICE-KIND ID [--tail N] [--since 10m] [--follow]"))
    }
    r.kind = positional[0]
    r.id = positional[1]
    if let p = problem(with: r) { return .failure(CallError(kind: .argument, message: p)) }
    return .success(r)
  }

  /// Logs through a script host's caller (and its log streams, when it has them).
  public init(host: DokScriptHost, catalog: Catalog) {
    self.init(caller: host.caller, catalog: catalog, logStreams: host.caller.logStreams)
  }

  public init(caller: any ProcedureCaller, catalog: Catalog, logStreams: (any LogStreamSource)?) {
    self.caller = caller
    self.catalog = catalog
    self.logStreams = logStreams
  }

  /// Nil when `request` can be read; otherwise why not (a usage error).
  public static func problem(with r: Request) -> String? {
    guard kinds.contains(r.kind) else {
      return "no logs for '\(r.kind)': SERVICE-KIND is one of \(kinds.joined(separator: ", "))"
    }
    guard (1...10_000).contains(r.tail) else { return "--tail takes 1 to 10000 lines" }
    let ok =
      r.since == "all" || (r.since.count > 1 && "smhd".contains(r.since.last!) && r.since.dropLast().allSatisfy(\.isNumber))
    return ok ? nil : "--since takes all or a duration like 30s, 10m, 2h, 1d (not '\(r.since)')"
  }

  /// Reads (and with `follow`, keeps reading) the logs, handing each line to `emit`; `note`
  /// says which way was taken when it is not the plain one. Ends when cancelled.
  public func run(_ r: Request, emit: @escaping @Sendable (String) -> Void, note: @escaping @Sendable (String) -> Void)
    async throws(CallError)
  {
    if let p = Self.problem(with: r) { throw CallError(kind: .argument, message: p) }
    let rest = catalog.procedure(named: "\(r.kind).readLogs") != nil
    var containerId: String?
    if r.follow, rest, r.kind != "compose" {
      // No container found (not running, or the lookup cannot see it): poll readLogs, as a
      // plain `dok logs` reads them, rather than fail.
      containerId = try await findContainer(r).id
      if containerId == nil {
        note("no container of \(r.kind) \(r.id) was found: polling \(r.kind).readLogs every 2s instead")
      }
    } else if r.kind == "compose" || !rest || r.follow {
      containerId = try await container(r)
    }
    if r.follow, let logStreams, let containerId {
      do {
        try await socket(logStreams, containerId: containerId, r, emit: emit, quiet: nil)
        return
      } catch {
        if Task.isCancelled { return }
        guard rest else { throw CallError(kind: .transport, message: "the container log stream could not be opened: \(error)") }
        note("the container log stream could not be opened (\(error)): polling \(r.kind).readLogs every 2s instead")
      }
    }
    if !rest {
      guard let logStreams, let containerId else {
        throw CallError(
          kind: .argument, message: "this server's API document has no \(r.kind).readLogs and no log stream is open")
      }
      do { try await socket(logStreams, containerId: containerId, r, emit: emit, quiet: r.follow ? nil : 1.0) } catch {
        throw CallError(kind: .transport, message: "the container log stream could not be opened: \(error)")
      }
      return
    }
    var last: [String] = []
    while true {
      let lines = LineSplitter.lines(of: try await readLogs(r, containerId: containerId))
      for line in Self.newLines(lines, after: last) { emit(line) }
      if !lines.isEmpty { last = lines }
      if !r.follow || Task.isCancelled { return }
      do { try await Task.sleep(for: .seconds(2)) } catch { return }
    }
  }

  /// ``newLines(_:after:)`` for tests.
  public static func newLinesForTest(_ lines: [String], after previous: [String]) -> ArraySlice<String> {
    newLines(lines, after: previous)
  }

  /// The lines of a fresh snapshot that follow what the previous one ended with (each line once).
  static func newLines(_ lines: [String], after previous: [String]) -> ArraySlice<String> {
    guard !previous.isEmpty else { return lines[...] }
    // Align on the previous snapshot's last lines (the longest of 3, 2, 1 that is found), from the end.
    for k in stride(from: min(3, previous.count), through: 1, by: -1) {
      let anchor = Array(previous.suffix(k))
      var i = lines.count - k
      while i >= 0 {
        if Array(lines[i..<(i + k)]) == anchor { return lines[(i + k)...] }
        i -= 1
      }
    }
    return lines[...]
  }

  private func readLogs(_ r: Request, containerId: String?) async throws(CallError) -> String {
    var args = [
      CallArgument(name: "\(r.kind)Id", value: .value(.string(r.id))),
      CallArgument(name: "tail", value: .value(.number(Double(r.tail)))),
      CallArgument(name: "since", value: .value(.string(r.since))),
    ]
    if r.kind == "compose", let containerId {
      args.append(CallArgument(name: "containerId", value: .value(.string(containerId))))
    }
    return try await caller.call(procedure: "\(r.kind).readLogs", arguments: args).stringValue ?? ""
  }

  /// The service's running container (its `appName` from `<kind>.one`).
  private func container(_ r: Request) async throws(CallError) -> String {
    let found = try await findContainer(r)
    guard let id = found.id else {
      throw CallError(kind: .api, message: "no container of \(r.kind) \(r.id) (\(found.appName)) was found on the server")
    }
    return id
  }

  /// The service's running container, nil when the server lists none, and its `appName`.
  private func findContainer(_ r: Request) async throws(CallError) -> (id: String?, appName: String) {
    let row = try await caller.call(
      procedure: "\(r.kind).one", arguments: [CallArgument(name: "\(r.kind)Id", value: .value(.string(r.id)))])
    guard let appName = row["appName"]?.stringValue else {
      throw CallError(kind: .api, message: "\(r.kind) \(r.id) has no appName")
    }
    var args = [CallArgument(name: "appName", value: .value(.string(appName)))]
    if r.kind == "compose" { args.append(CallArgument(name: "appType", value: .value(.string("docker-compose")))) }
    let list = try await caller.call(procedure: "docker.getContainersByAppNameMatch", arguments: args).arrayValue ?? []
    let running = list.first { $0["state"]?.stringValue == "running" } ?? list.first
    return (running?["containerId"]?.stringValue, appName)
  }

  /// The container's log stream: until cancelled, or with `quiet`, until no text came for that long.
  private func socket(
    _ streams: any LogStreamSource, containerId: String, _ r: Request, emit: @escaping @Sendable (String) -> Void, quiet: Double?
  ) async throws {
    let splitter = LockedSplitter()
    // A snapshot (the socket always follows) ends after `tail` lines, or when it goes quiet.
    let limit = quiet == nil ? Int.max : r.tail
    let reader = Task {
      try await streams.followContainerLog(containerId: containerId, tail: r.tail, since: r.since) { text in
        for line in splitter.feed(text) where splitter.count(upTo: limit) { emit(line) }
      }
    }
    if let quiet {
      while !Task.isCancelled && !splitter.reached(limit) {
        let before = splitter.fed
        try? await Task.sleep(for: .seconds(quiet))
        if splitter.fed == before { break }
      }
      reader.cancel()
    }
    do {
      try await withTaskCancellationHandler {
        try await reader.value
      } onCancel: {
        reader.cancel()
      }
    } catch {
      if quiet == nil && !Task.isCancelled { throw error }
    }
    for line in splitter.feed("\n") where !line.isEmpty && splitter.count(upTo: limit) { emit(line) }
  }
}
