import DokCore
import Foundation
import Testing

@testable import DokSpec

@Suite struct CatalogCacheTests {
  func tempDir() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-cache-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func secondLoadComesFromTheCache() throws {
    let dir = tempDir()
    let cache = CatalogCache(directory: dir)
    let bytes = try TestPaths.fixtureBytes("mini-31.json")
    let (first, o1) = try cache.catalog(for: bytes, source: "mini")
    let (second, o2) = try cache.catalog(for: bytes, source: "mini")
    #expect(o1 == .parsed)
    #expect(o2 == .cache)
    #expect(first.procedures == second.procedures)
    let entry = try #require(cache.entryPath(for: bytes))
    #expect(FileIO.mode(of: entry) == 0o600)
  }

  @Test func aChangedDocumentGetsANewEntry() throws {
    let cache = CatalogCache(directory: tempDir())
    let a = try TestPaths.fixtureBytes("mini-31.json")
    let b = try TestPaths.fixtureBytes("mini-30.json")
    #expect(cache.entryPath(for: a) != cache.entryPath(for: b))
  }

  @Test func corruptEntriesAreIgnoredAndRebuilt() throws {
    let cache = CatalogCache(directory: tempDir())
    let bytes = try TestPaths.fixtureBytes("mini-31.json")
    let (reference, _) = try cache.catalog(for: bytes, source: "mini")
    let entry = try #require(cache.entryPath(for: bytes))
    var good = try FileIO.read(entry)
    let corruptions: [[UInt8]] = [
      [], Array("garbage".utf8), Array(good.prefix(good.count / 2)), good + [0xFF],
      {
        var c = good; c[12] ^= 0xFF; return c
      }(),
    ]
    for corrupt in corruptions {
      try FileIO.writeAtomically(entry, corrupt)
      let (c, origin) = try cache.catalog(for: bytes, source: "mini")
      #expect(origin == .parsed)
      #expect(c.procedures == reference.procedures)
      good = try FileIO.read(entry)
      #expect(CatalogCodec.decode(good) != nil, "the rebuilt entry is valid again")
    }
  }
}
