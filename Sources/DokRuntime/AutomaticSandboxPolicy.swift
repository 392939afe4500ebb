/// Whether `dok run` / `dok call` may fall back to the built-in sandbox when no server is
/// configured. A person at a terminal gets the sandbox (with a banner); a CI pipeline (the `CI`
/// environment variable set, as every mainstream CI service does) is refused, so a pipeline
/// that lost its `DOKPLOY_URL` never passes against a simulation.
public enum AutomaticSandboxPolicy {
  /// The one-line refusal, or nil when the command may go on.
  ///
  /// - Parameters:
  ///   - configured: a server URL came from a flag, the environment or a profile.
  ///   - forced: `--sandbox` was given (an explicit rehearsal is always allowed).
  ///   - environment: the process environment (only `CI` is read; any value but empty counts).
  public static func refusal(configured: Bool, forced: Bool, environment: [String: String]) -> String? {
    guard !configured, !forced, let ci = environment["CI"], !ci.isEmpty else { return nil }
    return
      "no server configured (CI is set): pass --url, DOKPLOY_URL or --profile, or --sandbox to rehearse on the built-in sandbox"
  }
}
