import DokCore
import DokRuntime
import DokSpec

/// What the REPL needs from the rest of dok, as values and closures (so the REPL core is
/// tested with fakes).
public struct REPLEnvironment: @unchecked Sendable {
  /// Shown in the prompt: `sandbox`, a profile name, or the host.
  public var promptName: String
  /// Named in recordings' headers.
  public var serverDescription: String
  /// The built-in sandbox: a recording's replay hint says `dok run --sandbox`.
  public var isSandbox = false
  public var catalog: Catalog
  public var policy: SecretPolicy
  public var color: Bool
  /// Renders every diagnostic the REPL shows (colour, source lines); the one the command built.
  public var reporter: DiagnosticReporter
  /// `--redact`: mask secret-looking fields on screen too.
  public var redact = false
  /// The last request as a curl command (key as `$DOKPLOY_API_KEY`), if any.
  public var lastCurl: () -> String? = { nil }
  /// Switches the wire form; returns an error message or nil.
  public var setTransport: (String) -> String? = { _ in "transport switching is not available" }
  /// Fetches the API document again.
  public var refreshSpec: () async -> Result<Catalog, CallError>? = { nil }
  /// A newer API document found in the background since the last prompt, with a one-line note
  /// (taken once).
  public var takeDocumentUpdate: () -> (Catalog, String)? = { nil }
  /// Where the REPL writes (the standard streams unless a test captures them).
  public var writer: REPLWriter = .standard
  /// Page results taller than the terminal (`$PAGER`, default `less -FRX`); set on a terminal.
  public var usePager = false
  /// Asks before destructive calls (the caller given to the session consults it); `:set confirm
  /// on|off` switches it. Nil: never asked.
  public var confirmation: DestructiveConfirmation?
  /// dok's version, for recordings.
  public var version = "0.1.0"

  public init(promptName: String, serverDescription: String, catalog: Catalog, policy: SecretPolicy, color: Bool) {
    self.promptName = promptName
    self.serverDescription = serverDescription
    self.catalog = catalog
    self.policy = policy
    self.color = color
    self.reporter = DiagnosticReporter(color: color)
  }
}
