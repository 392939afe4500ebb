import ArgumentParser
import DokCore
import DokSpec

/// `--spec FILE`: where the API document comes from.
struct SpecOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Load the API document from FILE (JSON or YAML, OpenAPI 3.0/3.1).", valueName: "FILE"))
  var spec: String?

  @Flag(name: .long, help: "Do not read or write the compiled catalog cache.")
  var noCache = false

  /// Loads the catalog, through the cache. Errors are `DokExit`s with exit code 2.
  func catalog() throws -> Catalog {
    guard let spec else {
      throw DokExit.usage("no API document: pass --spec FILE (a Dokploy openapi.json)")
    }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(spec)
    } catch {
      throw DokExit.usage("cannot read the API document: \(error)")
    }
    let cache = CatalogCache(directory: noCache ? nil : XDGPaths.fromEnvironment().cache)
    do {
      return try cache.catalog(for: bytes, source: spec).0
    } catch {
      throw DokExit(2, "error: \(error)")
    }
  }
}

/// `--output text|json` for listing commands.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
