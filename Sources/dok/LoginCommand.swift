import ArgumentParser
import DokClient
import DokCore

/// `dok login --url URL [--profile NAME] [--default] [--key-cmd CMD]`: verifies a key and saves
/// a profile (with `--key-cmd`, the command rather than the key).
struct LoginCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "login", abstract: "Save a server and API key as a profile, after checking the key with a real call.",
    discussion: """
      The key is read from stdin when it is not a terminal (`dok login --url URL < keyfile`), \
      else from a prompt that does not echo. It is checked with user.get; on a 401 nothing is \
      written. Profiles live in $XDG_CONFIG_HOME/dok/config.toml (mode 0600). With --key-cmd \
      CMD (e.g. "pass show dokploy/prod") the command is run now to check the key, and the \
      profile keeps the command (api_key_cmd), never the key: dok runs it whenever it needs the key.
      """)

  @Option(name: .long, help: ArgumentHelp("The Dokploy server (with or without /api).", valueName: "URL"))
  var url: String

  @Option(name: .long, help: ArgumentHelp("The profile name (default: default).", valueName: "NAME"))
  var profile: String = "default"

  @Flag(name: .long, help: "Make this the default profile (the first profile always is).")
  var `default` = false

  @Option(name: .long, help: "Wire form to save with the profile: openapi or trpc.")
  var transport: WireForm?

  @Flag(name: .long, help: "Do not verify the server's TLS certificate (saved with the profile).")
  var insecure = false

  @Option(name: .long, help: ArgumentHelp("Seconds to wait for the check (default 30).", valueName: "SECONDS"))
  var timeout: Double?

  @Option(
    name: .customLong("key-cmd"),
    help: ArgumentHelp("A command printing the key (a secret manager's CLI); saved instead of the key.", valueName: "CMD"))
  var keyCommand: String?

  func run() async throws {
    guard let base = Connection.normalize(url) else { throw DokExit.usage("not an http(s) URL: '\(url)'") }
    guard !profile.isEmpty, !profile.contains("\n") else { throw DokExit.usage("bad profile name") }
    // `--profile a,b` and `--profile all` name fleets (dok run, dok call).
    guard !Fleet.isFleet(profile) else {
      throw DokExit.usage("'\(profile)' cannot name a profile: a comma-separated list or `all` names a fleet of profiles")
    }
    let store = ConnectionOptions.store
    var config: ProfileConfig
    do {
      config = try store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    let key: String
    if let keyCommand {
      do {
        key = try KeySource.run(keyCommand, what: "--key-cmd")
      } catch {
        throw DokExit(error)
      }
    } else {
      key = try Self.readKey(prompt: "API key for \(Connection(baseURL: base).serverURL): ")
    }
    var connection = Connection(baseURL: base, apiKey: key, profile: profile, source: .flag)
    connection.transport = transport ?? .openapi
    connection.insecure = insecure
    connection.timeout = timeout ?? Connection.defaultTimeout
    let session = DokSession(connection: connection, retry: .none)
    let (check, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<JSON, CallError> in
      do throws(CallError) {
        return .success(try await session.callRaw(name: "user.get", method: "GET"))
      } catch {
        return .failure(error)
      }
    }
    await session.shutdown()
    let user: JSON
    switch check {
    case .success(let v): user = v
    case .failure(let e):
      if interrupted { throw DokExit.interrupted }
      let what = e.httpStatus == 401 ? "the server rejected the key" : "could not check the key"
      let reason = e.diagnostic()
      throw DokExit(e.status, "\(what); nothing was saved", notes: [reason.message] + reason.notes)
    }
    var saved = Profile(
      name: profile, url: connection.serverURL, apiKey: keyCommand == nil ? key : nil, insecure: insecure ? true : nil,
      transport: transport, timeout: timeout)
    saved.apiKeyCommand = keyCommand
    config.set(saved)
    if self.default || config.defaultProfile == nil || config.profile(named: config.defaultProfile!) == nil {
      config.defaultProfile = profile
    }
    do {
      try store.save(config)
    } catch {
      throw DokExit.usage("\(error)")
    }
    let email = user["email"]?.stringValue ?? user["user"]?["email"]?.stringValue
    var message =
      "saved profile '\(profile)' for \(connection.serverURL)\(keyCommand == nil ? "" : " (the key is read from --key-cmd each time; it is not in the file)")"
    if let email { message += " (logged in as \(email))" }
    if config.defaultProfile == profile { message += "; it is the default" }
    Terminal.standardError.write(message + "\n")
  }

  /// The key from stdin (not a terminal) or a no-echo prompt on the terminal.
  static func readKey(prompt: String) throws -> String {
    var text: String
    if Platform.isTerminal(0) {
      Terminal.standardError.write(prompt)
      text = Platform.readLineWithoutEcho() ?? ""
      Terminal.standardError.write("\n")
    } else {
      // A read error leaves no key, which the check below reports.
      text = String(decoding: (try? FileIO.read(fd: 0, name: "standard input")) ?? [], as: UTF8.self)
    }
    text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
    text = String(text.drop { $0 == " " || $0 == "\t" })
    while text.last == " " || text.last == "\t" { text.removeLast() }
    guard !text.isEmpty else { throw DokExit.usage("no API key given (pipe it on stdin or type it at the prompt)") }
    return text
  }
}
