import DokCore
import DokPresentation
import DokRuntime
import DokSpec

/// What completion may draw on: the catalog, the session's variables, IDs seen in results, and
/// the meta commands.
public struct CompletionContext: Sendable {
  public var catalog: Catalog?
  /// Variable names (without `$`) and their values; `_`, `1`, `2`… included.
  public var variables: [(name: String, value: JSON)]
  /// IDs seen in this session's results, by key name (`applicationId`), newest first.
  public var liveIDs: [String: [String]]
  /// Meta commands (`:help`…) with their argument words.
  public var metaCommands: [MetaCommandSpec]
  /// What results have shown: the names of IDs, the values seen per field, each procedure's
  /// latest result.
  public var seen: LiveIDIndex
  /// The server's projects, environments and services, for completing `<kind>=PATH`; nil when
  /// not read (no server, or the word completed needs none).
  public var tree: ServerTree?

  /// `liveIDs` defaults to the IDs in `seen`.
  public init(
    catalog: Catalog?, variables: [(name: String, value: JSON)] = [], liveIDs: [String: [String]]? = nil,
    seen: LiveIDIndex = LiveIDIndex(), metaCommands: [MetaCommandSpec] = MetaCommandSpec.all
  ) {
    self.catalog = catalog
    self.variables = variables
    self.liveIDs = liveIDs ?? seen.all
    self.seen = seen
    self.metaCommands = metaCommands
  }

  /// The value of a variable, if any.
  public func variable(_ name: String) -> JSON? {
    variables.last { $0.name == name }?.value
  }
}

/// A meta command's name, summary and the words its first argument may be.
public struct MetaCommandSpec: Sendable, Hashable {
  public var name: String
  public var usage: String
  public var summary: String
  /// Fixed first-argument words (`output`, `transport` for `:set`); `["<procedure>"]` completes procedures.
  public var arguments: [String]

  public init(_ name: String, _ usage: String, _ summary: String, arguments: [String] = []) {
    self.name = name
    self.usage = usage
    self.summary = summary
    self.arguments = arguments
  }

  /// Marker argument: complete procedure names.
  public static let procedureArgument = "<procedure>"

  /// Every meta command of the REPL.
  public static let all: [MetaCommandSpec] = [
    MetaCommandSpec(
      ":help", ":help [topic]", "show help (topics: \(HelpTopics.names.joined(separator: ", ")))", arguments: HelpTopics.names),
    MetaCommandSpec(":describe", ":describe PROC", "describe a procedure (also PROC?)", arguments: [procedureArgument]),
    MetaCommandSpec(":vars", ":vars", "list variables and results"),
    MetaCommandSpec(":history", ":history [N]", "show recent input"),
    MetaCommandSpec(":curl", ":curl", "the last request as a curl command (key as $DOKPLOY_API_KEY)"),
    MetaCommandSpec(
      ":record", ":record FILE | :record stop", "record successful statements into a runbook (written at stop, :quit, Ctrl-D)",
      arguments: ["stop"]),
    MetaCommandSpec(":record!", ":record! FILE", "record, overwriting FILE if it exists"),
    MetaCommandSpec(":load", ":load FILE", "run a .dok file in this session"),
    MetaCommandSpec(
      ":set",
      ":set output \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|")) | :set transport \(WireForm.allCases.map(\.rawValue).joined(separator: "|"))",
      "change a setting (also: pager on|off, columns a,b|all, confirm on|off)",
      arguments: ["output", "transport", "pager", "columns", "confirm"]),
    MetaCommandSpec(":spec", ":spec refresh", "fetch the API document again", arguments: ["refresh"]),
    MetaCommandSpec(
      ":logs", ":logs KIND ID [--tail N] [--since 10m] [--follow]",
      "a service's container logs (ID may be $a.applicationId; Tab lists IDs seen; Ctrl-C ends --follow)",
      arguments: ["application", "compose", "postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]),
    MetaCommandSpec(
      ":ls", ":ls [PATH] [-o table|json|yaml]", "projects → environments → services, with status, last deployment, domains"),
    MetaCommandSpec(
      ":env", ":env get|set|unset|diff KIND ID [NAME=value|NAME]… [--file F] [--dry-run] [--show-secrets]",
      "a service's environment variables, one at a time (like dok env)", arguments: ["get", "set", "unset", "diff"]),
    MetaCommandSpec(":continue", ":continue", "resume a paused run (dok run --debug)"),
    MetaCommandSpec(":quit", ":quit", "leave dok (also exit [N], with status N, and Ctrl-D)"),
  ]

  /// Values for `:set <setting> <value>`.
  public static let settingValues: [String: [String]] = [
    "output": OutputFormat.allCases.map(\.rawValue),
    "transport": WireForm.allCases.map(\.rawValue),
    "pager": ["on", "off"],
    "confirm": ["on", "off"],
    "columns": ["all"],
  ]
}
