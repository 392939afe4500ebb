import DokCore

/// A failure a procedure reports to the client, with tRPC's error code.
public struct SandboxError: Error, Sendable, Equatable {
  /// tRPC error codes the sandbox uses, with their HTTP statuses and JSON-RPC numbers.
  public enum Code: String, Sendable {
    case BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_SUPPORTED, CONFLICT, PRECONDITION_FAILED
    case UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, TIMEOUT, PARSE_ERROR, INTERNAL_SERVER_ERROR

    /// The HTTP status tRPC maps this code to.
    public var httpStatus: Int {
      switch self {
      case .BAD_REQUEST, .PARSE_ERROR: 400
      case .UNAUTHORIZED: 401
      case .FORBIDDEN: 403
      case .NOT_FOUND: 404
      case .METHOD_NOT_SUPPORTED: 405
      case .CONFLICT: 409
      case .PRECONDITION_FAILED: 412
      case .UNSUPPORTED_MEDIA_TYPE: 415
      case .PAYLOAD_TOO_LARGE: 413
      case .TIMEOUT: 408
      case .INTERNAL_SERVER_ERROR: 500
      }
    }

    /// The JSON-RPC 2.0 number tRPC puts in its error envelope.
    public var rpcNumber: Int {
      switch self {
      case .PARSE_ERROR: -32700
      case .BAD_REQUEST: -32600
      case .INTERNAL_SERVER_ERROR: -32603
      case .UNAUTHORIZED: -32001
      case .FORBIDDEN: -32003
      case .NOT_FOUND: -32004
      case .METHOD_NOT_SUPPORTED: -32005
      case .CONFLICT: -32009
      case .PRECONDITION_FAILED: -32012
      case .UNSUPPORTED_MEDIA_TYPE: -32015
      case .PAYLOAD_TOO_LARGE: -32013
      case .TIMEOUT: -32008
      }
    }
  }

  /// The tRPC code (decides the HTTP status).
  public var code: Code
  /// The human-readable message (`"Application not found"`).
  public var message: String
  /// Zod issues, for input validation failures.
  public var issues: [JSON]?

  /// An error with a code, message and optional Zod issues.
  public init(_ code: Code, _ message: String, issues: [JSON]? = nil) {
    self.code = code
    self.message = message
    self.issues = issues
  }

  /// `"<Thing> not found"` (404), the real server's wording.
  public static func notFound(_ thing: String) -> SandboxError { SandboxError(.NOT_FOUND, "\(thing) not found") }

  /// A 400 with a plain message.
  public static func badRequest(_ message: String) -> SandboxError { SandboxError(.BAD_REQUEST, message) }
}
