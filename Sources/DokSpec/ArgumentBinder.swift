import DokCore

/// Types a call's `name=value` arguments by the procedure's schema and validates them, so a
/// bad argument is an error naming the parameter before any request is sent.
public struct ArgumentBinder: Sendable {
  /// When false (`--no-validate`), unknown and missing parameters are allowed and values are
  /// sent as given.
  public var validate: Bool
  /// Reads `name=@path` files (relative to the working directory).
  public var readFile: @Sendable (String) throws -> String

  public init(validate: Bool = true, readFile: @escaping @Sendable (String) throws -> String = { try ArgumentFile.readText($0) })
  {
    self.validate = validate
    self.readFile = readFile
  }

  /// The JSON object of typed arguments, or the first argument error.
  public func bind(_ args: [CallArgument], to proc: Procedure) throws(CallError) -> JSONObject {
    let (object, errors) = run(args, proc, staticOnly: false)
    if let first = errors.first { throw first }
    return object
  }

  /// Every argument problem that can be known without running: unknown and missing
  /// parameters, bare words and literal values that cannot fit. `.deferred` values are not checked.
  public func check(_ args: [CallArgument], against proc: Procedure) -> [CallError] {
    run(args, proc, staticOnly: true).1
  }

  private func run(_ args: [CallArgument], _ proc: Procedure, staticOnly: Bool) -> (JSONObject, [CallError]) {
    var out = JSONObject()
    var errors: [CallError] = []
    func fail(_ message: String, _ arg: CallArgument?, parameter: String?, hints: [String] = []) {
      errors.append(
        CallError(
          kind: .argument, procedure: proc.name, message: message, parameter: parameter, hints: hints, location: arg?.location))
    }
    var given = Set<String>()
    var twins: [PathParameter] = []
    for arg in args {
      if !given.insert(arg.name).inserted {
        fail("parameter '\(arg.name)' is given twice", arg, parameter: arg.name)
        continue
      }
      guard let param = proc.parameter(named: arg.name) else {
        if let twin = PathParameter.named(arg.name, in: proc) {
          twins.append(twin)
          // With its id also given, "not both" (below) is the one error.
          let idGiven = args.contains { $0.name == twin.idParameter.name }
          if let problem = checkTwin(twin, arg, staticOnly: staticOnly || idGiven) { fail(problem, arg, parameter: arg.name) }
          continue
        }
        if validate {
          let names = proc.parameters.map(\.name)
          let close = Suggest.closest(to: arg.name, in: names)
          var hints = Suggest.didYouMean(close, quoted: true, separator: " or ").map { [$0] } ?? []
          hints.append(names.isEmpty ? "\(proc.name) takes no parameters" : "parameters: \(names.joined(separator: ", "))")
          fail("unknown parameter '\(arg.name)' for \(proc.name)", arg, parameter: arg.name, hints: hints)
          continue
        }
        if let v = try? untypedValue(arg) { out[arg.name] = v }
        continue
      }
      do throws(CallError) {
        if let v = try value(of: arg, for: param, staticOnly: staticOnly) { out[arg.name] = v }
      } catch {
        var e = error
        e.procedure = proc.name
        e.location = arg.location
        errors.append(e)
      }
    }
    for twin in twins where given.contains(twin.idParameter.name) {
      fail(
        "give '\(twin.idParameter.name)=' or '\(twin.name)=', not both", args.first { $0.name == twin.name },
        parameter: twin.name)
    }
    given.formUnion(twins.map(\.idParameter.name))
    if validate {
      for p in proc.parameters where p.required && !given.contains(p.name) {
        fail(
          "missing required parameter '\(p.name)' (\(p.schema.typeDescription)) for \(proc.name)", nil, parameter: p.name,
          hints: p.schema.nullable ? ["it may be null: \(p.name)=null"] : [])
      }
    }
    return (out, errors)
  }

  /// What is wrong with a `<kind>=PATH` argument, when it can be known: a path that cannot name
  /// its kind, or a value that is no path. Binding it is an error: a ``PathParameter`` is
  /// resolved to its id before binding (by the runtime's path resolver).
  private func checkTwin(_ twin: PathParameter, _ arg: CallArgument, staticOnly: Bool) -> String? {
    if case .deferred = arg.value { return nil }
    guard let text = PathParameter.text(of: arg.value) else {
      return "'\(twin.name)=' takes a path (\(twin.kind.pathForm)), as text"
    }
    if case .failure(let e) = twin.path(text) { return e.message }
    return staticOnly
      ? nil : "'\(twin.name)=\(text)' was not resolved to '\(twin.idParameter.name)' (this caller cannot read paths)"
  }

  private func untypedValue(_ arg: CallArgument) throws -> JSON? {
    switch arg.value {
    case .bare(let w): return Self.scriptValue(w)
    case .value(let v): return v
    case .json(let t) where t.hasPrefix("@"): return try JSONParser.parse(try readFile(String(t.dropFirst())))
    case .json(let t): return try JSONParser.parse(t)
    case .file(let p): return .string(try readFile(p))
    case .deferred: return nil
    }
  }

  /// Types a word the way script arguments are typed (no schema): numbers, booleans, null, text.
  public static func scriptValue(_ w: String) -> JSON {
    switch w {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default:
      if let d = Double(w), d.isFinite, w.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
        !w.contains(where: { $0 == "x" || $0 == "X" || $0 == "_" })
      {
        return .number(d)
      }
      return .string(w)
    }
  }

  private func argumentError(_ message: String, _ param: Parameter, hints: [String] = []) -> CallError {
    CallError(kind: .argument, message: message, parameter: param.name, hints: hints)
  }

  private func value(of arg: CallArgument, for param: Parameter, staticOnly: Bool) throws(CallError) -> JSON? {
    let schema = param.schema
    switch arg.value {
    case .deferred:
      return nil
    case .bare(let word):
      return try typeBareWord(word, param)
    case .value(let v):
      try checkFits(v, param, written: "value")
      return v
    case .json(let written) where written.hasPrefix("@"):
      // `key:=@file.json`: the file's text parsed as JSON.
      if staticOnly { return nil }
      let path = String(written.dropFirst())
      let text: String
      do {
        text = try readFile(path)
      } catch {
        throw argumentError("cannot read '@\(path)' for '\(param.name)': \(error)", param)
      }
      let v: JSON
      do {
        v = try JSONParser.parse(text)
      } catch {
        throw argumentError("'\(param.name):=@\(path)' needs a JSON file: \(error.message) at column \(error.column)", param)
      }
      try checkFits(v, param, written: "JSON")
      return v
    case .json(let text):
      let v: JSON
      do {
        v = try JSONParser.parse(text)
      } catch {
        throw argumentError("'\(param.name):=' needs JSON: \(error.message) at column \(error.column)", param)
      }
      try checkFits(v, param, written: "JSON")
      return v
    case .file(let path):
      if staticOnly { return nil }
      let text: String
      do {
        text = try readFile(path)
      } catch {
        throw argumentError("cannot read '@\(path)' for '\(param.name)': \(error)", param)
      }
      if !schema.allowsString {
        throw argumentError("'\(param.name)' expects \(schema.typeDescription), not the text of a file", param)
      }
      return .string(text)
    }
  }

  /// Types a bare word by the schema: text wins where a string is allowed; `null` only where
  /// null is allowed; numbers and booleans where the schema says so; enums must match.
  public func typeBareWord(_ word: String, _ param: Parameter) throws(CallError) -> JSON {
    let schema = param.schema
    if word == "null" {
      if schema.nullable || (schema.types.isEmpty && schema.alternatives.isEmpty) { return .null }
      throw argumentError(
        "'\(param.name)' cannot be null (expected \(schema.typeDescription))", param,
        hints: schema.allowsString ? ["quote it for the text: \(param.name)=\"null\""] : [])
    }
    if let allowed = schema.enumValues, !allowed.isEmpty {
      for v in allowed {
        switch v {
        case .string(let s) where s == word: return v
        case .number(let n) where Double(word) == n: return v
        case .bool(let b) where (b ? "true" : "false") == word: return v
        default: continue
        }
      }
      throw argumentError(
        "'\(param.name)' must be one of \(allowed.map(display).joined(separator: ", ")); got '\(word)'", param)
    }
    if schema.allowsString { return .string(word) }
    if schema.allows(.integer) || schema.allows(.number) {
      // Digits, a point, a sign, an exponent (`1e2`); not `inf`, `nan` or hex, which Double reads too.
      if let d = Double(word), d.isFinite, word.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) {
        let digits = word.drop { $0 == "-" || $0 == "+" }
        if Swift.abs(d) >= 9_007_199_254_740_992, d < 1.8e19, digits.allSatisfy(\.isNumber),
          String(UInt64(Swift.abs(d))) != String(digits.drop { $0 == "0" })
        {
          throw argumentError("'\(param.name)': \(word) is beyond ±2^53 and would be rounded", param)
        }
        if !schema.allows(.number) && schema.allows(.integer) && d != d.rounded() {
          throw argumentError("'\(param.name)' expects an integer; got '\(word)'", param)
        }
        return .number(d)
      }
    }
    if schema.allows(.boolean), word == "true" || word == "false" { return .bool(word == "true") }
    var hints: [String] = []
    if schema.allows(.array) || schema.allows(.object) {
      hints.append("write JSON with :=, e.g. \(param.name):=\(schema.allows(.array) ? "[…]" : "{…}")")
    }
    throw argumentError("'\(param.name)' expects \(schema.typeDescription); got '\(word)'", param, hints: hints)
  }

  private func display(_ v: JSON) -> String { v.stringValue ?? v.compactText }

  private func checkFits(_ v: JSON, _ param: Parameter, written: String) throws(CallError) {
    let schema = param.schema
    let t: JSONType
    switch v {
    case .null: t = .null
    case .bool: t = .boolean
    case .number(let n): t = n == n.rounded() ? .integer : .number
    case .string: t = .string
    case .array: t = .array
    case .object: t = .object
    }
    guard schema.allows(t) else {
      var hints: [String] = []
      if case .string(let s) = v, !schema.allowsString, !s.isEmpty {
        if written == "JSON" {
          hints.append("\"\(s)\" is a JSON string; write \(param.name):=\(s) for the JSON value")
        } else {
          hints.append("a quoted value stays text; write it bare (\(param.name)=\(s)) to have it typed")
        }
      }
      throw argumentError(
        "'\(param.name)' expects \(schema.typeDescription); got \(v.isNull ? "null" : "\(v.typeName) \(truncated(v))")", param,
        hints: hints)
    }
    if let allowed = schema.enumValues, !allowed.isEmpty, !v.isNull, !allowed.contains(v) {
      throw argumentError(
        "'\(param.name)' must be one of \(allowed.map(display).joined(separator: ", ")); got \(truncated(v))", param)
    }
  }

  private func truncated(_ v: JSON) -> String {
    let s = v.compactText
    return s.count > 60 ? String(s.prefix(57)) + "…" : s
  }
}
