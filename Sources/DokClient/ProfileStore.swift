import DokCore

/// Reads and writes `config.toml` (mode 0600, written atomically).
public struct ProfileStore: Sendable {
  /// The file's path.
  public var path: String

  public init(path: String) {
    self.path = path
  }

  /// The store in dok's XDG config directory.
  public init(paths: XDGPaths) {
    self.path = paths.config + "/config.toml"
  }

  /// A failure reading, parsing or writing the file.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// The configuration; empty when the file does not exist.
  public func load() throws(Failure) -> ProfileConfig {
    guard FileIO.exists(path) else { return ProfileConfig() }
    let text: String
    do {
      text = try FileIO.readText(path)
    } catch {
      throw Failure(message: "cannot read \(error)")
    }
    do {
      return try ProfileConfig.parse(text)
    } catch {
      throw Failure(message: "\(path): \(error)")
    }
  }

  /// Writes the configuration atomically with mode 0600.
  public func save(_ config: ProfileConfig) throws(Failure) {
    do {
      try FileIO.writeAtomically(path, Array(config.serialized().utf8), mode: 0o600)
    } catch {
      throw Failure(message: "cannot write \(error)")
    }
  }
}
