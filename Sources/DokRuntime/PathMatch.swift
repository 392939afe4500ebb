import DokCore

/// How a name in a path matches: exactly one candidate, or the `NOT_FOUND` error (with "did
/// you mean") or the `AMBIGUOUS` error (each candidate with its id) that stops the call.
enum PathMatch {
  /// The one match, or the error for none or several.
  static func one<T>(
    _ matches: [T], named name: String, kind: String, among names: [String], id: (T) -> String, within: String? = nil
  ) throws(CallError) -> T {
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      throw notFound("no \(kind) named '\(name)'\(within.map { " in \($0)" } ?? "")", name: name, among: names)
    }
    throw CallError(
      kind: .api, message: "'\(name)' names \(matches.count) of \(kind)s\(within.map { " in \($0)" } ?? ""); use the id",
      code: "AMBIGUOUS", hints: matches.map { "\(kind) \(id($0))" })
  }

  /// `NOT_FOUND` for `name`, with the closest of `names`.
  static func notFound(_ message: String, name: String, among names: [String], extra: [String] = []) -> CallError {
    let close = Suggest.closest(to: name, in: Set(names).sorted())
    let hints = (Suggest.didYouMean(close, quoted: true, separator: " or ").map { [$0] } ?? []) + extra
    return CallError(kind: .api, message: message, code: "NOT_FOUND", hints: hints)
  }

  /// The project's default environment (`isDefault`; `production` on servers that do not mark it).
  static func defaultEnvironment(of project: ServerTree.Project) throws(CallError) -> ServerTree.Environment {
    if let e = project.environments.first(where: \.isDefault) ?? project.environments.first(where: { $0.name == "production" }) {
      return e
    }
    throw CallError(
      kind: .api, message: "project '\(project.name)' has no default environment", code: "NOT_FOUND",
      hints: ["name the environment: PROJECT/ENVIRONMENT/NAME"])
  }
}
