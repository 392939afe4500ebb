import DokCore

/// The per-run bookkeeping of an ``Interpreter`` (everything that is not a variable, a result
/// or an option). A nested REPL entry saves it by copying and restores the copy; a new run
/// starts from `RunState(file:)`.
struct RunState {
  /// The file whose statements are running (locations name it).
  var currentFile = "<repl>"
  /// `.` inside `filter`/`map`/… and `wait`; nil means `$_`.
  var current: JSON?
  /// Block nesting: only top-level statements show their value.
  var depth = 0
  /// Enclosing `try` blocks (`--keep-going` and `--debug` leave failures inside them alone).
  var tryDepth = 0
  /// Inside a `wait until` condition: a path through null gives null instead of an error.
  var nullPaths = false
  /// Enclosing `source` statements.
  var sourceDepth = 0
  /// The worst failure the run went on past (exit code, error code): under `--keep-going` a
  /// failed assert or call, under `--debug` any failure `:continue` resumed after (see
  /// ``ExitStatus/worse(_:_:)``).
  var keptGoing: (code: Int32, name: String)?
  /// The call being sent; still set after Ctrl-C cancelled it (its effect may then be unknown).
  var callInFlight: (procedure: String, location: SourceLocation)?
  /// The debug hook already chose to abort this failure.
  var declined = false

  init(file: String = "<repl>") { currentFile = file }

  /// Notes a failure `--keep-going` went on past; the worst one decides the run's exit code.
  mutating func wentOn(past code: Int32, _ name: String) {
    if let kept = keptGoing, ExitStatus.worse(kept.code, code) == kept.code { return }
    keptGoing = (code, name)
  }
}
