import DokCore
import Foundation

/// A pipe for a child's stdout or stderr, read on its own thread as the child writes (so a full
/// pipe never blocks it), keeping at most `limit` bytes and counting the rest.
final class BoundedCapture: @unchecked Sendable {
  let pipe = Pipe()
  private let limit: Int
  private let done = DispatchSemaphore(value: 0)
  private var kept = Data()
  private var dropped = 0

  init(limit: Int) {
    self.limit = limit
    let handle = pipe.fileHandleForReading
    Platform.startThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        let room = max(0, limit - kept.count)
        kept.append(chunk.prefix(room))
        dropped += max(0, chunk.count - room)
      }
      done.signal()
    }
  }

  /// Waits until the child closed its end (it ended, with every process it started), then
  /// returns the text, with a note when some was dropped.
  func finish() -> String {
    // Our copy of the write end must close, or the reader never sees the end.
    try? pipe.fileHandleForWriting.close()
    done.wait()
    var text = String(decoding: kept, as: UTF8.self)
    if dropped > 0 { text += "\n… \(dropped) more bytes of output were dropped (the limit is \(limit >> 20) MB)\n" }
    return text
  }
}
