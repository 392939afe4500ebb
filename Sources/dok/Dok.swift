import ArgumentParser

/// `dok`: the root command.
struct Dok: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dok",
    abstract: "An interactive shell and runbook runner for the Dokploy API.",
    discussion: """
      Explore the API (procedures, describe), complete command lines (complete).
      Exit codes: 0 ok, 1 assertion failed, 2 usage/syntax/check error, 3 API error,
      4 transport error, 5 wait timed out, 6 runtime error, 130 interrupted.
      """,
    version: DokVersion.current,
    subcommands: [
      REPLCommand.self, RunCommand.self, CheckCommand.self, CallCommand.self, SandboxCommand.self, LoginCommand.self,
      LogoutCommand.self, ProfilesCommand.self, SpecCommand.self, ProceduresCommand.self, DescribeCommand.self, CompleteCommand.self,
    ],
    defaultSubcommand: REPLCommand.self
  )
}

/// dok's version string.
enum DokVersion {
  static let current = "0.1.0"
}
