import DokCore
import DokTestSupport

extension QueueingDokploy {
  /// The OpenAPI document of the procedures this server serves (``QueueingDocument``); without
  /// `readLogs`, `deployment.readLogs` is left out, as in older Dokploy documents; without
  /// `queueList`, `deployment.queueList`.
  public static func document(readLogs: Bool = true, queueList: Bool = true) -> JSON {
    QueueingDocument.json(readLogs: readLogs, queueList: queueList)
  }
}
