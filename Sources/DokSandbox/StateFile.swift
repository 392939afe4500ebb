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
        throw Failure(description: "\(path) is a dok sandbox state of version \(v), newer than this dok reads (\(Self.version)); it was left untouched")
      }
      return json
    }
    // Files written before the marker existed: version 1 with the sandbox's own keys.
    if json["version"] == 1, json["organizationId"]?.stringValue != nil, json["projects"]?.arrayValue != nil { return json }
    throw Failure(
      description: "\(path) is not a dok sandbox state file (no \"format\": \"\(Self.format)\" marker); refusing to use it, it was left untouched")
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
