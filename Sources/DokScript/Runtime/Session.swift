import DokCore

/// The state of a script run or a REPL session: variables, `$_`, `$1…$N`, recorded test
/// cases. Statements run one entry at a time with ``execute(source:file:)``; everything is
/// kept between entries. Use a session from one task at a time.
public final class Session: @unchecked Sendable {
  /// The outside world (calls, files, clock).
  public let host: any ScriptHost
  /// Where output goes.
  @exclusivity(unchecked) public var sink: any ScriptSink
  /// Applied to results before `--trace` shows them (masks secret-looking fields).
  public var traceRedactor: (@Sendable (JSON) -> JSON)?
  /// Trace, keep-going, debug, validate.
  public var options: ScriptOptions { didSet { tracing = options.trace } }

  let clock: any ScriptClock
  let symbols = SymbolTable()
  @exclusivity(unchecked) var slots: UnsafeMutablePointer<JSON?>
  @exclusivity(unchecked) var slotCapacity: Int
  @exclusivity(unchecked) var tracing: Bool
  @exclusivity(unchecked) var ticks: UInt32 = 0
  @exclusivity(unchecked) var depth = 0
  @exclusivity(unchecked) var traceValue: JSON?

  /// `$_`: the last call result (`null` before any call).
  public internal(set) var lastResult: JSON = .null
  /// `$1`, `$2`, …: every successful call result in order.
  public internal(set) var results: [JSON] = []
  /// Every executed `assert`, failed `wait` and uncaught error, for JUnit/TAP reports.
  public internal(set) var testCases: [TestCase] = []

  /// `.` inside `filter`/`map`/… and `wait`; nil means `$_`.
  @exclusivity(unchecked) var current: JSON?
  var currentFile = "<repl>"
  var sources: [String: String] = [:]
  @exclusivity(unchecked) var tryDepth = 0
  var suppressRecording = 0
  var sourceDepth = 0
  var failedAsserts = 0
  /// The first failure `dok run --debug` continued past (exit code, error code).
  var continuedFailure: (Int32, String)?
  /// The debug hook already chose to abort this failure.
  var declined = false

  /// A session calling through `host` and writing to `sink`.
  public init(host: any ScriptHost, sink: any ScriptSink = NullSink(), options: ScriptOptions = ScriptOptions()) {
    self.host = host
    self.sink = sink
    self.options = options
    self.clock = host.clock
    tracing = options.trace
    slotCapacity = 64
    slots = .allocate(capacity: 64)
    slots.initialize(repeating: nil, count: 64)
  }

  deinit {
    slots.deinitialize(count: slotCapacity)
    slots.deallocate()
  }

  func ensureSlots() {
    guard symbols.count > slotCapacity else { return }
    var cap = slotCapacity
    while cap < symbols.count { cap *= 2 }
    let fresh = UnsafeMutablePointer<JSON?>.allocate(capacity: cap)
    fresh.moveInitialize(from: slots, count: slotCapacity)
    (fresh + slotCapacity).initialize(repeating: nil, count: cap - slotCapacity)
    slots.deallocate()
    slots = fresh
    slotCapacity = cap
  }

  // MARK: Variables

  /// The defined variables, in order of first appearance (for completion).
  public var variables: [(name: String, value: JSON)] {
    var out: [(String, JSON)] = []
    for (i, name) in symbols.names.enumerated() where i < slotCapacity {
      if let v = slots[i] { out.append((name, v)) }
    }
    return out
  }

  /// The value of `$name`, or nil when it is not set.
  public func variable(_ name: String) -> JSON? {
    if name == "_" { return lastResult }
    guard let i = symbols.existing(name), i < slotCapacity else { return nil }
    return slots[i]
  }

  /// Sets `$name` (script arguments, REPL helpers).
  public func setVariable(_ name: String, _ value: JSON) {
    let i = symbols.slot(for: name)
    ensureSlots()
    slots[i] = value
  }

  /// The text of a file run in this session (for ``DiagnosticRenderer``'s source lookup).
  public func sourceText(file: String) -> String? { sources[file] }

  /// A renderer that quotes lines from the files this session ran.
  public func renderer(color: Bool = false) -> DiagnosticRenderer {
    DiagnosticRenderer(color: color, sources: { [self] in sourceText(file: $0) })
  }

  // MARK: Helpers for nodes

  func location(_ pos: Pos) -> SourceLocation {
    pos.location(in: currentFile)
  }

  func fail(_ message: String, _ pos: Pos) -> Failure { .runtime(message, location(pos)) }

  func undefined(_ name: String, _ pos: Pos) -> Failure {
    let known = variables.map(\.name) + ["_"]
    var msg = "undefined variable $\(name)"
    if let hint = Suggest.didYouMean(Suggest.closest(to: name, in: known, limit: 1).map { "$" + $0 }) { msg += " (\(hint))" }
    return fail(msg, pos)
  }

  /// Makes a call result `$_` and the next `$N`. (Calls inside a `wait` are not recorded:
  /// they pass `record: false`, and the wait records its final result itself.)
  func record(_ v: JSON) {
    lastResult = v
    results.append(v)
  }

  @inline(__always)
  func tick() throws(Failure) {
    ticks &+= 1
    if ticks & 0xFFF == 0 && Task.isCancelled { throw .cancelled }
  }

  func emitCall(_ call: CallExpr, _ args: [CallArgument], _ result: JSON, statement: String) {
    sink.call(
      CallEvent(
        procedure: call.procedure, arguments: args, argumentsText: call.argsText, statement: statement,
        result: result, resultIndex: results.count, location: location(call.pos)))
  }

  func recordAssert(_ st: AssertStmt, passed: Bool, message: String) {
    testCases.append(
      TestCase(kind: .assert, file: currentFile, line: Int(st.pos.line), source: st.text, passed: passed, message: message))
  }

  func recordWait(_ st: WaitStmt, passed: Bool, message: String, duration: Double) {
    guard !passed else { return }
    testCases.append(
      TestCase(
        kind: .wait, file: currentFile, line: Int(st.pos.line), source: st.text, passed: false, message: message,
        duration: duration))
  }
}
