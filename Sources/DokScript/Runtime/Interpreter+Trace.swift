import DokCore

extension Interpreter {
  /// Notes the arguments a call is about to be sent with, as `--trace` shows them: every value
  /// resolved (`applicationId="abc123"`, not `applicationId=$a.applicationId`), `null` as null,
  /// secret-looking fields masked by ``traceRedactor``. The statement's trace line shows these
  /// in place of the arguments as written.
  func traceArguments(_ call: CallExpr, _ args: [CallArgument]) {
    guard !call.argsText.isEmpty else { return }
    var values = JSONObject()
    for a in args { if case .value(let v) = a.value { values[a.name] = v } }
    let shownValues = traceRedactor.map { $0(.object(values)) } ?? .object(values)
    let words = args.map { a -> String in
      switch a.value {
      case .bare(let w): return "\(a.name)=\(w)"
      case .json(let t): return "\(a.name):=\(t)"
      case .file(let p): return "\(a.name)=@\(p)"
      case .deferred: return "\(a.name)=…"
      case .value(let v): return "\(a.name)=\(Values.show(shownValues[a.name] ?? v, limit: 80))"
      }
    }
    let shown = words.joined(separator: " ")
    if let i = traceCalls.firstIndex(where: { $0.written == call.argsText }) {
      traceCalls[i].shown = shown
    } else {
      traceCalls.append((call.argsText, shown))
    }
  }

  /// The statement's first line with each traced call's arguments shown as they were sent.
  func tracedText(_ st: Stmt) -> String {
    var text = st.text
    for (written, shown) in traceCalls {
      if let r = text.range(of: written) { text.replaceSubrange(r, with: shown) }
    }
    return text
  }
}
