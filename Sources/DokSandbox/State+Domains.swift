import DokCore

extension SandboxState {
  /// Zod's refinements of a domain's host (validations/domain.ts:9-18, utils/hostname-validation.ts):
  /// no surrounding spaces, then an RFC 1123 hostname.
  static func checkHost(_ host: String) throws(SandboxError) {
    func fail(_ message: String) -> SandboxError {
      SandboxError(
        .BAD_REQUEST, "Input validation failed",
        issues: [["code": "custom", "path": ["host"], "message": .string(message)]])
    }
    guard !host.isEmpty else { return }
    if host != host.trimming() { throw fail("Domain name cannot have leading or trailing spaces") }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    let valid = labels.allSatisfy { label in
      label.count >= 1 && label.count <= 63 && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
    if !valid {
      throw fail(
        "Invalid domain name. Use only letters, numbers, hyphens and dots (e.g. example.com). Underscores are not allowed.")
    }
  }

  /// The domain with this id, or 404.
  func requireDomain(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let d = domains[id] else { throw .notFound("Domain") }
    return d
  }
}
