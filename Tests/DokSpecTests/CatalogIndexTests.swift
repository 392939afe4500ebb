import DokCore
import Foundation
import Testing

@testable import DokSpec

/// A cache hit for one procedure decodes only its record (issue 16, item 2), and gives exactly
/// what a whole decode gives.
@Suite struct CatalogIndexTests {
  func tempDir() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-index-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test
  func everyProcedureOfTheRealDocumentDecodesAloneAsItDoesInTheWhole() throws {
    let catalog = try SpecLoader.load(FileIO.read(TestPaths.realDocument), source: "real")
    let encoded = CatalogCodec.encode(catalog)
    let whole = try #require(CatalogCodec.decode(encoded))
    #expect(whole.procedures == catalog.procedures)
    for p in catalog.procedures {
      #expect(CatalogCodec.procedure(named: p.name, in: encoded) == .found(p), "\(p.name)")
    }
    for typo in ["application.deplyo", "projct.all", "nothing"] {
      #expect(CatalogCodec.procedure(named: typo, in: encoded) == .missing(suggestions: catalog.suggestions(for: typo)))
    }
  }

  @Test func aFlippedByteInOneRecordSpoilsThatRecordAndTheWholeDecode() throws {
    let catalog = try SpecLoader.load(TestPaths.fixtureBytes("mini-31.json"), source: "mini")
    var encoded = CatalogCodec.encode(catalog)
    let last = try #require(catalog.procedures.last)
    encoded[encoded.count - 2] ^= 0x5A  // inside the last record
    #expect(CatalogCodec.procedure(named: last.name, in: encoded) == nil)
    #expect(CatalogCodec.decode(encoded) == nil)
    if let first = catalog.procedures.first, first.name != last.name {
      #expect(CatalogCodec.procedure(named: first.name, in: encoded) == .found(first))
    }
    var header = CatalogCodec.encode(catalog)
    header[14] ^= 0x01  // inside the header
    #expect(CatalogCodec.procedure(named: last.name, in: header) == nil)
  }

  @Test func aRecordedFileIsFoundWithoutReadingItUntilItChanges() throws {
    let dir = tempDir()
    let cache = CatalogCache(directory: dir)
    let doc = dir + "/openapi.json"
    let bytes = try TestPaths.fixtureBytes("mini-31.json")
    try FileIO.writeAtomically(doc, bytes)
    let name = try #require(try SpecLoader.load(bytes, source: "mini").procedures.first?.name)
    // Make the file look old enough to be trusted by its identity.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: doc)
    #expect(cache.lookup(name, inDocumentAt: doc) == nil)  // nothing recorded yet
    _ = try cache.catalog(for: bytes, source: doc)
    #expect(cache.lookup(name, for: bytes, documentAt: doc) != nil)
    // ctime is "now" after setAttributes: the racy guard refuses to record it.
    #expect(cache.lookup(name, inDocumentAt: doc) == nil)
    // Record by hand with the current identity (as a lookup two seconds later would).
    let id = try #require(FileIO.identity(doc))
    let line = id.map(String.init).joined(separator: " ") + " " + DocumentHash.hex(bytes)
    try FileIO.writeAtomically(cache.identityPath(for: doc), Array(line.utf8))
    let hit = try #require(cache.lookup(name, inDocumentAt: doc))
    guard case .found(let p) = hit else { Issue.record("expected a hit"); return }
    #expect(p.name == name)
    // Any change to the file (here: its size) makes the record useless.
    try FileIO.writeAtomically(doc, bytes + Array(" ".utf8))
    #expect(cache.lookup(name, inDocumentAt: doc) == nil)
  }

  /// The cache opens a catalog without decoding it (`dok call` needs one procedure): every
  /// question it answers is answered as the whole decode answers it, and a corrupt record
  /// anywhere still refuses the entry (so the document is parsed again, never half-used).
  @Test(.enabled(if: TestPaths.hasRealDocument, "../shared/dokploy/openapi.json is absent"))
  func anOpenedCatalogAnswersAsTheDecodedOne() throws {
    let catalog = try SpecLoader.load(FileIO.read(TestPaths.realDocument), source: "real")
    let encoded = CatalogCodec.encode(catalog)
    let opened = try #require(CatalogCodec.open(encoded))
    #expect(opened.title == catalog.title && opened.version == catalog.version && opened.openapi == catalog.openapi)
    #expect(opened.routers == catalog.routers)
    #expect(opened.names == catalog.procedures.map(\.name))
    for name in ["settings.health", "application.deploy", "zzz.none"] {
      #expect(opened.procedure(named: name) == catalog.procedure(named: name), "\(name)")
    }
    #expect(opened.suggestions(for: "application.deplyo") == catalog.suggestions(for: "application.deplyo"))
    #expect(opened.procedures == catalog.procedures)
    #expect(opened.procedure(named: "application.deploy") == catalog.procedure(named: "application.deploy"))
    var corrupt = encoded
    corrupt[corrupt.count - 2] ^= 0x5A
    #expect(CatalogCodec.open(corrupt) == nil)
  }
}
