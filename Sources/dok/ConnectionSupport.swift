import DokClient
import DokCore

/// Resolves the server from the environment and the default profile (flags are added by the
/// connection options group).
enum ConnectionSupport {
  static func resolveTarget(_ settings: ConnectionSettings = ConnectionSettings()) throws -> ServerTarget {
    let store = ProfileStore(paths: XDGPaths.fromEnvironment())
    let config: ProfileConfig
    do {
      config = try store.load()
    } catch {
      throw DokExit(2, "error: \(error)")
    }
    do {
      return try ConnectionResolver(config: config).resolve(settings)
    } catch {
      throw DokExit(error.exitCode, "error: " + error.rendered)
    }
  }
}
