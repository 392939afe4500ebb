import DokCore
import Foundation

/// A pipe for a child's stdout or stderr, read on its own thread as the child writes (so a full
/// pipe never blocks it), keeping at most `limit` bytes and counting the rest.
final class BoundedCapture: @unchecked Sendable {
  let pipe = Pipe()
  private let limit: Int
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var kept = Data()
  private var dropped = 0

  /// How long ``finish()`` waits for the end of the output once the child has ended.
  static let drainSeconds = 2.0

  init(limit: Int) {
    self.limit = limit
    let handle = pipe.fileHandleForReading
    Platform.startThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock {
          let room = max(0, limit - kept.count)
          kept.append(chunk.prefix(room))
          dropped += max(0, chunk.count - room)
        }
      }
      done.signal()
    }
  }

  /// Call once the child has ended: waits (at most ``drainSeconds``) until every process holding
  /// the pipe closed it, then returns the text, with a note when some was dropped or given up.
  func finish() -> String {
    // Our copy of the write end must close, or the reader never sees the end.
    try? pipe.fileHandleForWriting.close()
    let ended = done.wait(timeout: .now() + Self.drainSeconds) == .success
    return lock.withLock {
      var text = String(decoding: kept, as: UTF8.self)
      if dropped > 0 { text += "\n… \(dropped) more bytes of output were dropped (the limit is \(limit >> 20) MB)\n" }
      if !ended { text += "\n… a process the run left behind still holds its output open; the rest is not shown\n" }
      return text
    }
  }

  /// The child never started: ends the reader.
  func abandon() { try? pipe.fileHandleForWriting.close() }
}
