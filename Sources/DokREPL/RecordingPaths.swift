import DokCore
import DokRuntime
import DokSpec

/// How a recording travels: an id the session did not see created (typed, or read from a
/// listing) is written as the path that names it on the server — `application=shop/production/web`
/// instead of `applicationId=…` — when that path names exactly one thing there, so the recording
/// replays on another server with the same names. Ids of things the session created stay
/// references to the call that created them.
struct RecordingPaths {
  /// One argument that may become a path: entry `entry`'s `<kind>Id` argument, holding `id`.
  struct Candidate {
    var entry: Int
    var kind: PathParameter.Kind
    var id: String
  }

  /// Id → the names of the path that names it alone on the server (`shop`, `production`, `web`).
  let paths: [String: [String]]

  /// The unique full paths of `tree`'s projects, environments and named services. A name shared
  /// by two projects (or two environments of a project, or two services of one kind in an
  /// environment) gives no path for either: replaying it would be ambiguous.
  init(tree: ServerTree) {
    var paths: [String: [String]] = [:]
    let projectCounts = Self.counts(tree.projects.map(\.name))
    for p in tree.projects where projectCounts[p.name] == 1 {
      paths[p.id] = [p.name]
      let envCounts = Self.counts(p.environments.map(\.name))
      for e in p.environments where envCounts[e.name] == 1 {
        paths[e.id] = [p.name, e.name]
        let serviceCounts = Self.counts(e.services.compactMap { s in s.name.map { "\(s.kind.rawValue)/\($0)" } })
        for s in e.services {
          guard let name = s.name, serviceCounts["\(s.kind.rawValue)/\(name)"] == 1 else { continue }
          paths[s.id] = [p.name, e.name, name]
        }
      }
    }
    self.paths = paths
  }

  private static func counts(_ names: [String]) -> [String: Int] { names.reduce(into: [:]) { $0[$1, default: 0] += 1 } }

  /// `entries` with each candidate's `<kind>Id=VALUE` written `<kind>=PATH` where a path is
  /// known; the number of arguments rewritten.
  func rewrite(_ entries: [String], candidates: [Candidate]) -> (entries: [String], rewritten: Int) {
    var out = entries
    var rewritten = 0
    for c in candidates {
      guard let path = paths[c.id], c.entry < out.count else { continue }
      var text = out[c.entry]
      guard let value = RecordingText.argumentValue(c.kind.idName, in: text) else { continue }
      let nameStart = text.index(value.lowerBound, offsetBy: -(c.kind.idName.count + 1))
      text.replaceSubrange(
        nameStart..<value.upperBound, with: "\(c.kind.rawValue)=\(PathCompletion.write(path, final: true, quoted: false))")
      out[c.entry] = text
      rewritten += 1
    }
    return (out, rewritten)
  }
}
