import DokCore
import Foundation

/// Paths the tests use: the package root, fixtures, and the real Dokploy document in `../shared`.
enum TestPaths {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// `../shared/dokploy/openapi.json` beside the checkout.
  static let realDocument = URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
    .appendingPathComponent("shared/dokploy/openapi.json").path

  /// True when the real document is present (tests that need it are skipped otherwise).
  static let hasRealDocument = FileManager.default.fileExists(atPath: realDocument)

  static func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
  }

  static func fixtureBytes(_ name: String) throws -> [UInt8] { try FileIO.read(fixture(name)) }
}
