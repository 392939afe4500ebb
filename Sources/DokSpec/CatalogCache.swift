import DokCore

/// Stores compiled catalogs under the cache directory, keyed by a hash of the document's bytes,
/// so a second start does not parse the document again. A corrupt entry is ignored and rebuilt.
public struct CatalogCache: Sendable {
  /// The directory holding `catalog-<hash>.bin` files (`$XDG_CACHE_HOME/dok`).
  public var directory: String?

  /// A cache in `directory`; nil disables caching.
  public init(directory: String?) {
    self.directory = directory
  }

  /// How a catalog was obtained (for `--verbose` notes and benchmarks).
  public enum Origin: String, Sendable { case cache, parsed }

  /// Loads the catalog for `bytes`: from the cache when a valid entry exists, else by parsing
  /// (and then storing the result; a failure to store is not an error).
  public func catalog(for bytes: [UInt8], source: String) throws(SpecError) -> (Catalog, Origin) {
    let path = entryPath(for: bytes)  // hashes the document once for both uses
    if let catalog = stored(at: path) { return (catalog, .cache) }
    let catalog = try SpecLoader.load(bytes, source: source)
    if let path { try? FileIO.writeAtomically(path, CatalogCodec.encode(catalog), mode: 0o600) }
    return (catalog, .parsed)
  }

  /// The stored catalog for `bytes`, or nil when there is no valid entry (or caching is off).
  public func cached(for bytes: [UInt8]) -> Catalog? {
    stored(at: entryPath(for: bytes))
  }

  private func stored(at path: String?) -> Catalog? {
    guard let path, let stored = try? FileIO.read(path) else { return nil }
    return CatalogCodec.decode(stored)
  }

  /// The cache file for a document, or nil when caching is off.
  public func entryPath(for bytes: [UInt8]) -> String? {
    guard let directory else { return nil }
    return "\(directory)/catalog-\(DocumentHash.hex(bytes)).bin"
  }
}

/// A fast 64-bit content hash (FNV-1a over 8-byte words, mixed with the length).
public enum DocumentHash {
  /// Hex digest of `bytes`.
  public static func hex(_ bytes: [UInt8]) -> String {
    let s = String(digest(bytes), radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }

  /// The 64-bit digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { digest($0) }
  }

  /// The 64-bit digest of the bytes in `raw`.
  public static func digest(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
    let prime: UInt64 = 0x100_0000_01b3
    let words = raw.count / 8
    for i in 0..<words {
      let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
      h = (h ^ w) &* prime
      h ^= h >> 29
    }
    for i in (words * 8)..<raw.count {
      h = (h ^ UInt64(raw[i])) &* prime
    }
    return h
  }
}
