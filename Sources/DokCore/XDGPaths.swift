/// Where dok keeps its files, following the XDG base directory rules.
public struct XDGPaths: Sendable {
  /// `$XDG_CACHE_HOME/dok`, else `~/.cache/dok`.
  public var cache: String
  /// `$XDG_CONFIG_HOME/dok`, else `~/.config/dok`.
  public var config: String
  /// `$XDG_STATE_HOME/dok`, else `~/.local/state/dok`.
  public var state: String

  public init(cache: String, config: String, state: String) {
    self.cache = cache
    self.config = config
    self.state = state
  }

  /// Paths from the process environment.
  public static func fromEnvironment(_ env: (String) -> String? = FileIO.environment) -> XDGPaths {
    let home = env("HOME") ?? "/tmp"
    return XDGPaths(
      cache: (env("XDG_CACHE_HOME") ?? home + "/.cache") + "/dok",
      config: (env("XDG_CONFIG_HOME") ?? home + "/.config") + "/dok",
      state: (env("XDG_STATE_HOME") ?? home + "/.local/state") + "/dok")
  }
}
