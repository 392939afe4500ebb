import DokCore
import DokPresentation
import DokRuntime
import DokScript
import DokSpec

extension REPL {
  /// Handles a `:command` line.
  func meta(_ line: String) {
    let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let name = parts[0]
    let args = Array(parts.dropFirst())
    switch name {
    case ":help", ":h", ":?":
      if let text = HelpTopics.text(args.first) {
        writer.out(text + "\n")
      } else {
        fail("no help topic '\(args[0])'; topics: \(HelpTopics.names.joined(separator: ", "))")
      }
    case ":describe", ":d":
      guard let procName = args.first else { return fail("usage: :describe router.procedure") }
      guard let proc = environment.catalog.procedure(named: procName) else {
        let close = environment.catalog.suggestions(for: procName)
        return fail("unknown procedure '\(procName)'" + (Suggest.didYouMean(close).map { "; " + $0 } ?? ""))
      }
      writer.out(ProcedureDescriber.text(proc) + "\n")
    case ":vars":
      var rows: [[String]] = [["NAME", "TYPE", "VALUE"]]
      for (n, v) in session.variables { rows.append(["$" + n, v.typeName, summary(v)]) }
      rows.append(["$_", session.lastResult.typeName, summary(session.lastResult)])
      for n in max(session.firstResultNumber, session.resultCount - 19)...max(1, session.resultCount) {
        if let r = session.result(n) { rows.append(["$\(n)", r.typeName, summary(r)]) }
      }
      writer.out(TextTable.lines(rows).joined(separator: "\n") + "\n")
    case ":history":
      var n = 20
      if let a = args.first {
        guard let count = Int(a), count > 0, args.count == 1 else {
          return fail("usage: :history [N]  (the last N entries, default 20)")
        }
        n = count
      }
      let all = editor.history  // walks libedit's list: once
      let entries = all.suffix(n)
      let start = all.count - entries.count
      writer.out(
        entries.enumerated().map { "\(String(start + $0.offset + 1).leftPadded(5))  \($0.element)" }.joined(separator: "\n")
          + "\n")
    case ":curl":
      if let c = environment.lastCurl() { writer.out(c + "\n") } else { fail("no request has been sent yet") }
    case ":record", ":record!":
      record(args, overwrite: name == ":record!")
    case ":load":
      guard let path = args.first else { return fail("usage: :load FILE") }
      switch ScriptRunner.readSource(path) {
      case .failure(let d): writer.err(terminal.reporter.render(d) + "\n")
      case .success(let text):
        let outcome = blockingRun { [session] in await session.execute(source: text, file: path) }
        for d in outcome.diagnostics { writer.err(terminal.reporter.render(d) + "\n") }
        if outcome.status == .interrupted { writer.err(note("interrupted; back at the prompt") + "\n") }
      }
    case ":set":
      set(args)
    case ":spec":
      guard args.first == "refresh" else { return fail("usage: :spec refresh") }
      let done = blockingRefresh()
      switch done {
      case nil: fail("this server's document cannot be refreshed")
      case .failure(let e)?: fail(e.rendered)
      case .success(let c)?:
        environment.catalog = c
        writer.err(note("loaded \(c.procedures.count) procedures") + "\n")
      }
    case ":logs":
      // A service's container logs, like `dok logs`; Ctrl-C ends a --follow.
      guard let host = session.host as? DokScriptHost else { return fail(":logs needs a server connection") }
      switch expanded(args).flatMap(ServiceLogs.parse) {
      case .failure(let e): fail(e.message)
      case .success(let request):
        let logs = ServiceLogs(host: host, catalog: environment.catalog)
        let writer = self.writer
        let error = blockingRun { () async -> CallError? in
          do throws(CallError) {
            try await logs.run(request, emit: { writer.out($0 + "\n") }, note: { writer.err("dok: " + $0 + "\n") })
            return nil
          } catch { return error }
        }
        if let error { fail(error.rendered) }
      }
    case ":ls":
      listTree(args)
    case ":env":
      // A service's variables one at a time, like `dok env` (edit and --deploy are dok env's).
      guard let host = session.host as? DokScriptHost else { return fail(":env needs a server connection") }
      switch expanded(args) {
      case .failure(let e): fail(e.message)
      case .success(let words): runEnv(words, caller: host.caller)
      }
    case ":continue", ":c":
      if pausedRun { resumeRequested = true } else { fail(":continue resumes a paused run (dok run --debug); nothing is paused") }
    case ":quit", ":q", ":exit":
      quitRequested = true
    default:
      let close = Suggest.closest(to: name, in: MetaCommandSpec.all.map(\.name))
      fail("unknown command \(name)" + (Suggest.didYouMean(close).map { "; " + $0 } ?? "; :help lists them"))
    }
  }

  /// The words with `$variables` and paths into them replaced by their text (`:logs`, `:env`).
  func expanded(_ words: [String]) -> Result<[String], CallError> {
    let context = completionContext()
    return ServiceArguments.expand(words) { context.variable($0) }
  }

  /// `:env get|set|unset|diff …` through ``EnvironmentEdit``.
  func runEnv(_ args: [String], caller: any ProcedureCaller) {
    let edit: EnvironmentEdit
    do {
      edit = try EnvironmentEdit.parse(args) { (path: String) throws(CallError) -> String in
        do {
          return String(decoding: try FileIO.read(path), as: UTF8.self)
        } catch {
          throw CallError(kind: .argument, message: "cannot read \(error)")
        }
      }
    } catch {
      return fail(error.message)
    }
    if edit.action == .edit || edit.deploy {
      return fail(
        ":env does not \(edit.deploy ? "deploy" : "open an editor"): use dok env \(edit.action.rawValue) in a shell, or deploy <kind>.deploy here"
      )
    }
    let writer = self.writer
    let policy = environment.policy
    let environment = ServiceEnvironment(caller: caller)
    let result = blockingRun { () async -> Result<Bool, CallError> in
      do throws(CallError) {
        return .success(try await edit.run(environment, policy: policy, emit: { writer.out($0 + "\n") }))
      } catch { return .failure(error) }
    }
    switch result {
    case .failure(let e): fail(e.rendered)
    case .success(true): writer.err(note(ServiceEnvironment.redeployNote(edit.service)) + "\n")
    case .success(false): break
    }
  }

  func fail(_ message: String, note: String? = nil) {
    writer.err(terminal.reporter.render(Diagnostic(.error, message, notes: note.map { [$0] } ?? [])) + "\n")
  }

  private func summary(_ v: JSON) -> String {
    let s = environment.policy.redact(v).compactText
    return s.count > 70 ? String(s.prefix(69)) + "…" : s
  }

  private func record(_ args: [String], overwrite: Bool) {
    guard let arg = args.first else {
      if let r = recorder {
        writer.out("recording to \(r.path) (\(Self.entries(r.count))); :record stop to finish\n")
      } else {
        fail("usage: :record FILE … :record stop  (:record! FILE overwrites)")
      }
      return
    }
    if arg == "stop" {
      guard recorder != nil else { return fail("not recording") }
      finishRecording()
      return
    }
    let path = ArgumentFile.expand(arg)
    if let current = recorder, current.path == path { return fail("already recording to \(path)") }
    let dir = FileIO.directory(of: path)
    if !dir.isEmpty, !Self.isDirectory(dir) { return fail("cannot record to \(path): no directory \(dir)") }
    if Self.isDirectory(path) { return fail("cannot record to \(path): it is a directory") }
    if FileIO.exists(path), !overwrite { return fail("\(path) exists; :record! \(arg) overwrites it") }
    // A recording in progress is written, not dropped.
    if recorder != nil { finishRecording() }
    recorder = Recorder(path: path, policy: environment.policy, catalog: environment.catalog)
    writer.err(note("recording successful entries to \(path); :record stop to write it") + "\n")
  }

  /// Writes the recording in progress (at `:record stop`, `:record OTHER`, `:quit` and end of input).
  func finishRecording() {
    guard let r = recorder else { return }
    recorder = nil
    let text = r.render(
      server: environment.serverDescription, date: Self.today(), version: environment.version, sandbox: environment.isSandbox,
      tree: currentServerTree())
    do {
      try FileIO.writeAtomically(r.path, Array(text.utf8), mode: 0o600)
      writer.err(note("wrote \(Self.entries(r.count)) to \(r.path)") + "\n")
    } catch {
      fail("cannot write the recording \(r.path): \(error)")
    }
  }

  /// The server's tree as it is now (one `project.all`), for paths in a recording; nil when it
  /// cannot be read (the recording then keeps ids).
  private func currentServerTree() -> ServerTree? {
    guard let host = session.host as? DokScriptHost, let caller = host.caller as? PathResolvingCaller else { return nil }
    let resolver = caller.resolver
    resolver.invalidate()
    // Bounded like path completion: a server that does not answer must not hold up :quit.
    return blockingRun {
      await withTaskGroup(of: ServerTree?.self) { group in
        group.addTask { try? await resolver.tree() }
        group.addTask {
          try? await Task.sleep(for: .seconds(3))
          return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
      }
    }
  }

  static func isDirectory(_ path: String) -> Bool { Platform.isDirectory(path) }

  /// "1 entry", "2 entries".
  static func entries(_ n: Int) -> String { n == 1 ? "1 entry" : "\(n) entries" }

  private func set(_ args: [String]) {
    let usage =
      "usage: :set output json|pretty|table|raw|yaml, :set transport openapi|trpc, :set pager on|off, :set columns a,b|all, :set confirm on|off"
    guard args.count == 2 else { return fail(usage) }
    switch args[0] {
    case "pager":
      switch args[1] {
      case "on": sink.pager = Pager.fromEnvironment()
      case "off": sink.pager = nil
      default: fail("pager is on or off")
      }
    case "confirm":
      setConfirm(args[1])
    case "columns":
      sink.columns = args[1] == "all" ? nil : args[1].split(separator: ",").map(String.init)
    case "output":
      guard let mode = OutputFormat(rawValue: args[1]) else {
        return fail("output is one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      sink.mode = mode
    case "transport":
      if let error = environment.setTransport(args[1]) { fail(error) }
    default:
      fail("unknown setting '\(args[0])': output, transport, pager, columns, confirm")
    }
  }

  private func blockingRefresh() -> Result<Catalog, CallError>? {
    let env = environment
    return blockingRun { await env.refreshSpec() }
  }

  static func today() -> String { Platform.utcTimestamp() }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
