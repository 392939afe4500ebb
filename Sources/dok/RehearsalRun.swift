import DokClient
import DokCore
import DokLive
import DokRuntime
import DokSpec

/// `dok run --rehearse PROFILE FILE`: reads (read calls only) the projects the runbook names by
/// path from PROFILE's server, recreates them in a fresh in-process sandbox through their
/// exports (secrets blanked), and hands back the sandbox for the run. ``Rehearsal`` holds the
/// part that needs no server of its own.
enum RehearsalRun {
  /// The sandbox copy the runbook then runs on, or a `DokExit` (nothing was changed anywhere).
  static func prepare(
    profile: String, text: String, file: String, connection: ConnectionOptions, spec: SpecOptions, server: ServerOptions
  ) async throws -> ServerContext {
    if server.sandbox || connection.url != nil || connection.profile != nil || connection.apiKey != nil {
      throw DokExit.usage(
        "--rehearse PROFILE reads PROFILE and runs on a sandbox of its own: drop --sandbox, --url, --api-key and --profile")
    }
    let config: ProfileConfig
    do {
      config = try ConnectionOptions.store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    let target: ServerTarget
    do {
      target = try ConnectionResolver(config: config).resolve(
        ConnectionSettings(profile: profile, timeout: connection.timeout))
    } catch {
      throw DokExit(error)
    }
    guard let production = target.connection else {
      throw DokExit.usage("profile '\(profile)' names no server to rehearse from")
    }
    var request = ServerContext.Request(target: target)
    request.cacheDirectory = spec.noCache ? nil : XDGPaths.fromEnvironment().cache
    request.observer = connection.verbose ? VerboseLog.print : nil
    let names = Rehearsal.projectNames(in: text)
    let from = "profile '\(profile)' (\(production.serverURL))"
    let exports: [(project: String, runbook: String)]
    let sent: Int
    let context: ServerContext
    do {
      context = try await ServerContext.open(request)
    } catch {
      throw DokExit(error)
    }
    let rehearsal = Rehearsal(production: context.session, catalog: context.catalog)
    do {
      exports = try await rehearsal.exports(of: names, source: from)
      sent = rehearsal.sentToProduction.count
      await context.close()
    } catch {
      await context.close()
      throw DokExit(error)
    }
    let copied = exports.map { "'\($0.project)'" }
    let missing = names.filter { n in !exports.contains { $0.project == n } }.map { "'\($0)'" }
    var line = "dok: rehearsal of \(file == "-" ? "<stdin>" : file): read "
    line += copied.isEmpty ? "no project" : "project\(copied.count == 1 ? "" : "s") \(copied.joined(separator: ", "))"
    line += " from \(from) with \(sent) read call\(sent == 1 ? "" : "s") (nothing else is sent there)"
    if !missing.isEmpty { line += "; not there: \(missing.joined(separator: ", "))" }
    Terminal.standardError.write(line + "\n")
    var sandboxRequest = ServerContext.Request(target: .unconfigured)
    sandboxRequest.forceSandbox = true
    sandboxRequest.cacheDirectory = request.cacheDirectory
    sandboxRequest.sandboxDeploySeconds = server.deploySeconds
    sandboxRequest.sandboxQueueDelay = server.queueDelay
    let copy: ServerContext
    do {
      copy = try await SandboxServer.open(sandboxRequest)
    } catch {
      throw DokExit(error)
    }
    let host = DokScriptHost(catalog: copy.catalog, caller: copy.session)
    for export in exports {
      let outcome = await Rehearsal.replay(export.runbook, project: export.project, on: host)
      guard outcome.succeeded else {
        await copy.close()
        DokMain.reporter.report(outcome.diagnostics)
        throw DokExit(
          .runtime,
          "the rehearsal could not copy project '\(export.project)' into the sandbox (see `dok export \(export.project)`)")
      }
    }
    Terminal.standardError.write("dok: rehearsal: running on a sandbox copy; secrets there are placeholders\n")
    return copy
  }

  /// The line that ends a rehearsal.
  static func closing(profile: String, code: Int32) -> String {
    "dok: that was a rehearsal on a sandbox copy of profile '\(profile)' (exit code \(code)); nothing was changed there\n"
  }
}
