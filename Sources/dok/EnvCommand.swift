import ArgumentParser
import DokClient
import DokCore
import DokRuntime
import Foundation

/// `dok env get|set|unset|edit|diff KIND ID …`: a service's environment variables one at a time
/// (``EnvironmentEdit`` over ``ServiceEnvironment``).
struct EnvCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "env", abstract: "Read and change a service's environment variables one at a time.",
    discussion: """
      KIND is application, compose, postgres, mysql, mariadb, mongo, redis or libsql.
        dok env get KIND ID [NAME…]              all variables, or the values of NAME…
        dok env set KIND ID NAME=value… [--file .env] [--dry-run] [--deploy]
        dok env unset KIND ID NAME… [--dry-run] [--deploy]
        dok env diff KIND ID --file .env         the server's variables against a file's
        dok env edit KIND ID [--deploy]          opens $EDITOR (or vi) on the variables
      set and unset read the variables, change only the named ones (every other variable, \
      comment and the order stay) and write them back with <kind>.saveEnvironment, keeping its \
      other fields (an application's buildArgs, buildSecrets, createEnvFile) as they were. When \
      the variables changed on the server between the read and the write, nothing is written. \
      Values of secret-looking names show as *** unless --show-secrets. New variables take \
      effect at the next deploy: --deploy deploys and follows it as `dok call … --wait` does. \
      Exit codes: 0 ok, 2 usage error, 3 API error reply (or the variables changed meanwhile), \
      4 transport error, 5/7 as --wait for --deploy.
      """)

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Option(name: .long, help: ArgumentHelp("A .env file: merged by set, compared by diff.", valueName: "FILE"))
  var file: String?

  @Flag(name: .long, help: "Show what would change and send nothing.")
  var dryRun = false

  @Flag(name: .long, help: "Show the values of secret-looking names instead of ***.")
  var showSecrets = false

  @Flag(name: .long, help: "Deploy the service after the change and follow the deploy.")
  var deploy = false

  @Argument(help: "get, set, unset, edit or diff; then KIND ID; then NAME=value or NAME words.")
  var words: [String] = []

  func run() async throws {
    let edit = try request()
    let context = try await server.open(connection, spec: specOptions)
    let environment = ServiceEnvironment(caller: context.session)
    let policy = SecretPolicy.fromEnvironment(apiKey: context.session.connection.apiKey)
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<Bool, CallError> in
      do throws(CallError) {
        var edited: String? = nil
        if edit.action == .edit {
          let snapshot = try await environment.read(edit.service)
          guard let text = try Self.openEditor(on: snapshot.rawEnv, service: edit.service) else { return .success(false) }
          edited = text
        }
        return .success(try await edit.run(environment, policy: policy, edited: edited, emit: { Output.stdout($0 + "\n") }))
      } catch {
        return .failure(error)
      }
    }
    if interrupted {
      await context.close()
      throw DokExit.interrupted
    }
    switch result {
    case .failure(let e):
      await context.close()
      throw DokExit(e)
    case .success(false):
      await context.close()
    case .success(true):
      guard deploy else {
        Output.stderr("dok: " + ServiceEnvironment.redeployNote(edit.service) + "\n")
        await context.close()
        return
      }
      let waiter = CallWait(every: 2, timeout: 900)
      let session = context.session
      let args = [CallArgument(name: edit.service.idParameter, value: .value(.string(edit.service.id)))]
      let (outcome, cut) = await InterruptMonitor.shared.runCancellable {
        await waiter.run(session: session, procedure: "\(edit.service.kind).deploy", arguments: args)
      }
      await context.close()
      if cut { throw DokExit(.interrupted, "interrupted: the deploy goes on on the server") }
      if case .failure(let f) = outcome { throw CallWait.exit(for: f) }
      Output.stderr("dok: deployed \(edit.service.description) with the new variables\n")
    }
  }

  /// The request from the words and flags (a usage error when they do not fit).
  func request() throws -> EnvironmentEdit {
    guard let first = words.first else {
      throw DokExit.usage("dok env needs an action: get, set, unset, edit or diff", notes: [EnvironmentEdit.usage])
    }
    guard let action = EnvironmentEdit.Action(rawValue: first) else {
      let close = Suggest.closest(to: first, in: EnvironmentEdit.Action.allCases.map(\.rawValue))
      throw DokExit.usage(
        "'\(first)' is not an env action (get, set, unset, edit, diff)", notes: Suggest.didYouMean(close).map { [$0] } ?? [])
    }
    do {
      var e = try EnvironmentEdit.make(action, Array(words.dropFirst()))
      e.dryRun = dryRun
      e.showSecrets = showSecrets
      e.deploy = deploy
      if let file { e.fileText = try Self.readEnvFile(file) }
      try e.validate()
      return e
    } catch {
      throw DokExit(error)
    }
  }

  /// A `.env` file's text (at most 1 MB, a regular file).
  static func readEnvFile(_ path: String) throws(CallError) -> String {
    do {
      let bytes = try FileIO.read(path)
      guard bytes.count <= 1 << 20 else { throw CallError(kind: .argument, message: "\(path) is larger than 1 MB") }
      return String(decoding: bytes, as: UTF8.self)
    } catch let e as CallError {
      throw e
    } catch {
      throw CallError(kind: .argument, message: "cannot read \(error)")
    }
  }

  /// Opens `$VISUAL`, `$EDITOR` or `vi` on a private temporary copy of the variables; the edited
  /// text, or nil when the editor failed (nothing is written then). The copy is removed.
  static func openEditor(on text: String, service: ServiceEnvironment.Service) throws(CallError) -> String? {
    let editor = FileIO.environment("VISUAL") ?? FileIO.environment("EDITOR") ?? "vi"
    let dir = FileManager.default.temporaryDirectory.path
    let path = "\(dir)/dok-env-\(service.kind)-\(Platform.processID).env"
    do {
      try FileIO.writeAtomically(path, Array((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8), mode: 0o600)
    } catch {
      throw CallError(kind: .argument, message: "cannot write a temporary file: \(error)")
    }
    defer { _ = FileIO.remove(path) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "\(editor) \"$1\"", "dok-env", path]
    do {
      try p.run()
      p.waitUntilExit()
    } catch {
      throw CallError(kind: .argument, message: "cannot start the editor '\(editor)': \(error)")
    }
    guard p.terminationStatus == 0 else {
      Output.stderr("dok: the editor exited with \(p.terminationStatus); nothing was written\n")
      return nil
    }
    do {
      var edited = String(decoding: try FileIO.read(path), as: UTF8.self)
      if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
      return edited
    } catch {
      throw CallError(kind: .argument, message: "cannot read the edited file back: \(error)")
    }
  }
}
