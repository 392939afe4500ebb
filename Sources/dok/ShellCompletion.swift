import ArgumentParser
import DokClient
import DokCore
import DokREPL
import DokSandbox
import DokSpec

/// Completion for `dok call <Tab>` in bash, zsh and fish (scripts from
/// `dok --generate-completion-script SHELL`): procedure names, then parameters and values,
/// through the same engine as the REPL and `dok complete`. It never touches the network: the
/// configured server's cached document, else the sandbox's.
enum ShellCompletion {
  @Sendable static func call(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    guard let catalog = catalog() else { return [] }
    let start = (words.firstIndex(of: "call") ?? 0) + 1
    var typed: [String] = []
    var i = start
    while i < min(index, words.count) {
      let w = words[i]
      if w.hasPrefix("-") {
        // An option and, for options taking a value, its value.
        if !w.contains("="), valueOptions.contains(w) { i += 1 }
      } else {
        typed.append(w)
      }
      i += 1
    }
    // Right after `name=`, bash makes `=` itself the word being completed (its `cur` is empty):
    // complete an empty value of `name`.
    var prefix = prefix
    if prefix == "=" || (prefix.isEmpty && index < words.count && words[index] == "=") {
      typed.append("=")
      prefix = ""
    }
    // bash splits words at `=` (COMP_WORDBREAKS): glue `name`, `=`, `value` back together.
    var glued: [String] = []
    for w in typed {
      if w == "=", let last = glued.popLast() {
        glued.append(last + "=")
      } else if let last = glued.last, last.hasSuffix("=") {
        glued[glued.count - 1] = last + w
      } else {
        glued.append(w)
      }
    }
    var word = prefix
    var splitAtEquals = false
    if let last = glued.last, last.hasSuffix("=") {
      word = glued.removeLast() + prefix
      splitAtEquals = true
    }
    let line = (glued + [word]).joined(separator: " ")
    return Completer.complete(line: line, context: CompletionContext(catalog: catalog)).candidates.map { c in
      if splitAtEquals, let eq = c.text.firstIndex(of: "=") { return String(c.text[c.text.index(after: eq)...]) }
      // bash's script (``CompletionScript``) leaves `name=` as it is, with no space after it; zsh
      // and fish would quote the `=` or add a space: there the name alone, and the user types `=`.
      return c.text.hasSuffix("=") && CompletionShell.requesting != .bash ? String(c.text.dropLast()) : c.text
    }
  }

  static let valueOptions: Set<String> = [
    "--url", "--api-key", "--profile", "--transport", "--timeout", "--max-reply-size", "--spec", "--output", "-o",
    "--deploy-seconds",
  ]

  /// Completion needs the URL (for the cached document), never the key: no `api_key_cmd` runs.
  static func resolverWithoutKeys(_ config: ProfileConfig) -> ConnectionResolver {
    var r = ConnectionResolver(config: config)
    r.readsKeys = false
    return r
  }

  static func catalog() -> Catalog? {
    let paths = XDGPaths.fromEnvironment()
    if let config = try? ProfileStore(paths: paths).load(),
      case .remote(let connection)? = try? Self.resolverWithoutKeys(config).resolve(ConnectionSettings()),
      let catalog = SpecProvider(cacheDirectory: paths.cache).cachedCatalog(for: connection)
    {
      return catalog
    }
    return try? SpecOptions.bundledCatalog(cacheDirectory: paths.cache)
  }
}
