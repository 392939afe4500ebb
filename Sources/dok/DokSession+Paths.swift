import DokClient
import DokCore
import DokLive
import DokRuntime

extension DokSession {
  /// `arguments` with each `<kind>=PATH` replaced by the id it names (one `project.all` read),
  /// for the commands that send through the session itself (`dok call`, `--curl`, `--wait`).
  /// Without a loaded document there are no twins to know: the arguments as given.
  func resolvingPaths(procedure: String, arguments: [CallArgument]) async throws(CallError) -> [CallArgument] {
    guard let catalog else { return arguments }
    return try await PathResolver(caller: self, catalog: catalog).resolve(procedure: procedure, arguments: arguments)
  }
}
