import DokCore
import DokSpec

/// `dok export PATH`: reads a project (or one environment, or one service) from a server — read
/// calls only — and writes a runbook that recreates it on another server. The runbook names
/// things by path, never by id; secrets (passwords, tokens, secret-looking environment
/// variables) are read with `env("…")` and listed in its header; it refuses, before any change,
/// when what it creates already exists on the target.
public struct RunbookExporter: Sendable {
  /// What is exported.
  public enum Scope: Sendable, Equatable {
    case project(String)
    case environment(project: String, environment: String)
    case service(project: String, environment: String, kind: PathParameter.Kind, name: String)
  }

  let caller: any ProcedureCaller
  let catalog: Catalog
  let policy: SecretPolicy

  /// An exporter reading through `caller` (wrap it in ``ReadOnlyCaller`` to be sure nothing is
  /// changed); `policy` decides which environment variable names are secrets.
  public init(caller: any ProcedureCaller, catalog: Catalog, policy: SecretPolicy = SecretPolicy()) {
    self.caller = (caller as? PathResolvingCaller)?.base ?? caller
    self.catalog = catalog
    self.policy = policy
  }

  /// What `path` names: a project (`shop`), an environment (`shop/staging`) or a service
  /// (`shop/staging/web`, or `shop/web` in the default environment). Reads the listing.
  public func scope(of path: ResourcePath) async throws(CallError) -> Scope {
    let resolver = PathResolver(caller: caller, catalog: catalog)
    let tree = try await resolver.tree()
    let projectId = try await resolver.id(of: .project, at: ResourcePath(segments: [path.segments[0]]))
    let project = tree.projects.first { $0.id == projectId }!
    switch path.segments.count {
    case 1: return .project(project.name)
    case 2 where project.environments.contains(where: { $0.name == path.segments[1] }):
      return .environment(project: project.name, environment: path.segments[1])
    case 2, 3:
      let service = try await resolver.service(at: path)
      let environment =
        path.segments.count == 3 ? path.segments[1] : try PathMatch.defaultEnvironment(of: project).name
      return .service(project: project.name, environment: environment, kind: service.kind, name: path.segments.last!)
    default:
      throw CallError(
        kind: .argument,
        message: "'\(path)' has \(path.segments.count) names: export PROJECT, PROJECT/ENVIRONMENT or a service's path")
    }
  }

  /// The runbook for `scope`. `source` names where it was read (for the header);
  /// `.placeholder` secrets make a rehearsal's copy (no environment variables needed).
  public func runbook(_ scope: Scope, source: String, secrets: RunbookSecrets = .environment) async throws(CallError) -> String {
    let resolver = PathResolver(caller: caller, catalog: catalog)
    let projectName: String
    switch scope {
    case .project(let p), .environment(let p, _), .service(let p, _, _, _): projectName = p
    }
    let projectId = try await resolver.id(of: .project, at: ResourcePath(segments: [projectName]))
    let project = try await read("project.one", "projectId", projectId)
    var body = ExportBody(text: RunbookText(policy: policy), project: projectName)
    let environments = (project["environments"]?.arrayValue ?? []).filter { e in
      switch scope {
      case .project: true
      case .environment(_, let name), .service(_, let name, _, _): e["name"]?.stringValue == name
      }
    }
    // Default environment first (it comes with the project), the others in their order.
    let ordered =
      environments.filter { $0["isDefault"]?.boolValue == true } + environments.filter { $0["isDefault"]?.boolValue != true }
    let defaultName =
      (project["environments"]?.arrayValue ?? []).first { $0["isDefault"]?.boolValue == true }?["name"]?.stringValue
      ?? "production"
    var counts = (environments: 0, services: 0)
    body.refusal(scope, defaultEnvironment: defaultName)
    body.containers(scope, project: project, defaultEnvironment: defaultName)
    for environment in ordered {
      let envName = environment["name"]?.stringValue ?? ""
      counts.environments += 1
      // A service's export creates no environment of its own (``ExportBody/containers``).
      if case .service = scope {
      } else {
        body.environment(environment, isDefault: environment["isDefault"]?.boolValue == true)
      }
      for kind in PathParameter.Kind.services {
        for row in environment[ServerTree.listKey(kind)]?.arrayValue ?? [] {
          let name = row["name"]?.stringValue ?? ""
          if case .service(_, _, let k, let n) = scope, k != kind || n != name { continue }
          guard let id = row[kind.idName]?.stringValue else { continue }
          let full = try await read("\(kind.rawValue).one", kind.idName, id)
          counts.services += 1
          body.service(kind, full, environment: envName)
        }
      }
    }
    return Self.assemble(body.text, check: body.check, scope: scope, source: source, secrets: secrets, counts: counts)
  }

  private func read(_ procedure: String, _ parameter: String, _ id: String) async throws(CallError) -> JSON {
    try await caller.call(procedure: procedure, arguments: [CallArgument(name: parameter, value: .value(.string(id)))])
  }

  /// The header, the secrets' preamble and the body, as one text.
  static func assemble(
    _ text: RunbookText, check: [String], scope: Scope, source: String, secrets: RunbookSecrets,
    counts: (environments: Int, services: Int)
  ) -> String {
    var out: [String] = []
    let what: String
    let command: String
    switch scope {
    case .project(let p):
      what =
        "project \(RunbookText.quoted(p)) (\(plural(counts.environments, "environment")), \(plural(counts.services, "service")))"
      command = RunbookText.path(p)
    case .environment(let p, let e):
      what = "environment \(RunbookText.shown(p, e)) (\(plural(counts.services, "service")))"
      command = RunbookText.path(p, e)
    case .service(let p, let e, let k, let n):
      what = "\(k.rawValue) \(RunbookText.shown(p, e, n))"
      command = RunbookText.path(p, e, n)
    }
    out.append("# Recreates \(what) as `dok export \(command)` read it from \(source).")
    out.append("# It names everything by path; ids, generated names (appName suffixes) and deployments are")
    out.append("# the target server's own. It stops before any change when what it creates already exists.")
    switch secrets {
    case .environment where !text.secrets.isEmpty:
      out.append("#")
      out.append("# Secrets are not written here: set these environment variables before running it.")
      let width = text.secrets.map(\.environmentName.count).max() ?? 0
      for s in text.secrets {
        out.append("#   " + s.environmentName.padding(toLength: width + 2, withPad: " ", startingAt: 0) + s.what)
      }
    case .placeholder where !text.secrets.isEmpty:
      out.append("# A rehearsal's copy: secrets hold placeholders, references to the target server are null.")
    default: break
    }
    // File contents are copied as they are: dok cannot tell which of their lines are secret.
    if text.lines.contains(where: { $0.contains(" content=") || $0.contains(" composeFile=") }) {
      out.append("#")
      out.append("# Mount contents and compose files are copied as they are on the source: read them for")
      out.append("# secrets before sharing this file.")
    }
    out.append("#")
    out.append("#   dok run --profile TARGET this-file.dok")
    out.append("")
    out += check
    out.append("")
    let preamble = text.preamble(secrets == .environment ? .environment : .placeholder)
    if !preamble.isEmpty {
      out += preamble
      out.append("")
    }
    out += text.lines
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

/// How an exported runbook gets its secrets.
public enum RunbookSecrets: Sendable, Equatable {
  /// From environment variables its header lists (`env("…")`).
  case environment
  /// Placeholders (a rehearsal on a sandbox copy).
  case placeholder
}
