import DokClient
import DokCore
import Foundation

/// `--profile a,b,c` or `--profile all`: the servers one `dok run` or `dok call` goes to, each
/// through its own saved profile. The parent process plans the fleet and starts one `dok` per
/// server (``FleetRun``); each child runs with the same arguments and
/// ``memberVariable`` naming its profile, and acts as if `--profile NAME` had been given.
struct Fleet: Sendable {
  /// One server of the fleet: its profile's name and URL (never the key).
  struct Member: Sendable, Equatable {
    var name: String
    var url: String
  }

  /// The members, in the order given (`all`: the order of config.toml).
  var members: [Member]

  /// Set in a child's environment: the profile it runs on. Honoured only when that child's own
  /// `--profile` is a fleet naming it, so a stray variable in a shell changes nothing.
  static let memberVariable = "DOK_FLEET_MEMBER"
  /// Set in a child's environment when reports are asked for: the directory each child writes
  /// its reports to (`NAME.junit`, `NAME.tap`) for the parent to merge.
  static let reportDirectoryVariable = "DOK_FLEET_REPORTS"

  /// True when `--profile` names more than one server: a comma-separated list, or `all`.
  static func isFleet(_ profile: String?) -> Bool {
    guard let profile else { return false }
    return profile == "all" || profile.contains(",")
  }

  /// The names a fleet `--profile` lists (`all` is not expanded here).
  static func names(_ profile: String) -> [String] {
    profile.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimming() }
  }

  /// In a fleet's child: the profile it stands for; nil in every other process.
  static func memberOverride(for profile: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String?
  {
    guard let profile, isFleet(profile), let member = environment[memberVariable], !member.isEmpty else { return nil }
    return profile == "all" || names(profile).contains(member) ? member : nil
  }

  /// The fleet `profile` names, checked against the saved profiles: an unknown name (with "did
  /// you mean"), an empty or repeated name, or `all` with no profiles saved is a usage error.
  static func plan(_ profile: String, config: ProfileConfig) throws(DokExit) -> Fleet {
    let known = config.profiles.map(\.name)
    if profile == "all" {
      guard !config.profiles.isEmpty else {
        throw DokExit.usage("--profile all: no profiles are saved (dok login --url URL --profile NAME saves one)")
      }
      return Fleet(members: config.profiles.map { Member(name: $0.name, url: $0.url) })
    }
    var members: [Member] = []
    for name in names(profile) {
      guard !name.isEmpty else { throw DokExit.usage("--profile '\(profile)' has an empty name: write --profile a,b,c") }
      guard !members.contains(where: { $0.name == name }) else {
        throw DokExit.usage("--profile '\(profile)' names '\(name)' twice")
      }
      guard let p = config.profile(named: name) else {
        let hint = Suggest.didYouMean(Suggest.closest(to: name, in: known), quoted: true, separator: " or ")
        var text = "--profile: no profile named '\(name)'"
        if let hint { text += " (\(hint))" }
        text += known.isEmpty ? "; no profiles are saved" : "; profiles: \(known.joined(separator: ", "))"
        throw DokExit.usage(text)
      }
      members.append(Member(name: name, url: p.url))
    }
    return Fleet(members: members)
  }

  /// The fleet a command's options ask for, or nil for one server (or inside a fleet's child).
  /// `--url` and `--sandbox` name one server and cannot be combined with a fleet.
  static func requested(_ connection: ConnectionOptions, sandbox: Bool) throws -> Fleet? {
    guard let profile = connection.profile, isFleet(profile), memberOverride(for: profile) == nil else { return nil }
    if connection.url != nil { throw DokExit.usage("--url names one server: it cannot be combined with --profile \(profile)") }
    if sandbox { throw DokExit.usage("--sandbox is one server: it cannot be combined with --profile \(profile)") }
    // Each server gets its own profile's key; a key given here would go to every server.
    if connection.apiKey != nil {
      throw DokExit.usage(
        "--api-key is one server's key: it cannot be combined with --profile \(profile) (each profile has its own)")
    }
    let config: ProfileConfig
    do {
      config = try ConnectionOptions.store.load()
    } catch {
      throw DokExit.usage("\(error)")
    }
    return try plan(profile, config: config)
  }
}
