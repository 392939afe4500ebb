import DokCore
import DokployDocument
import Foundation

/// Where the tests find the package and Dokploy's real document.
///
/// The document is the one dok bundles (`DokployDocument`, a byte-for-byte copy of
/// `../shared/dokploy/openapi.json`), written once to a file for tests that need a path (`--spec`),
/// so that the tests on it run on a clean clone, where `../shared` is absent.
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

  /// Dokploy's real document (the bundled copy) as a file: written, when missing or different, to
  /// a directory of the user's temporary directory named after the Dokploy release.
  public static let realDocument: String = {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("dok-tests-\(getuid())/dokploy-\(DokployDocument.dokployVersion)").path
    let path = dir + "/openapi.json"
    let bytes = DokployDocument.bytes
    if (try? FileIO.read(path)) != bytes {
      do { try FileIO.writeAtomically(path, bytes, mode: 0o644) } catch {
        fatalError("cannot write the bundled Dokploy document to \(path): \(error)")
      }
    }
    return path
  }()

  /// Always true: the document is the bundled copy. Kept for tests written when it could be absent
  /// (their `.enabled(if: hasRealDocument)` no longer skips anything).
  public static let hasRealDocument = true

  /// `../shared/dokploy/<name>` beside the checkout: the source of the bundled copies, absent on a
  /// clean clone (only tests comparing the bundled copy with it use it, and skip without it).
  public static func shared(_ name: String) -> String {
    URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/dokploy/\(name)").path
  }
}
