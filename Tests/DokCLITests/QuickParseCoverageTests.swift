import DokCore
import DokTestSupport
import Foundation
import Testing

/// `dok call`'s quick parse (`Sources/dok/QuickParse+Call.swift`) builds a `CallCommand` without
/// ArgumentParser, so it must set every property ArgumentParser would: a property it leaves
/// unset traps at run time ("Can't read a value from a parsable argument definition"), as
/// `--parallel` and `--yes` did when they were added. This reads the sources and fails when an
/// option of `call` (or of the option groups it uses) has no assignment in the quick parse.
@Suite struct QuickParseCoverageTests {
  /// The properties declared with `@Option`, `@Flag` or `@Argument` in `file`.
  static func parsedProperties(_ file: String) throws -> [String] {
    let text = try String(contentsOfFile: PackagePaths.root + "/Sources/dok/" + file, encoding: .utf8)
    var names: [String] = []
    var pending = false
    for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      if line.hasPrefix("@Option") || line.hasPrefix("@Flag") || line.hasPrefix("@Argument") { pending = true }
      if pending, let r = line.range(of: "var ") {
        let name = line[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        names.append(String(name))
        pending = false
      }
    }
    return names
  }

  @Test(arguments: [
    ("CallCommand.swift", "command"), ("ConnectionOptions.swift", "connection"), ("ServerOptions.swift", "server"),
    ("SpecOptions.swift", "spec"),
  ])
  func everyOptionIsSetByTheQuickParse(file: String, variable: String) throws {
    let quick = try String(contentsOfFile: PackagePaths.root + "/Sources/dok/QuickParse+Call.swift", encoding: .utf8)
    let properties = try Self.parsedProperties(file)
    #expect(!properties.isEmpty, "no options found in \(file)")
    for name in properties {
      #expect(quick.contains("\(variable).\(name) ="), "QuickParse+Call.swift never sets \(variable).\(name) (\(file))")
    }
  }
}
