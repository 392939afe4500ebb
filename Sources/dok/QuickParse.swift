import ArgumentParser

/// The command lines run most often in scripts, recognised without ArgumentParser.
///
/// ArgumentParser reflects a command's properties on every start; on this static binary that is
/// a quarter to a third of a one-shot `describe` (conformance look-ups scan every record). For
/// the exact simple forms below the command value is built directly, with the same types and
/// the same `run()`; any other form — help, an unknown option, a missing value — returns nil
/// and goes through ArgumentParser, so its messages are unchanged.
enum QuickParse {
  /// What `dok --version` prints, answered before anything else is set up.
  static func immediateOutput(_ args: [String]) -> String? {
    args == ["--version"] ? DokVersion.current + "\n" : nil
  }

  /// `describe PROC --spec FILE [--no-cache] [-o|--output text|json]`, options in any order.
  static func command(_ args: [String]) -> ParsableCommand? {
    guard args.first == "describe" else { return nil }
    var procedure: String?
    var spec: String?
    var noCache = false
    var output = ListingFormat.text
    var i = 1
    func value(_ option: String) -> String? {
      if args[i] == option, i + 1 < args.count {
        i += 1
        return args[i]
      }
      return args[i].hasPrefix(option + "=") ? String(args[i].dropFirst(option.count + 1)) : nil
    }
    while i < args.count {
      let a = args[i]
      if let v = value("--spec") {
        guard spec == nil else { return nil }
        spec = v
      } else if a == "--no-cache" {
        noCache = true
      } else if let v = value("--output") ?? value("-o") {
        guard let f = ListingFormat(rawValue: v) else { return nil }
        output = f
      } else if !a.hasPrefix("-"), procedure == nil {
        procedure = a
      } else {
        return nil
      }
      i += 1
    }
    guard let procedure, let spec else { return nil }
    var options = SpecOptions()
    options.spec = spec
    options.noCache = noCache
    var command = DescribeCommand()
    command.specOptions = options
    command.output = output
    command.procedure = procedure
    return command
  }
}
