import ArgumentParser

/// `dok --generate-completion-script SHELL`: ArgumentParser's script, with one change for bash.
///
/// A parameter name completes as `name=` (what `dok complete` returns), and the value follows
/// with no space between. bash would add a space after the one candidate and, with
/// `-o filenames`, quote the `=`; the wrapper below turns both off when every candidate ends in
/// `=`. zsh and fish get ArgumentParser's scripts as they are (and the name without `=`).
enum CompletionScript {
  /// The shell named by `--generate-completion-script SHELL` (or `=SHELL`); nil when the line
  /// asks for none, or names no shell dok patches (ArgumentParser answers those).
  static func requested(_ args: [String]) -> CompletionShell? {
    let option = "--generate-completion-script"
    for (i, a) in args.enumerated() {
      if a == option, i + 1 < args.count { return CompletionShell(rawValue: args[i + 1]).flatMap(patched) }
      if a.hasPrefix(option + "=") { return CompletionShell(rawValue: String(a.dropFirst(option.count + 1))).flatMap(patched) }
    }
    return nil
  }

  private static func patched(_ shell: CompletionShell) -> CompletionShell? { shell == .bash ? shell : nil }

  /// The script for `shell`, ending in a newline.
  static func text(for shell: CompletionShell) -> String {
    let script = Dok.completionScript(for: shell)
    guard shell == .bash else { return script }
    return bash(script)
  }

  /// The line ArgumentParser ends its bash script with.
  static let bashRegistration = "complete -o filenames -F _dok dok"

  /// ArgumentParser's bash script registering `_dok_nospace` instead of `_dok`.
  static func bash(_ script: String) -> String {
    var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeAll { $0 == bashRegistration }
    while lines.last?.isEmpty == true { lines.removeLast() }
    lines += [
      "",
      "# dok: a parameter name completes as `name=`; its value follows with no space and the `=` unquoted.",
      "_dok_nospace() {",
      "    _dok \"$@\"",
      "    [[ ${#COMPREPLY[@]} -gt 0 ]] || return 0",
      "    local candidate",
      "    for candidate in \"${COMPREPLY[@]}\"; do",
      "        [[ \"${candidate}\" == *= ]] || return 0",
      "    done",
      "    compopt -o nospace +o filenames 2>/dev/null",
      "    return 0",
      "}",
      "",
      "complete -o filenames -F _dok_nospace dok",
      "",
    ]
    return lines.joined(separator: "\n")
  }
}
