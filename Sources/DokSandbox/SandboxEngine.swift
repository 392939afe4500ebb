import DokCore
import Synchronization

/// The sandbox's core, independent of HTTP: validates input against the procedure table, runs
/// the procedure on the state under a lock, and saves the state file after each mutation.
public final class SandboxEngine: Sendable {
  private let state: Mutex<SandboxState>
  private let stateFile: StateFile?
  private let document = Mutex<(JSON, [UInt8])>((.null, []))

  /// Loads the state file (when given) or starts empty.
  public init(deploySeconds: Double = 3, statePath: String? = nil) throws {
    stateFile = statePath.map(StateFile.init(path:))
    stateFile?.removeStaleTemporaries()
    if let file = stateFile, let json = try file.load() {
      state = Mutex(SandboxState(json: json, deploySeconds: deploySeconds))
    } else {
      state = Mutex(SandboxState(deploySeconds: deploySeconds))
    }
  }

  /// Sets the base URL the OpenAPI document advertises (`http://127.0.0.1:PORT/api`).
  public func setServerURL(_ url: String) {
    let doc = OpenAPIDocument.build(serverURL: url)
    let bytes = JSONWriter.compactBytes(doc)
    document.withLock { $0 = (doc, bytes) }
  }

  /// The OpenAPI document `settings.getOpenApiDocument` returns.
  public var openAPIDocument: JSON { document.withLock { $0.0 } }

  /// The document's compact text, serialized once.
  var openAPIDocumentBytes: [UInt8] { document.withLock { $0.1 } }

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
