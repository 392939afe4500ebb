import ArgumentParser
import DokCore
import DokPresentation

extension QuickParse {
  /// `call`'s options that take a value (`--name VALUE` or `--name=VALUE`; `-o VALUE`).
  static let callValueOptions: Set<String> = [
    "--url", "--api-key", "--profile", "--transport", "--timeout", "--max-reply-size", "--deploy-seconds",
    "--queue-delay", "--spec", "--output", "--columns", "--wait-timeout", "--wait-every", "--parallel",
  ]
  /// `call`'s flags.
  static let callFlags: Set<String> = [
    "--insecure", "--verbose", "--no-validate", "--sandbox", "--no-cache", "--curl", "--wait", "--yes",
  ]

  /// `call PROC [name=value…]` with any of `call`'s options, each at most once, anywhere on the
  /// line. Nil for anything else — help, an unknown or repeated option, a missing or invalid
  /// value, a value that fails `validate()`, `--`, no procedure — which ArgumentParser then
  /// parses (and rejects) with its own messages. Values are converted by the same
  /// `ExpressibleByArgument` initialisers ArgumentParser uses.
  static func call(_ args: [String]) -> CallCommand? {
    guard args.first == "call", !args.contains("help") else { return nil }
    var values: [String: String] = [:]
    var flags = Set<String>()
    var positionals: [String] = []
    var i = 1
    while i < args.count {
      let a = args[i]
      i += 1
      guard a.hasPrefix("-") else {
        positionals.append(a)
        continue
      }
      if callFlags.contains(a) {
        guard flags.insert(a).inserted else { return nil }
        continue
      }
      let name: String
      let value: String
      if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
        name = String(a[..<eq])
        value = String(a[a.index(after: eq)...])
        guard !value.isEmpty else { return nil }  // `--url=`: ArgumentParser's "missing value"
      } else {
        // `--name VALUE` / `-o VALUE`: ArgumentParser takes the next word unless it looks like an option.
        name = a == "-o" ? "--output" : a
        guard i < args.count, !args[i].hasPrefix("-") else { return nil }
        value = args[i]
        i += 1
      }
      guard callValueOptions.contains(name), values.updateValue(value, forKey: name) == nil else { return nil }
    }
    guard let procedure = positionals.first else { return nil }

    var connection = ConnectionOptions()
    connection.url = values["--url"]
    connection.apiKey = values["--api-key"]
    connection.profile = values["--profile"]
    connection.insecure = flags.contains("--insecure")
    connection.maxReplySize = values["--max-reply-size"]
    connection.verbose = flags.contains("--verbose")
    connection.noValidate = flags.contains("--no-validate")
    var server = ServerOptions()
    server.sandbox = flags.contains("--sandbox")
    var spec = SpecOptions()
    spec.spec = values["--spec"]
    spec.noCache = flags.contains("--no-cache")
    var command = CallCommand()
    command.columns = values["--columns"]
    command.curl = flags.contains("--curl")
    command.wait = flags.contains("--wait")
    command.yes = flags.contains("--yes")
    command.waitTimeout = values["--wait-timeout"]
    command.waitEvery = values["--wait-every"]
    command.procedure = procedure
    command.arguments = Array(positionals.dropFirst())
    do {
      connection.transport = try values["--transport"].map { try converted(WireForm.self, $0) }
      connection.timeout = try values["--timeout"].map { try converted(Double.self, $0) }
      server.deploySeconds = try values["--deploy-seconds"].map { try converted(Double.self, $0) } ?? 3
      server.queueDelay = try values["--queue-delay"].map { try converted(Double.self, $0) } ?? 1
      command.output = try values["--output"].map { try converted(OutputFormat.self, $0) } ?? .pretty
      command.parallel = try values["--parallel"].map { try converted(Int.self, $0) } ?? 1
      try connection.validate()
    } catch {
      return nil
    }
    command.connection = connection
    command.server = server
    command.specOptions = spec
    return command
  }

  /// A value converted as ArgumentParser converts it; throws when it does not convert.
  private static func converted<T: ExpressibleByArgument>(_ type: T.Type, _ text: String) throws -> T {
    guard let value = T(argument: text) else { throw NotQuick() }
    return value
  }

  /// A line the quick parse leaves to ArgumentParser.
  private struct NotQuick: Error {}
}
