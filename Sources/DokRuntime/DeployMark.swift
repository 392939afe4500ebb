import DokCore
import DokScript
import DokSpec

/// What tells the deployment a call queued from everyone else's. Dokploy's queued procedures
/// take an optional `title` and `description`, and the row the worker creates carries them; one
/// worker takes the jobs in order, so one service's rows appear in queue order.
///
/// When the call gives no `description`, dok adds one that names the run and is unique
/// (`dok 3fa9c01b (deploy.dok:12)`): the one new row carrying it is ours, whatever else is queued.
/// When the user gave their own, the new rows carrying it are candidates; the server's queue
/// (`deployment.queueList`, read just before the call) says how many of them are ahead of ours.
/// Without the queue, a second candidate makes the deploy ambiguous rather than a guess.
struct DeployMark: Sendable {
  /// The row field that marks ours: `description` (or `title` on a document without it); nil: none.
  var field: String?
  /// Its value as sent; nil when it cannot be known before sending (`description=@file`).
  var value: String?
  /// True when dok added the `description`: it is unique.
  var added: Bool
  /// How many new rows with the same mark the server creates before ours; nil when unknown.
  var ahead: Int?

  /// The decision about a list of new rows.
  enum Choice {
    case ours(JSON)
    case notYet
    case ambiguous([JSON])
  }

  /// The mark of a request, and the arguments to send (with dok's `description` when it added one).
  static func make(_ request: DeployRequest, catalog: Catalog) -> (DeployMark, [CallArgument]) {
    let parameters = Set(catalog.procedure(named: request.procedure)?.parameters.map(\.name) ?? [])
    let field = parameters.contains("description") ? "description" : parameters.contains("title") ? "title" : nil
    guard let field else { return (DeployMark(field: nil, value: nil, added: false), request.arguments) }
    if let given = request.arguments.first(where: { $0.name == field }) {
      return (DeployMark(field: field, value: text(of: given.value), added: false), request.arguments)
    }
    guard field == "description" else { return (DeployMark(field: nil, value: nil, added: false), request.arguments) }
    let value = description(for: request.location)
    let argument = CallArgument(name: "description", value: .value(.string(value)))
    return (DeployMark(field: field, value: value, added: true), request.arguments + [argument])
  }

  /// `dok 3fa9c01b (deploy.dok:12)`, `dok 3fa9c01b (dok call)`, `dok 3fa9c01b (REPL)`.
  static func description(for location: SourceLocation?) -> String {
    let token = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let padded = String(repeating: "0", count: max(0, 8 - token.count)) + token
    var place = "dok call"
    if let location, location.file != "dok call" {
      let file = location.file.split(separator: "/").last.map(String.init) ?? location.file
      place = file == "<repl>" || file == "<debug>" ? "REPL" : "\(file):\(location.line)"
    }
    return "dok \(padded) (\(place))"
  }

  private static func text(of value: CallArgument.Value) -> String? {
    switch value {
    case .bare(let w): w
    case .value(.string(let s)): s
    case .value(let v): v.compactText
    case .json(let t): (try? JSONParser.parse(t))?.stringValue ?? t
    case .file, .deferred: nil
    }
  }

  /// Whether a deployment row carries this mark.
  func matches(_ row: JSON) -> Bool {
    guard let field, let value else { return true }
    return row[field]?.stringValue == value
  }

  /// Whether a job of `deployment.queueList` deploys `target` and carries this mark.
  func matches(job: JSON, target: DeployTarget) -> Bool {
    guard let data = job["data"], data[target.idParameter]?.stringValue == target.id else { return false }
    guard let field, let value else { return true }
    return data[field + "Log"]?.stringValue == value
  }

  /// Our row among the new rows (oldest first), if it is there yet.
  func choose(_ fresh: [JSON]) -> Choice {
    let candidates = fresh.filter(matches)
    if added {
      return candidates.count == 1 ? .ours(candidates[0]) : candidates.isEmpty ? .notYet : .ambiguous(candidates)
    }
    if let ahead { return candidates.count > ahead ? .ours(candidates[ahead]) : .notYet }
    return candidates.count == 1 ? .ours(candidates[0]) : candidates.isEmpty ? .notYet : .ambiguous(candidates)
  }

  /// How the mark reads in a message: `description "nightly"`, `no title or description`.
  var wording: String {
    guard let field else { return "no title or description" }
    return value.map { "\(field) \(JSON.string($0).compactText)" } ?? "a \(field) read from a file"
  }
}
