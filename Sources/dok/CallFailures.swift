import DokCore

/// A call's failure: one error, or every argument problem found before sending.
struct CallFailures: Error {
  /// At least one.
  var errors: [CallError]
  init(_ errors: [CallError]) { self.errors = errors }
}
