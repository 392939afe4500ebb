import DokClient

/// The client's session is the caller scripts, deploys and logs go through.
extension DokSession: ProcedureCaller {}
