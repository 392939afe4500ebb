import ArgumentParser
import DokClient
import DokCore

/// `dok whoami`: the server, its version, the user, the organization and the role.
struct WhoamiCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whoami", abstract: "Show the server, its Dokploy version, the user, organization and role.",
    discussion:
      "Reads settings.getDokployVersion, user.get and organization.one. Exit codes: 0 ok, 2 usage, 3 API error (a 401: see dok doctor), 4 transport."
  )

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Option(name: .long, help: "text (default) or json.")
  var output: DoctorCommand.Format = .text

  func run() async throws {
    let context = try await server.open(connection, spec: specOptions)
    let session = context.session
    let (result, interrupted) = await InterruptMonitor.shared.runCancellable { () async -> Result<ServerIdentity, CallError> in
      do throws(CallError) {
        return .success(try await ServerIdentity.fetch(session))
      } catch {
        return .failure(error)
      }
    }
    await context.close()
    if interrupted { throw DokExit.interrupted }
    switch result {
    case .success(let me):
      Output.stdout(output == .json ? JSONWriter.pretty(me.json) + "\n" : me.text)
    case .failure(let e):
      throw DokExit(e)
    }
  }
}
