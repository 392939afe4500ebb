import DokCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the file of a `key=@path` or `key:=@path` argument: regular files only (never a device,
/// a pipe or a directory, which could hang or fill memory), up to ``limit`` bytes, `~` expanded.
public enum ArgumentFile {
  /// The largest file an argument may name (16 MB).
  public static let limit = 16 << 20

  /// `~` and `~/…` expanded with `$HOME`.
  public static func expand(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = FileIO.environment("HOME"), !home.isEmpty else { return path }
    return home + path.dropFirst()
  }

  /// The file's text, or an error saying why not.
  public static func readText(_ written: String, limit: Int = ArgumentFile.limit) throws -> String {
    let path = expand(written)
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before reading.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw FileIO.Failure(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileIO.Failure(path: path, reason: String(cString: strerror(errno))) }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      let what = (st.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
      throw FileIO.Failure(path: path, reason: "\(what) (@ reads regular files only)")
    }
    guard Int(st.st_size) <= limit else {
      throw FileIO.Failure(path: path, reason: "\(st.st_size) bytes is over the \(limit >> 20) MB limit for @ files")
    }
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
    let bytes = try FileIO.read(fd: fd, name: path, sizeHint: Int(st.st_size))
    guard bytes.count <= limit else {
      throw FileIO.Failure(path: path, reason: "over the \(limit >> 20) MB limit for @ files")
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
