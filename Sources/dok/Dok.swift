import ArgumentParser
import DokCore

/// `dok`: the root command.
struct Dok: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dok",
    abstract: "An interactive shell and runbook runner for the Dokploy API.",
    discussion: """
      Explore the API (procedures, describe), complete command lines (complete).
      Exit codes:

      """ + ExitStatus.helpTable,
    version: DokVersion.line(),
    subcommands: [
      REPLCommand.self, RunCommand.self, CheckCommand.self, CallCommand.self, SandboxCommand.self, LoginCommand.self,
      LogoutCommand.self, ProfilesCommand.self, SpecCommand.self, ProceduresCommand.self, DescribeCommand.self,
      CompleteCommand.self, LogsCommand.self, LsCommand.self, DoctorCommand.self, EnvCommand.self, WhoamiCommand.self,
      ExportCommand.self,
    ],
    defaultSubcommand: REPLCommand.self
  )
}

extension Dok {
  /// Parses a command line. The common case — a subcommand named first, with no help, version
  /// or completion-script flag — is parsed by that command alone, so ArgumentParser reflects one
  /// command instead of the whole tree (about a third of a cold start). Anything else, and any
  /// line the subcommand rejects, goes through the root, so help and messages are unchanged.
  static func parse(_ args: [String]) throws -> ParsableCommand {
    if let first = args.first, let command = configuration.subcommands.first(where: { $0._commandName == first }),
      !args.contains(where: {
        $0 == "-h" || $0 == "--help" || $0 == "--version" || $0.hasPrefix("--generate-completion")
          || $0.hasPrefix("--experimental") || $0 == "help"
      })
    {
      if let parsed = try? command.parseAsRoot(Array(args.dropFirst())) { return parsed }
    }
    return try parseAsRoot(args)
  }
}
