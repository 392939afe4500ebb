import DokClient
import DokCore
import DokRuntime
import DokSandbox
import DokScript
import DokSpec
import Foundation
import Testing

/// Issue 21 item 4: `dok export PATH` writes a runbook that recreates a project elsewhere.
@Suite(.serialized) struct ExportTests {
  /// A project with most of what an export carries: both environments' variables, a Docker
  /// application from a private registry with secrets in its variables, build arguments and
  /// secrets, settings, a domain, a port, two mounts, a redirect and basic auth; a git
  /// application; three databases; a raw compose service with a domain and a mount.
  static let seed = #"""
    $p = project.create name=xshop description="the shop" env="SHARED=1\nSESSION_SECRET=prj-secret-1"
    $prod = $p.environment.environmentId
    environment.update environmentId=$prod env="LOG_LEVEL=debug"
    $st = environment.create name=staging projectId=$p.project.projectId description="stage"
    $web = application.create name=xweb appName=xweb environmentId=$prod description="front"
    application.saveDockerProvider applicationId=$web.applicationId dockerImage=ghcr.io/acme/web:1.2 username=bot password=reg-pass-1 registryUrl=ghcr.io
    application.saveBuildType applicationId=$web.applicationId buildType=dockerfile dockerfile=Dockerfile.prod dockerContextPath=. dockerBuildStage=null herokuVersion=null railpackVersion=null
    application.saveEnvironment applicationId=$web.applicationId env="PORT=80\nAPI_TOKEN=tok-123456\nDATABASE_URL=postgres://u:pw-999999@db:5432/x\nGREETING=\"hi \$USER\"\nSTRIPE_KEY=sk-live-1234567" buildArgs="NODE_ENV=production" buildSecrets="NPM_CONFIG=npm-777777" createEnvFile=false
    application.update applicationId=$web.applicationId replicas=2 command="node server.js" autoDeploy=false
    domain.create applicationId=$web.applicationId host=shop.example.com port:=3000 https:=true certificateType=letsencrypt path=/app
    port.create applicationId=$web.applicationId publishedPort:=8080 targetPort:=80 publishMode=host protocol=tcp
    mounts.create serviceId=$web.applicationId serviceType=application type=volume volumeName=xweb-data mountPath=/data
    mounts.create serviceId=$web.applicationId serviceType=application type=file filePath=app.conf content="a=1\nb=2" mountPath=/etc/app
    redirects.create applicationId=$web.applicationId regex="^/old(.*)" replacement="/new$1" permanent:=false
    security.create applicationId=$web.applicationId username=admin password=basic-pw-1
    $api = application.create name="x api" environmentId=$st.environmentId
    application.saveGitProvider applicationId=$api.applicationId customGitUrl=https://oauth2:gl-tok-98765@git.example.com/acme/api.git customGitBranch=main customGitBuildPath=/ watchPaths:=null
    application.create name=xbare environmentId=$prod
    $db = postgres.create name=xdb appName=xdb databaseName=shop databaseUser=shop databasePassword=pg-pass-1 environmentId=$prod
    postgres.update postgresId=$db.postgresId externalPort:=5433 dockerImage=postgres:17
    postgres.saveEnvironment postgresId=$db.postgresId env="PGTZ=UTC"
    mysql.create name=xmy appName=xmy databaseName=m databaseUser=m databasePassword=my-pass-1 databaseRootPassword=root-pass-1 environmentId=$st.environmentId
    redis.create name=xcache appName=xcache databasePassword=redis-pass-1 environmentId=$prod
    $c = compose.create name=xstack appName=xstack environmentId=$st.environmentId composeType=docker-compose sourceType=raw composeFile="services:\n  web:\n    image: nginx\n"
    compose.update composeId=$c.composeId env="COMPOSE_TOKEN=ct-123456"
    domain.create composeId=$c.composeId host=stack.example.com port:=80 serviceName=web domainType=compose https:=false
    mounts.create serviceId=$c.composeId serviceType=compose type=bind hostPath=/srv/x mountPath=/x
    """#

  /// The values the export reads from the environment, by the names its header gives them.
  static let secrets: [String: String] = [
    "XSHOP_SESSION_SECRET": "prj-secret-1", "XWEB_REGISTRY_PASSWORD": "reg-pass-1", "XWEB_API_TOKEN": "tok-123456",
    "XWEB_DATABASE_URL": "postgres://u:pw-999999@db:5432/x", "XWEB_NPM_CONFIG": "npm-777777",
    "XWEB_ADMIN_PASSWORD": "basic-pw-1", "XDB_PASSWORD": "pg-pass-1", "XCACHE_PASSWORD": "redis-pass-1",
    "XMY_PASSWORD": "my-pass-1", "XMY_ROOT_PASSWORD": "root-pass-1", "XSTACK_COMPOSE_TOKEN": "ct-123456",
    "XWEB_STRIPE_KEY": "sk-live-1234567", "X_API_GIT_URL": "https://oauth2:gl-tok-98765@git.example.com/acme/api.git",
  ]

  static func export(_ h: SandboxHarness, _ path: String, secrets: RunbookSecrets = .environment) async throws -> String {
    let reader = ReadOnlyCaller(base: SessionCaller(session: h.session), catalog: h.catalog)
    let exporter = RunbookExporter(caller: reader, catalog: h.catalog)
    let scope = try await exporter.scope(of: try ResourcePath.parse(path).get())
    return try await exporter.runbook(scope, source: "the test sandbox", secrets: secrets)
  }

  @Test func anExportReplaysOnAnotherServerIntoTheSameTree() async throws {
    let a = try await SandboxHarness.start()
    let b = try await SandboxHarness.start()
    defer { Task { await a.stop() } }
    defer { Task { await b.stop() } }
    let seeded = await a.run(source: Self.seed)
    #expect(seeded.code == 0, "\(seeded.diagnostics)")
    // B has other projects first: nothing lines up by id or position.
    _ = await b.run(source: "project.create name=other\nproject.create name=another")
    let text = try await Self.export(a, "xshop")
    // No secret in clear, and each is listed in the header and read with env().
    for (name, value) in Self.secrets {
      #expect(!text.contains(value), "\(value) in clear")
      #expect(text.contains("#   \(name) "), "\(name) not in the header")
      #expect(text.contains("env(\"\(name)\")"))
    }
    #expect(text.components(separatedBy: "env(\"").count - 1 == Self.secrets.count, "\(text)")
    // No id of the source server either.
    let sourceTree = try await Self.tree(a, "xshop")
    for id in Self.ids(in: sourceTree.raw) { #expect(!text.contains(id), "id \(id) in the export") }
    // It passes the check before a run.
    let host = DokScriptHost(catalog: b.catalog, caller: SessionCaller(session: b.session))
    #expect(Script.check(source: text, file: "export.dok", host: host).isEmpty)
    for (k, v) in Self.secrets { setenv(k, v, 1) }
    defer { for k in Self.secrets.keys { unsetenv(k) } }
    let replayed = await b.run(source: text, file: "export.dok")
    #expect(replayed.code == 0, "\(replayed.diagnostics.map(\.message))\n\(text)")
    let copy = try await Self.tree(b, "xshop")
    #expect(
      Self.differences(sourceTree.normalized, copy.normalized).isEmpty,
      "\(Self.differences(sourceTree.normalized, copy.normalized))")
    // Run again on B: it refuses before any change (the assert is the first thing that fails).
    let before = await b.run(source: "print json(project.all)")
    let again = await b.run(source: text, file: "export.dok")
    #expect(again.code == ExitStatus.assertionFailed.code)
    #expect(again.diagnostics.first?.notes == ["project 'xshop' already exists on this server"], "\(again.diagnostics)")
    let after = await b.run(source: "print json(project.all)")
    #expect(before.output == after.output)
  }

  @Test func anEnvironmentAndAServiceExportIntoAnExistingProject() async throws {
    let a = try await SandboxHarness.start()
    let b = try await SandboxHarness.start()
    defer { Task { await a.stop() } }
    defer { Task { await b.stop() } }
    #expect(await a.run(source: Self.seed).code == 0)
    _ = await b.run(source: "project.create name=xshop")
    let staging = try await Self.export(a, "xshop/staging", secrets: .placeholder)
    let db = try await Self.export(a, "xshop/xdb", secrets: .placeholder)
    // The project's own variables (and their secret) belong to the project's export only.
    #expect(!staging.contains("session_secret") && !db.contains("session_secret"), "\(db)")
    #expect(await b.run(source: staging).code == 0)
    #expect(await b.run(source: db).code == 0)
    let copy = try await Self.tree(b, "xshop")
    let names = Self.serviceNames(copy.raw)
    #expect(names == ["production/postgres/xdb", "staging/application/x api", "staging/compose/xstack", "staging/mysql/xmy"])
    // Each refuses a second time.
    #expect(await b.run(source: staging).code == ExitStatus.assertionFailed.code)
    #expect(await b.run(source: db).code == ExitStatus.assertionFailed.code)
  }

  /// The export of a small seeded project, word for word.
  @Test func theExportOfASmallProjectReadsAsWritten() async throws {
    let a = try await SandboxHarness.start()
    defer { Task { await a.stop() } }
    let seeded = await a.run(
      source: #"""
        $p = project.create name=shop description="our shop"
        $web = application.create name=web appName=web environmentId=$p.environment.environmentId
        application.saveDockerProvider applicationId=$web.applicationId dockerImage=nginx:alpine username=null password=null registryUrl=null
        application.saveEnvironment applicationId=$web.applicationId env="PORT=80\nSTRIPE_SECRET_KEY=sk_live_123456" buildArgs=null buildSecrets=null createEnvFile=true
        domain.create applicationId=$web.applicationId host=shop.example.com port:=80 https:=true certificateType=letsencrypt
        postgres.create name=db appName=shop-db databaseName=shop databaseUser=shop databasePassword=pg-pass-1 environmentId=$p.environment.environmentId
        """#)
    #expect(seeded.code == 0, "\(seeded.diagnostics)")
    let text = try await Self.export(a, "shop")
    let golden = SandboxHarness.packageRoot + "/Tests/DokRuntimeTests/Golden/export-shop.dok"
    if ProcessInfo.processInfo.environment["DOK_UPDATE_GOLDEN"] != nil {
      try text.write(toFile: golden, atomically: true, encoding: .utf8)
    }
    #expect(text == (try String(contentsOfFile: golden, encoding: .utf8)))
  }

  // MARK: Trees

  /// The project as `project.one` and each service's `<kind>.one` give it, and the same with
  /// ids, timestamps and generated names aside.
  static func tree(_ h: SandboxHarness, _ project: String) async throws -> (raw: JSON, normalized: JSON) {
    let caller = SessionCaller(session: h.session)
    let p = try await caller.call(
      procedure: "project.one", arguments: [CallArgument(name: "project", value: .value(.string(project)))].resolved(h))
    var environments: [JSON] = []
    for e in p["environments"]?.arrayValue ?? [] {
      var env = e.objectValue ?? JSONObject()
      for kind in PathParameter.Kind.services {
        let key = kind == .application ? "applications" : kind.rawValue
        var rows: [JSON] = []
        for s in e[key]?.arrayValue ?? [] {
          let id = s[kind.idName]?.stringValue ?? ""
          rows.append(
            try await caller.call(
              procedure: "\(kind.rawValue).one", arguments: [CallArgument(name: kind.idName, value: .value(.string(id)))]))
        }
        env[key] = .array(rows.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") })
      }
      environments.append(.object(env))
    }
    var whole = p.objectValue ?? JSONObject()
    whole["environments"] = .array(environments.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") })
    return (.object(whole), normalize(.object(whole)))
  }

  static func normalize(_ value: JSON) -> JSON {
    switch value {
    case .object(let o):
      var out = JSONObject()
      for (k, v) in o.pairs {
        if k.hasSuffix("Id") || ["createdAt", "refreshToken", "uniqueConfigKey", "deployments", "environment"].contains(k) {
          continue
        }
        if k == "appName", let s = v.stringValue {
          // The suffix is the server's; a generated name is the server's altogether.
          let base = s.split(separator: "-").dropLast().joined(separator: "-")
          out[k] = .string(base.hasPrefix("app-") || base.hasPrefix("compose-") ? "(generated)" : base)
          continue
        }
        out[k] = normalize(v)
      }
      return .object(out)
    case .array(let a): return .array(a.map(normalize))
    default: return value
    }
  }

  /// Where two normalized trees differ (`path: a ≠ b`).
  static func differences(_ a: JSON, _ b: JSON, at path: String = "") -> [String] {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      let keys = Set(x.keys).union(y.keys).sorted()
      return keys.flatMap { differences(x[$0] ?? .null, y[$0] ?? .null, at: path + "." + $0) }
    case (.array(let x), .array(let y)) where x.count == y.count:
      return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, at: path + "[\($0)]") }
    default:
      return a == b ? [] : ["\(path): \(a.compactText) ≠ \(b.compactText)"]
    }
  }

  static func ids(in value: JSON) -> [String] {
    switch value {
    case .object(let o):
      return o.pairs.flatMap { k, v in k.hasSuffix("Id") ? (v.stringValue.map { [$0] } ?? []) : ids(in: v) }
    case .array(let a): return a.flatMap(ids)
    default: return []
    }
  }

  static func serviceNames(_ tree: JSON) -> [String] {
    var out: [String] = []
    for e in tree["environments"]?.arrayValue ?? [] {
      for kind in PathParameter.Kind.services {
        for s in e[kind == .application ? "applications" : kind.rawValue]?.arrayValue ?? [] {
          out.append("\(e["name"]?.stringValue ?? "")/\(kind.rawValue)/\(s["name"]?.stringValue ?? "")")
        }
      }
    }
    return out.sorted()
  }
}

extension [CallArgument] {
  /// The arguments with paths resolved on `h`'s server.
  fileprivate func resolved(_ h: SandboxHarness) async throws -> [CallArgument] {
    try await PathResolver(caller: SessionCaller(session: h.session), catalog: h.catalog).resolve(
      procedure: "project.one", arguments: self)
  }
}
