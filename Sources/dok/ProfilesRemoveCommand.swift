import ArgumentParser
import DokClient
import DokCore

/// `dok profiles remove NAME`: forgets a saved connection and its key.
struct ProfilesRemoveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved profile and its key.")

  @Argument(help: "The profile's name.")
  var name: String

  func run() async throws {
    try ProfilesCommand.edit { config in
      _ = try ProfilesCommand.require(name, in: config)
      config.remove(named: name)
      var message = "removed profile '\(name)'"
      if config.defaultProfile == name {
        config.defaultProfile = nil
        message += "; there is no default profile now (dok profiles default NAME)"
      }
      return message
    }
  }
}
