import DokCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      let v = Int(json["version"]?.numberValue ?? 0)
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
    let fd = open(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
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
    guard let d = opendir(dir.isEmpty ? "/" : dir) else { return [] }
    defer { closedir(d) }
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    var removed: [String] = []
    while let entry = readdir(d) {
      // Only the bytes of this entry: a record can be shorter than `dirent`.
      let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
      guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "." }), pid > 0 else { continue }
      if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
      let full = base + "/" + name
      var st = stat()
      guard lstat(full, &st) == 0, time(nil) - st.st_mtim.tv_sec >= seconds else { continue }
      if unlink(full) == 0 { removed.append(name) }
    }
    return removed
  }

  /// The journal beside the snapshot: `FILE.journal`, one JSON entry per line.
  public var journalPath: String { path + ".journal" }

  /// Appends one journal line and syncs it (mode 0600).
  public func appendJournal(_ entry: JSON) throws(Failure) {
    let fd = open(journalPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw Failure(description: "cannot open \(journalPath): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var bytes = JSONWriter.compactBytes(entry)
    bytes.append(UInt8(ascii: "\n"))
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(description: "cannot write \(journalPath): \(String(cString: strerror(errno)))")
      }
      done += n
    }
    guard fsync(fd) == 0 else { throw Failure(description: "cannot sync \(journalPath): \(String(cString: strerror(errno)))") }
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
    guard truncate(journalPath, 0) == 0 else {
      throw Failure(description: "cannot truncate \(journalPath): \(String(cString: strerror(errno)))")
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
