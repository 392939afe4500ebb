import Foundation

/// Where the tests find the package and Dokploy's real document (`../shared/dokploy/openapi.json`
/// beside the checkout; tests that need it skip with a message when it is absent).
public enum PackagePaths {
  /// The package root: the nearest directory above this file holding `Package.swift`.
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// `../shared/dokploy/openapi.json` beside the checkout.
  public static let realDocument = URL(fileURLWithPath: root).deletingLastPathComponent()
    .appendingPathComponent("shared/dokploy/openapi.json").path

  /// True when the real document is present.
  public static let hasRealDocument = FileManager.default.fileExists(atPath: realDocument)
}
