/// Unbuffered writes to the standard streams.
public enum Output {
  public static func stdout(_ text: String) { write(1, text) }
  public static func stderr(_ text: String) { write(2, text) }

  public static func write(_ fd: Int32, _ text: String) {
    var t = text
    t.withUTF8 { buf in
      var off = 0
      while off < buf.count {
        let n = Platform.write(fd, buf.baseAddress! + off, count: buf.count - off)
        if n <= 0 {
          if Platform.lastErrorWasInterrupt { continue }
          return
        }
        off += n
      }
    }
  }
}
