#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small POSIX file helpers with explicit modes (files that may hold secrets are created 0600).
public enum FileIO {
  /// A failure reading or writing a file, with the path and the system's reason.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  static func failure(_ path: String) -> Failure {
    Failure(path: path, reason: String(cString: strerror(errno)))
  }

  /// Reads a whole file.
  public static func read(_ path: String) throws(Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure(path) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw failure(path) }
    if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, reason: "is a directory") }
    return try read(fd: fd, name: path, sizeHint: Int(st.st_size))
  }

  /// Reads an open descriptor to its end (a file, a pipe, standard input). `name` goes into
  /// the error; `sizeHint` (a file's size) lets the first read go straight into the array.
  public static func read(fd: Int32, name: String, sizeHint: Int = 0) throws(Failure) -> [UInt8] {
    // One spare byte shows whether there is more than the hint (the file grew, or it is a pipe
    // or a /proc file).
    var failed = false
    var out = [UInt8](unsafeUninitializedCapacity: max(sizeHint, 0) + 1) { buf, count in
      while count < buf.count {
        let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
        if n < 0, errno == EINTR { continue }
        if n < 0 { failed = true }
        if n <= 0 { return }
        count += n
      }
    }
    if failed { throw failure(name) }
    if out.count <= sizeHint { return out }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure(name)
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }

  /// Reads a whole file as UTF-8 text.
  public static func readText(_ path: String) throws(Failure) -> String {
    String(decoding: try read(path), as: UTF8.self)
  }

  /// True when `path` exists.
  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Creates `path` and its parents (mode 0700 for new directories).
  public static func makeDirectories(_ path: String) throws(Failure) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST { throw failure(current) }
    }
  }

  /// Makes a new directory only this user may enter, `DIR/PREFIX-XXXXXX` under `$TMPDIR` (or
  /// /tmp), and returns its path.
  public static func makeTemporaryDirectory(prefix: String) throws(Failure) -> String {
    let base = environment("TMPDIR") ?? "/tmp"
    var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw failure(base) }
    return String(cString: made)
  }

  /// Writes `bytes` to a temporary file beside `path` (`PATH.tmp.PID.RANDOM`), fsyncs it, renames
  /// it over `path` and syncs the directory, so readers see the old file or the new one, never
  /// half of either (also across kill -9 and power loss). A failed write or sync is an error.
  public static func writeAtomically(_ path: String, _ bytes: some Collection<UInt8>, mode: mode_t = 0o600) throws(Failure) {
    let dir = directory(of: path)
    if !dir.isEmpty, !exists(dir) { try makeDirectories(dir) }
    let tmp = "\(path)\(temporaryMarker)\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else { throw failure(tmp) }
    let data = Array(bytes)
    var written = 0
    while written < data.count {
      let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        let f = failure(tmp)
        close(fd)
        unlink(tmp)
        throw f
      }
      written += n
    }
    fchmod(fd, mode)
    guard fsync(fd) == 0 else {
      let f = failure(tmp)
      close(fd)
      unlink(tmp)
      throw f
    }
    close(fd)
    guard rename(tmp, path) == 0 else {
      let f = failure(path)
      unlink(tmp)
      throw f
    }
    // The rename itself survives a crash once the directory is synced.
    let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_CLOEXEC)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
  }

  /// Creates `path` with `mode` when it does not exist (a file that exists is left as it is).
  public static func createIfMissing(_ path: String, mode: mode_t) {
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode)
    if fd >= 0 { Glibc.close(fd) }
  }

  /// Sets the permission bits of `path` (`chmod`); false when that failed.
  @discardableResult
  public static func setMode(_ path: String, _ mode: mode_t) -> Bool { chmod(path, mode) == 0 }

  /// Opens `path` for reading: its descriptor (the caller closes it with ``close(_:)``), or nil
  /// when the file does not exist.
  public static func openForReading(_ path: String) throws(Failure) -> Int32? {
    let fd = open(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw failure(path)
    }
    return fd
  }

  /// What kind of file an open descriptor is.
  public enum Kind: Sendable { case regular, directory, other }

  /// Opens `path` for reading without waiting for anything (O_NONBLOCK while opening, so a FIFO
  /// with no writer does not block; cleared afterwards) and says what it is and how big, so the
  /// caller can refuse it before reading. The caller closes the descriptor with ``close(_:)``.
  public static func openToInspect(_ path: String) throws(Failure) -> (fd: Int32, kind: Kind, size: Int) {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw failure(path) }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      let f = failure(path)
      Glibc.close(fd)
      throw f
    }
    let type = st.st_mode & S_IFMT
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
    return (fd, type == S_IFREG ? .regular : type == S_IFDIR ? .directory : .other, Int(st.st_size))
  }

  /// Opens `path` for appending, creating it with `mode`; the caller closes it with ``close(_:)``.
  public static func openForAppending(_ path: String, mode: mode_t) throws(Failure) -> Int32 {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
    guard fd >= 0 else { throw failure(path) }
    return fd
  }

  /// Writes all of `bytes` to `fd`, going on after interruptions; `name` goes into the error.
  public static func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String) throws(Failure) {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw failure(name)
      }
      done += n
    }
  }

  /// Flushes `fd` to the disk (`fsync`); `name` goes into the error.
  public static func sync(_ fd: Int32, name: String) throws(Failure) {
    guard fsync(fd) == 0 else { throw failure(name) }
  }

  /// Closes a descriptor opened by one of the functions above.
  public static func close(_ fd: Int32) { _ = Glibc.close(fd) }

  /// Cuts (or extends, with zeros) the file at `path` to `size` bytes.
  public static func truncate(_ path: String, toSize size: Int) throws(Failure) {
    guard Glibc.truncate(path, off_t(size)) == 0 else { throw failure(path) }
  }

  /// Removes the file at `path` (`unlink`); false when that failed.
  @discardableResult
  public static func remove(_ path: String) -> Bool { unlink(path) == 0 }

  /// The names in directory `path` (with `.` and `..`), or nil when it cannot be opened.
  public static func directoryEntries(_ path: String) -> [String]? {
    guard let d = opendir(path) else { return nil }
    defer { closedir(d) }
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    var names: [String] = []
    while let entry = readdir(d) {
      // Only the bytes of this entry: a record can be shorter than `dirent`.
      names.append(String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)))
    }
    return names
  }

  /// Whole seconds since `path` (itself, not a symlink's target) was last modified, or nil when
  /// it cannot be stat'ed.
  public static func secondsSinceModification(_ path: String) -> Int? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    #if canImport(Darwin)
      return Int(time(nil) - st.st_mtimespec.tv_sec)
    #else
      return Int(time(nil) - st.st_mtim.tv_sec)
    #endif
  }

  /// What follows a path in the name of ``writeAtomically(_:_:mode:)``'s temporary file, before
  /// the writer's pid.
  public static let temporaryMarker = ".tmp."

  /// The directory part of a path ("" for a bare name).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The permission bits of a file, or nil when it does not exist.
  public static func mode(of path: String) -> mode_t? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o7777
  }

  /// An environment variable, or nil when unset or empty.
  public static func environment(_ name: String) -> String? {
    guard let v = getenv(name) else { return nil }
    let s = String(cString: v)
    return s.isEmpty ? nil : s
  }

  /// Wall-clock seconds since 1970, with fractions.
  public static func unixTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// What identifies a file's content without reading it — device, inode, size, and the
  /// modification and change times in nanoseconds — or nil when it cannot be stat'ed.
  public static func identity(_ path: String) -> [Int64]? {
    #if os(Linux)
      var st = stat()
      guard stat(path, &st) == 0 else { return nil }
      return [
        Int64(st.st_dev), Int64(st.st_ino), Int64(st.st_size), Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec),
        Int64(st.st_ctim.tv_sec), Int64(st.st_ctim.tv_nsec),
      ]
    #else
      return nil
    #endif
  }
}
