import ArgumentParser

/// The command lines run most often in scripts, recognised without ArgumentParser.
///
/// ArgumentParser reflects a command's properties on every start; on this static binary that is
/// a quarter to a third of a one-shot `describe` (conformance look-ups scan every record). For
/// the exact simple forms below the command value is built directly, with the same types and
/// the same `run()`; any other form — help, an unknown option, a missing value — returns nil
/// and goes through ArgumentParser, so its messages are unchanged.
enum QuickParse {
  /// What `dok --version [--output text|json]` prints, answered before anything else is set
  /// up: `.success` with the text for stdout, `.failure` with a usage message for stderr (exit 2).
  static func immediateOutput(_ args: [String]) -> Result<String, VersionUsageError>? {
    guard args.first == "--version" || args.last == "--version", args.filter({ $0 == "--version" }).count == 1 else {
      return nil
    }
    let rest = args.filter { $0 != "--version" }
    var format = "text"
    switch rest.count {
    case 0: break
    case 1:
      guard
        let v = ["--output=", "-o="].lazy.compactMap({ rest[0].hasPrefix($0) ? String(rest[0].dropFirst($0.count)) : nil }).first
      else { return nil }
      format = v
    case 2:
      guard rest[0] == "--output" || rest[0] == "-o" else { return nil }
      format = rest[1]
    default: return nil
    }
    switch format {
    case "text": return .success(DokVersion.line() + "\n")
    case "json": return .success(DokVersion.json() + "\n")
    default:
      return .failure(VersionUsageError(message: "dok --version: unknown output format '\(format)' (text or json)"))
    }
  }

  /// The command for the quick forms: `call` (``call(_:)``) and `describe`.
  static func command(_ args: [String]) -> ParsableCommand? {
    if let call = call(args) { return call }
    return describe(args)
  }

  /// `describe PROC --spec FILE [--no-cache] [-o|--output text|json]`, options in any order.
  static func describe(_ args: [String]) -> DescribeCommand? {
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

/// A `dok --version` line that names an output format other than text or json.
struct VersionUsageError: Error {
  /// The message for stderr.
  let message: String
}
