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
    try load(bytes, source: source, hex: DocumentHash.hex(bytes))
  }

  /// ``catalog(for:source:)`` for a document whose hash is `hex`.
  private func load(_ bytes: [UInt8], source: String, hex: String) throws(SpecError) -> (Catalog, Origin) {
    let path = directory.map { "\($0)/catalog-\(hex).bin" }  // the document hashed once for both uses
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
    return CatalogCodec.open(stored)
  }

  /// Finds one procedure of the document at `path` in the cache without reading the document:
  /// when the file's identity (inode, size, times) is the one recorded the last time its bytes
  /// were hashed, the recorded hash names the cache entry, and only that procedure's record is
  /// decoded. Nil when there is no such record or entry (read the document then).
  public func lookup(_ name: String, inDocumentAt path: String) -> ProcedureLookup? {
    guard let entry = recordedEntry(forDocumentAt: path), let bytes = try? FileIO.read(entry) else { return nil }
    return CatalogCodec.procedure(named: name, in: bytes)
  }

  /// The stored catalog for the document at `path` without reading the document, when the
  /// file's identity is the one recorded with its hash (see ``lookup(_:inDocumentAt:)``); its
  /// procedures are decoded as they are asked for. Nil when there is no such record or entry.
  public func catalog(forDocumentAt path: String) -> Catalog? {
    stored(at: recordedEntry(forDocumentAt: path))
  }

  /// Like ``catalog(for:source:)``, and records the identity of the file at `path` holding
  /// `bytes` for ``catalog(forDocumentAt:)``.
  public func catalog(for bytes: [UInt8], source: String, documentAt path: String) throws(SpecError) -> Catalog {
    let hex = DocumentHash.hex(bytes)
    let catalog = try load(bytes, source: source, hex: hex).0
    if directory != nil { recordIdentity(of: path, hex: hex) }
    return catalog
  }

  /// The cache entry recorded for the document at `path`, if its identity still matches.
  private func recordedEntry(forDocumentAt path: String) -> String? {
    guard let directory, let id = FileIO.identity(path), let text = try? FileIO.readText(identityPath(for: path)) else {
      return nil
    }
    let fields = text.split(separator: " ")
    guard fields.count == id.count + 1, zip(fields, id).allSatisfy({ Int64($0.0) == $0.1 }), let hex = fields.last,
      hex.count == 16, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
    else { return nil }
    return "\(directory)/catalog-\(hex).bin"
  }

  /// Finds one procedure in the cache entry for a document's `bytes`, decoding only its record;
  /// on a hit, records the identity of the file at `path` for ``lookup(_:inDocumentAt:)``.
  public func lookup(_ name: String, for bytes: [UInt8], documentAt path: String? = nil) -> ProcedureLookup? {
    guard let directory else { return nil }
    let hex = DocumentHash.hex(bytes)
    guard let stored = try? FileIO.read("\(directory)/catalog-\(hex).bin"),
      let found = CatalogCodec.procedure(named: name, in: stored)
    else { return nil }
    if let path { recordIdentity(of: path, hex: hex) }
    return found
  }

  /// Records `path`'s identity with its hash. A file changed in the last two seconds is not
  /// recorded: a change within the same clock tick could keep its times (the "racy" case).
  func recordIdentity(of path: String, hex: String) {
    guard let id = FileIO.identity(path) else { return }
    let now = Int64(FileIO.unixTime())
    guard now - id[3] > 2, now - id[5] > 2 else { return }
    let line = id.map(String.init).joined(separator: " ") + " " + hex
    try? FileIO.writeAtomically(identityPath(for: path), Array(line.utf8), mode: 0o600)
  }

  func identityPath(for path: String) -> String {
    "\(directory ?? "")/document-\(DocumentHash.hex(Array(path.utf8))).id"
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
