import DokCore

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
    // Opening a FIFO must not wait for a writer; the type is checked before reading.
    let file = try FileIO.openToInspect(path)
    defer { FileIO.close(file.fd) }
    guard file.kind == .regular else {
      let what = file.kind == .directory ? "a directory" : "not a regular file"
      throw FileIO.Failure(path: path, reason: "\(what) (@ reads regular files only)")
    }
    guard file.size <= limit else {
      throw FileIO.Failure(path: path, reason: "\(file.size) bytes is over the \(limit >> 20) MB limit for @ files")
    }
    let bytes = try FileIO.read(fd: file.fd, name: path, sizeHint: file.size)
    guard bytes.count <= limit else {
      throw FileIO.Failure(path: path, reason: "over the \(limit >> 20) MB limit for @ files")
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
