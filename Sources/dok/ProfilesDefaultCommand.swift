import ArgumentParser
import DokClient
import DokCore

/// `dok profiles default NAME`: the profile used when neither flags nor the environment name a server.
struct ProfilesDefaultCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "default", abstract: "Make a saved profile the default.")

  @Argument(help: "The profile's name.")
  var name: String

  func run() async throws {
    try ProfilesCommand.edit { config in
      _ = try ProfilesCommand.require(name, in: config)
      config.defaultProfile = name
      return "'\(name)' is the default profile"
    }
  }
}
