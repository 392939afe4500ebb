import DokRuntime
import DokScript
import DokSpec

extension REPL {
  /// How long a Tab waits for the server's listing before completing without paths.
  static let pathTreeTimeout: Duration = .seconds(3)

  /// The server's tree when the word at `cursor` is a `<kind>=` twin's value or `:ls`'s path, read once
  /// (`project.all`) and kept until the next entry runs; for a database, its environment's
  /// names (`environment.one`, which `project.all` leaves out) are read when the path reaches
  /// it. Nil otherwise, or when the server does not answer within ``pathTreeTimeout``.
  func treeForCompletion(line: String, cursor: Int) -> ServerTree? {
    let twin = Self.twinWord(Array(line.prefix(cursor)))
    guard twin != nil || line.drop(while: { $0 == " " }).hasPrefix(":ls "), let host = session.host as? DokScriptHost
    else { return nil }
    let caller = host.caller
    if pathTree == nil {
      let resolver = PathResolver(caller: caller, catalog: environment.catalog)
      pathTree = bounded { try? await resolver.tree() }
    }
    guard var tree = pathTree, let twin, twin.kind.isDatabase else { return pathTree }
    // The environment a database's path has reached, when its names are not known yet.
    let value = twin.value.hasPrefix("\"") ? PathCompletion.unescapeString(String(twin.value.dropFirst())) : twin.value
    let names = PathCompletion.split(value).done
    guard (1...2).contains(names.count), let p = tree.projects.firstIndex(where: { $0.name == names[0] }),
      let e = tree.projects[p].environments.firstIndex(where: { names.count == 2 ? $0.name == names[1] : $0.isDefault }),
      tree.projects[p].environments[e].services.contains(where: { $0.name == nil })
    else { return tree }
    let unnamed = tree.projects[p].environments[e]
    if let named = bounded({ try? await TreeListing.withNames(unnamed, caller: caller) }) {
      tree.projects[p].environments[e] = named
      pathTree = tree
    }
    return tree
  }

  /// `body`'s value, or nil when it takes longer than ``pathTreeTimeout`` (Ctrl-C cancels it).
  private func bounded<T: Sendable>(_ body: @escaping @Sendable () async -> T?) -> T? {
    blockingRun { () async -> T? in
      await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask {
          try? await Task.sleep(for: Self.pathTreeTimeout)
          return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
      }
    }
  }

  /// The twin whose value the cursor is in (`application=sh`, or an open `application="my sh`):
  /// its kind and the value typed so far; nil for any other word.
  static func twinWord(_ chars: [Character]) -> (kind: PathParameter.Kind, value: String)? {
    var end = chars.count
    if chars.filter({ $0 == "\"" }).count % 2 == 1, let quote = chars.lastIndex(of: "\"") { end = quote }
    var start = end
    while start > 0, !Completer.wordBreaks.contains(chars[start - 1]) { start -= 1 }
    let word = String(chars[start..<end])
    guard let eq = word.firstIndex(of: "="), let kind = PathParameter.Kind(rawValue: String(word[..<eq])), kind != .server
    else { return nil }
    return (kind, String(chars[(start + word[..<eq].count + 1)...]))
  }
}
