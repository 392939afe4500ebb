import DokCore
import Foundation

/// The `.dok` interpreter of a script run or a REPL session: variables, `$_`, the kept
/// `$1…$N`, recorded test cases. Statements run one entry at a time with
/// ``execute(source:file:)``; everything is kept between entries, except the per-run
/// bookkeeping in ``RunState``. Use an interpreter from one task at a time.
public final class Interpreter: @unchecked Sendable {
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
  @exclusivity(unchecked) var traceValue: JSON?
  /// `--trace`: the calls of the statement being traced, their arguments as written and as sent.
  @exclusivity(unchecked) var traceCalls: [(written: String, shown: String)] = []
  /// The calls' results and other values read by the statement being evaluated, in order,
  /// and how many of them this evaluation has used (see ``observe(_:)``).
  @exclusivity(unchecked) var replayLog: [JSON] = []
  @exclusivity(unchecked) var cursor = 0
  /// The statement being run again after a call it made (it is not traced again).
  @exclusivity(unchecked) var resuming = false
  /// The arguments of the last call made (a top-level call statement reports them).
  var lastCallArguments: [CallArgument] = []

  /// `$_`: the last call result (`null` before any call).
  public internal(set) var lastResult: JSON = .null
  /// `$1`, `$2`, …: the successful call results still kept (the last 10,000), oldest first;
  /// the first of them is `$firstResultNumber`.
  public var results: [JSON] { history.kept }
  /// How many call results this session has recorded (the N of the latest `$N`).
  public var resultCount: Int { history.count }
  /// The number of the oldest result still kept.
  public var firstResultNumber: Int { history.firstKept }
  /// The result `$n`, or nil when there is none or it is no longer kept.
  public func result(_ n: Int) -> JSON? { history.result(n) }
  var history = ResultHistory()
  /// Script arguments by slot: the value set and the text it was given (nil for `k:=json`).
  var argumentTexts: [Int: (JSON, String?)] = [:]
  /// Every executed `assert`, failed `wait` and uncaught error, for JUnit/TAP reports.
  public internal(set) var testCases: [TestCase] = []

  /// The bookkeeping of the run in progress (file, `try`/block depth, …): saved by copying,
  /// reset by assigning `RunState()`.
  @exclusivity(unchecked) var state = RunState()
  var sources: [String: String] = [:]

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

  /// Sets script arguments (`dok run f.dok k=v k2:=json`): each becomes `$k`, typed like a
  /// bare word, and remembers its text for string parameters and interpolation. Nil when all
  /// were set; else the problem with the first bad one (nothing is set then).
  public func setArguments(_ words: [String]) -> Diagnostic? {
    switch Script.arguments(words) {
    case .failure(let d): return d
    case .success(let list):
      for a in list { setArgument(a) }
      return nil
    }
  }

  /// Sets one script argument.
  public func setArgument(_ a: ScriptArgument) {
    setVariable(a.name, a.value)
    let slot = symbols.slot(for: a.name)
    argumentTexts[slot] = (a.value, a.text)
  }

  /// The text a script argument was given, while `slot` still holds that argument's value.
  @inline(__always)
  func argumentText(_ slot: Int) -> String? {
    guard !argumentTexts.isEmpty, let (v, text) = argumentTexts[slot], let text, slot < slotCapacity, slots[slot] == v else {
      return nil
    }
    return text
  }

  /// The arguments whose variables still hold them, as the check sees them: a `k=v` argument
  /// as its bare word, a `k:=json` one as its value.
  var unchangedArguments: [Int: CallArgument.Value] {
    var out: [Int: CallArgument.Value] = [:]
    for (slot, (v, text)) in argumentTexts where slot < slotCapacity && slots[slot] == v {
      out[slot] = text.map { .bare($0) } ?? .value(v)
    }
    return out
  }

  /// The text of a file run in this session (for ``DiagnosticRenderer``'s source lookup).
  public func sourceText(file: String) -> String? { sources[file] }

  /// A renderer that quotes lines from the files this session ran.
  public func renderer(color: Bool = false) -> DiagnosticRenderer {
    DiagnosticRenderer(color: color, sources: { [self] in sourceText(file: $0) })
  }

  // MARK: Helpers for nodes

  func location(_ pos: Pos) -> SourceLocation {
    pos.location(in: state.currentFile)
  }

  func fail(_ message: String, _ pos: Pos) -> Failure { .runtime(message, location(pos)) }

  /// The source text of `span` in the running file (first line only), for messages.
  func snippet(_ span: Span) -> String {
    guard let text = sources[state.currentFile] else { return "" }
    let u = text.utf8
    let lo = min(Int(span.start), u.count), hi = min(Int(span.end), u.count)
    let bytes = u[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]
    let line = bytes.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? bytes[...]
    return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }

  func undefined(_ name: String, _ pos: Pos) -> Failure {
    let known = variables.map(\.name) + ["_"]
    var msg = "undefined variable $\(name)"
    if let hint = Suggest.didYouMean(Suggest.closest(to: name, in: known, limit: 1).map { "$" + $0 }) { msg += " (\(hint))" }
    return fail(msg, pos)
  }

  /// Makes a call result `$_` and the next `$N`. (A wait's own call passes `record: false`:
  /// the wait records its final result itself; calls in its condition are recorded.)
  func record(_ v: JSON) {
    lastResult = v
    history.append(v)
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
        result: result, resultIndex: history.count, location: location(call.pos)))
  }

  func recordAssert(_ st: AssertStmt, passed: Bool, message: String) {
    testCases.append(
      TestCase(kind: .assert, file: state.currentFile, line: Int(st.pos.line), source: st.text, passed: passed, message: message))
  }

  func recordWait(_ st: WaitStmt, passed: Bool, message: String, duration: Double) {
    guard !passed else { return }
    testCases.append(
      TestCase(
        kind: .wait, file: state.currentFile, line: Int(st.pos.line), source: st.text, passed: false, message: message,
        duration: duration))
  }
}
