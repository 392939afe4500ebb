import DokCore
import Synchronization

/// The sandbox's core, independent of HTTP: validates input against the procedure table, runs
/// the procedure on the state under a lock, and saves the state file after each mutation.
public final class SandboxEngine: Sendable {
  private let state: Mutex<SandboxState>
  private let stateFile: StateFile?
  private let document = Mutex<(text: [UInt8], parsed: JSON?)>((Array(OpenAPIDocument.text(serverURL: "http://127.0.0.1/api").utf8), nil))

  /// Loads the state file (when given) or starts empty. `queueDelay` is how long a queued
  /// deploy waits before the worker takes it; `deploySeconds` how long the build then runs.
  public init(deploySeconds: Double = 3, queueDelay: Double = 1, statePath: String? = nil) throws {
    stateFile = statePath.map(StateFile.init(path:))
    stateFile?.removeStaleTemporaries()
    if let file = stateFile, let json = try file.load() {
      state = Mutex(SandboxState(json: json, deploySeconds: deploySeconds, queueDelay: queueDelay))
    } else {
      state = Mutex(SandboxState(deploySeconds: deploySeconds, queueDelay: queueDelay))
    }
  }

  /// Sets the base URL the OpenAPI document advertises (`http://127.0.0.1:PORT/api`).
  public func setServerURL(_ url: String) {
    let bytes = Array(OpenAPIDocument.text(serverURL: url).utf8)
    document.withLock { $0 = (bytes, nil) }
  }

  /// The OpenAPI document `settings.getOpenApiDocument` returns (the real Dokploy document
  /// naming this sandbox in `servers`), parsed on first use.
  public var openAPIDocument: JSON {
    if let parsed = document.withLock({ $0.parsed }) { return parsed }
    let bytes = openAPIDocumentBytes
    let parsed = bytes.withUnsafeBufferPointer { (try? JSONParser.parse($0)) ?? .null }
    document.withLock { if $0.text == bytes { $0.parsed = parsed } }
    return parsed
  }

  /// The document's text, as served.
  var openAPIDocumentBytes: [UInt8] { document.withLock { $0.text } }

  /// Validates `input` (nil = none given) against `spec` and runs it.
  /// Returns nil for "no value" (an empty 200 body).
  public func call(_ spec: ProcedureSpec, input: JSON?) throws(SandboxError) -> JSON? {
    var args = JSONObject()
    if let schema = spec.input {
      var v = InputValidator()
      let checked = v.check(input, schema, path: [])
      if !v.issues.isEmpty { throw SandboxError(.BAD_REQUEST, "Input validation failed", issues: v.issues) }
      args = checked?.objectValue ?? JSONObject()
    }
    if spec.name == "settings.getOpenApiDocument" { return openAPIDocument }
    let now = Support.now()
    if spec.kind == .query {
      return try state.withLock { (s: inout SandboxState) throws(SandboxError) -> JSON? in
        try s.call(spec.name, args, now: now)
      }
    }
    let file = stateFile
    return try state.withLock { (s: inout SandboxState) throws(SandboxError) -> JSON? in
      let result = try s.call(spec.name, args, now: now)
      if let file {
        do throws(StateFile.Failure) {
          try file.save(s.json)
        } catch {
          throw SandboxError(.INTERNAL_SERVER_ERROR, "Could not save the sandbox state: \(error.description)")
        }
      }
      return result
    }
  }

  /// Runs a procedure by name; unknown names are NOT_FOUND.
  public func call(_ name: String, input: JSON?) throws(SandboxError) -> JSON? {
    guard let spec = ProcedureTable.byName[name] else {
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"\(name)\"")
    }
    return try call(spec, input: input)
  }
}
