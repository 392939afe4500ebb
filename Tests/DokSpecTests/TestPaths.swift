import DokCore
import DokTestSupport
import Foundation

/// Paths the tests use: the package root, fixtures, and the real Dokploy document (the bundled copy, as a file).
enum TestPaths {
  static let packageRoot = PackagePaths.root
  static let realDocument = PackagePaths.realDocument
  /// Always true (the bundled copy): see `PackagePaths.hasRealDocument`.
  static let hasRealDocument = PackagePaths.hasRealDocument

  static func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
  }

  static func fixtureBytes(_ name: String) throws -> [UInt8] { try FileIO.read(fixture(name)) }
}
