import DokRuntime
import DokScript
import DokSpec

extension REPL {
  /// How long a Tab waits for the server's listing before completing without paths.
  static let pathTreeTimeout: Duration = .seconds(3)

  /// The server's tree when the word at `cursor` is a `<kind>=` twin's value, read once
  /// (`project.all`) and kept until the next entry runs; nil otherwise or when the server does
  /// not answer within ``pathTreeTimeout``.
  func treeForCompletion(line: String, cursor: Int) -> ServerTree? {
    guard Self.completesATwin(Array(line.prefix(cursor))) else { return nil }
    if let t = pathTree { return t }
    guard let host = session.host as? DokScriptHost else { return nil }
    let resolver = PathResolver(caller: host.caller, catalog: environment.catalog)
    let tree = blockingRun { () async -> ServerTree? in
      await withTaskGroup(of: ServerTree?.self) { group in
        group.addTask { try? await resolver.tree() }
        group.addTask {
          try? await Task.sleep(for: Self.pathTreeTimeout)
          return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
      }
    }
    pathTree = tree
    return tree
  }

  /// True when the word before the cursor is `<twin>=…` (bare, or an open quoted string).
  static func completesATwin(_ chars: [Character]) -> Bool {
    var end = chars.count
    if chars.filter({ $0 == "\"" }).count % 2 == 1, let quote = chars.lastIndex(of: "\"") { end = quote }
    var start = end
    while start > 0, !Completer.wordBreaks.contains(chars[start - 1]) { start -= 1 }
    let word = String(chars[start..<end])
    guard let eq = word.firstIndex(of: "=") else { return false }
    return PathParameter.Kind(rawValue: String(word[..<eq])).map { $0 != .server } ?? false
  }
}
