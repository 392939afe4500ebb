import ArgumentParser
import DokClient
import DokCore

/// `dok logout [--profile NAME]`: removes the saved key of a profile (the default one unless
/// named); the URL stays, so `dok login --profile NAME` can add a key again.
struct LogoutCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logout", abstract: "Forget the API key of a profile (the default one unless --profile names it).")

  @Option(name: .long, help: ArgumentHelp("The profile (default: the default profile).", valueName: "NAME"))
  var profile: String?

  func run() async throws {
    try ProfilesCommand.edit { config in
      guard let name = profile ?? config.defaultProfile else {
        throw DokExit.usage("no default profile: name one with --profile NAME (dok profiles lists them)")
      }
      var p = try ProfilesCommand.require(name, in: config)
      guard p.apiKey != nil || p.apiKeyCommand != nil else { return "profile '\(name)' has no saved key" }
      p.apiKey = nil
      p.apiKeyCommand = nil
      config.set(p)
      return "removed the key of profile '\(name)' (\(p.url)); dok login --url \(p.url) --profile \(name) saves a new one"
    }
  }
}
