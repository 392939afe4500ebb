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
  /// Asserts that failed under `--keep-going`.
  var failedAsserts = 0
  /// The first failure `dok run --debug` continued past (exit code, error code).
  var continuedFailure: (Int32, String)?
  /// The debug hook already chose to abort this failure.
  var declined = false

  init(file: String = "<repl>") { currentFile = file }
}
