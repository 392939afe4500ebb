import DokCore

/// The sandbox's state on disk: one JSON document, replaced atomically after every mutation
/// (write a temporary file in the same directory, fsync it, rename it over the old one, fsync
/// the directory), so a kill at any moment leaves either the old or the new state.
public struct StateFile: Sendable {
  /// Where the state lives.
  public let path: String

  public init(path: String) { self.path = path }

  /// A failure reading or writing the file.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The marker a state file carries (`"format"`), and the newest version this dok reads.
  public static let format = "dok-sandbox-state"
  public static let version = 2

  /// The stored sandbox state, or nil when the file does not exist or is empty. A file that is
  /// not a dok sandbox state (no marker, or a newer version) is refused, and left untouched.
  public func loadState() throws(Failure) -> JSON? {
    guard let json = try load() else { return nil }
    if json["format"]?.stringValue == Self.format {
      let v = json["version"]?.numberValue.flatMap(Support.int) ?? 0
      guard v >= 1, v <= Self.version else {
        throw Failure(
          description:
            "\(path) is a dok sandbox state of version \(v), newer than this dok reads (\(Self.version)); it was left untouched")
      }
      return json
    }
    // Files written before the marker existed: version 1 with the sandbox's own keys.
    if json["version"] == 1, json["organizationId"]?.stringValue != nil, json["projects"]?.arrayValue != nil { return json }
    throw Failure(
      description:
        "\(path) is not a dok sandbox state file (no \"format\": \"\(Self.format)\" marker); refusing to use it, it was left untouched"
    )
  }

  /// The stored document, or nil when the file does not exist.
  public func load() throws(Failure) -> JSON? {
    let opened: Int32?
    do { opened = try FileIO.openForReading(path) } catch { throw Failure(description: "cannot open \(path): \(error.reason)") }
    guard let fd = opened else { return nil }
    defer { FileIO.close(fd) }
    let bytes: [UInt8]
    do {
      bytes = try FileIO.read(fd: fd, name: path)
    } catch {
      throw Failure(description: "cannot read \(error)")
    }
    if bytes.isEmpty { return nil }
    do {
      return try JSONParser.parse(bytes)
    } catch {
      throw Failure(description: "\(path) is not valid JSON: \(error)")
    }
  }

  /// Removes `FILE.tmp.PID.RANDOM` files that a save left behind because its process was killed
  /// mid-write: PID no longer running here and the file untouched for a minute (a writer in
  /// another PID namespace sharing the directory is not visible to `kill`, but a save takes
  /// milliseconds). Returns the names removed.
  @discardableResult
  public func removeStaleTemporaries(olderThan seconds: Int = 60) -> [String] {
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[..<$0]) } ?? "."
    let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + FileIO.temporaryMarker
    let base = dir.isEmpty ? "" : dir
    guard let names = FileIO.directoryEntries(dir.isEmpty ? "/" : dir) else { return [] }
    var removed: [String] = []
    for name in names {
      guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "." }), pid > 0 else { continue }
      if pid == Platform.processID || Platform.processMayBeRunning(pid) { continue }
      let full = base + "/" + name
      guard let age = FileIO.secondsSinceModification(full), age >= seconds else { continue }
      if FileIO.remove(full) { removed.append(name) }
    }
    return removed
  }

  /// The journal beside the snapshot: `FILE.journal`, one JSON entry per line.
  public var journalPath: String { path + ".journal" }

  /// Appends one journal line and syncs it (mode 0600).
  public func appendJournal(_ entry: JSON) throws(Failure) {
    let fd: Int32
    do { fd = try FileIO.openForAppending(journalPath, mode: 0o600) } catch {
      throw Failure(description: "cannot open \(journalPath): \(error.reason)")
    }
    defer { FileIO.close(fd) }
    var bytes = JSONWriter.compactBytes(entry)
    bytes.append(UInt8(ascii: "\n"))
    do { try FileIO.writeAll(fd, bytes, name: journalPath) } catch {
      throw Failure(description: "cannot write \(journalPath): \(error.reason)")
    }
    do { try FileIO.sync(fd, name: journalPath) } catch {
      throw Failure(description: "cannot sync \(journalPath): \(error.reason)")
    }
  }

  /// The journal's entries in order; a torn last line (a write cut short) ends the list.
  public func loadJournal() -> [JSON] {
    guard let bytes = try? FileIO.read(journalPath) else { return [] }
    var out: [JSON] = []
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      guard let e = try? JSONParser.parse(Array(line)) else { break }
      out.append(e)
    }
    return out
  }

  /// Empties the journal (after a snapshot that covers it is on disk).
  public func truncateJournal() throws(Failure) {
    guard FileIO.exists(journalPath) else { return }
    do { try FileIO.truncate(journalPath, toSize: 0) } catch {
      throw Failure(description: "cannot truncate \(journalPath): \(error.reason)")
    }
  }

  /// Replaces the file's content with `value`, atomically and durably (mode 0600: the state
  /// holds the databases' passwords).
  public func save(_ value: JSON) throws(Failure) {
    do {
      try FileIO.writeAtomically(path, JSONWriter.compactBytes(value), mode: 0o600)
    } catch {
      throw Failure(description: "cannot write \(error)")
    }
  }
}
