import ArgumentParser
import DokClient
import DokCore

/// `dok profiles [list]`: the saved connections (never their keys).
struct ProfilesListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List saved profiles: name, URL, and * for the default. Keys are never shown.")

  @Option(name: .shortAndLong, help: "text or json.")
  var output: ListingFormat = .text

  func run() async throws {
    let config: ProfileConfig
    do {
      config = try ConnectionOptions.store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    switch output {
    case .json:
      let list = JSON.array(
        config.profiles.map { p in
          .object([
            "name": .string(p.name), "url": .string(p.url), "default": .bool(p.name == config.defaultProfile),
            "hasKey": .bool(p.apiKey != nil || p.apiKeyCommand != nil), "keyFromCommand": .bool(p.apiKeyCommand != nil),
            "transport": .string((p.transport ?? .openapi).rawValue),
            "insecure": .bool(p.insecure ?? false),
          ])
        })
      Terminal.standardOutput.write(JSONWriter.pretty(list) + "\n")
    case .text:
      if config.profiles.isEmpty {
        Terminal.standardError.write("no profiles yet: dok login --url URL [--profile NAME]\n")
        return
      }
      let width = config.profiles.map(\.name.count).max() ?? 0
      var out = ""
      for p in config.profiles {
        let marker = p.name == config.defaultProfile ? "*" : " "
        var line = "\(marker) \(p.name)\(String(repeating: " ", count: width - p.name.count))  \(p.url)"
        if p.apiKeyCommand != nil {
          line += "  (key from api_key_cmd)"
        } else if p.apiKey == nil {
          line += "  (no key)"
        }
        if p.insecure == true { line += "  (insecure)" }
        if let t = p.transport, t != .openapi { line += "  (\(t.rawValue))" }
        out += line + "\n"
      }
      Terminal.standardOutput.write(out)
    }
  }
}
