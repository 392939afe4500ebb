import ArgumentParser
import DokClient
import DokCore

/// `dok profiles`: list (the default), `remove NAME`, `default NAME`.
struct ProfilesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profiles", abstract: "List saved profiles (keys are never shown); remove one; choose the default.",
    subcommands: [ProfilesListCommand.self, ProfilesRemoveCommand.self, ProfilesDefaultCommand.self],
    defaultSubcommand: ProfilesListCommand.self)

  /// Loads, changes and saves the profiles file (0600); errors exit 2.
  static func edit(_ change: (inout ProfileConfig) throws -> String) throws {
    let store = ConnectionOptions.store
    var config: ProfileConfig
    do {
      config = try store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    let message = try change(&config)
    do {
      try store.save(config)
    } catch {
      throw DokExit.usage("\(error)")
    }
    Terminal.standardError.write(message + "\n")
  }

  /// The named profile, or a usage error listing the saved ones.
  static func require(_ name: String, in config: ProfileConfig) throws -> Profile {
    if let p = config.profile(named: name) { return p }
    let names = config.profiles.map(\.name)
    let close = Suggest.closest(to: name, in: names)
    var message = "no profile named '\(name)'"
    if let hint = Suggest.didYouMean(close, quoted: true, separator: " or ") { message += "; \(hint)" }
    message += names.isEmpty ? " (no profiles saved yet)" : " (profiles: \(names.joined(separator: ", ")))"
    throw DokExit.usage(message)
  }
}
