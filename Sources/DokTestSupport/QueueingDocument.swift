import DokCore

/// The OpenAPI document of the procedures `QueueingDokploy` (in `DokTestDokploy`) serves, apart
/// from the server so that tests which need only the document (the REPL's) do not link Hummingbird.
public enum QueueingDocument {
  /// The database kinds whose `deploy` runs inside the request.
  public static let databases = ["postgres", "mysql", "mariadb", "mongo", "redis", "libsql"]

  /// The document, in Dokploy's shapes (queries take query parameters; mutations a JSON body).
  /// Without `readLogs`, `deployment.readLogs` is left out, as in older Dokploy documents;
  /// without `queueList`, `deployment.queueList`.
  public static func json(readLogs: Bool = true, queueList: Bool = true) -> JSON {
    typealias P = (name: String, type: String, required: Bool)
    let id = { (n: String) -> P in (n, "string", true) }
    let titled = { (n: String) -> [P] in [id(n), ("title", "string", false), ("description", "string", false)] }
    var ops: [(name: String, get: Bool, params: [P])] = [
      ("application.deploy", false, titled("applicationId")), ("application.redeploy", false, titled("applicationId")),
      ("application.one", true, [id("applicationId")]),
      (
        "application.readLogs", true,
        [id("applicationId"), ("tail", "number", false), ("since", "string", false), ("search", "string", false)]
      ),
      ("compose.deploy", false, titled("composeId")), ("compose.redeploy", false, titled("composeId")),
      ("compose.one", true, [id("composeId")]),
      ("previewDeployment.redeploy", false, titled("previewDeploymentId")),
      ("previewDeployment.one", true, [id("previewDeploymentId")]),
      ("deployment.allByType", true, [id("id"), id("type")]),
      ("deployment.all", true, [id("applicationId")]), ("deployment.allByCompose", true, [id("composeId")]),
      ("project.all", true, []), ("docker.getContainersByAppNameMatch", true, [id("appName"), ("appType", "string", false)]),
      ("settings.getDokployVersion", true, []),
      ("project.create", false, [id("name"), ("description", "string", false)]),
      ("application.create", false, [id("name"), id("environmentId")]),
      (
        "application.saveDockerProvider", false,
        [
          id("applicationId"), id("dockerImage"), ("username", "nullable", true), ("password", "nullable", true),
          ("registryUrl", "nullable", true),
        ]
      ),
    ]
    for kind in databases {
      ops += [
        ("\(kind).deploy", false, [id("\(kind)Id")]), ("\(kind).one", true, [id("\(kind)Id")]),
        ("\(kind).readLogs", true, [id("\(kind)Id"), ("tail", "number", false)]),
      ]
    }
    if readLogs { ops.append(("deployment.readLogs", true, [id("deploymentId"), ("tail", "number", false)])) }
    if queueList { ops.append(("deployment.queueList", true, [])) }
    var paths = JSONObject()
    for op in ops {
      var operation = JSONObject()
      operation["operationId"] = .string(op.name)
      operation["tags"] = .array([.string(String(op.name.prefix { $0 != "." }))])
      if op.get {
        operation["parameters"] = .array(
          op.params.map { p in
            .object([
              "in": "query", "name": .string(p.name), "required": .bool(p.required), "schema": .object(["type": .string(p.type)]),
            ])
          })
      } else {
        var props = JSONObject()
        for p in op.params {
          props[p.name] =
            p.type == "nullable" ? .object(["type": .array(["string", "null"])]) : .object(["type": .string(p.type)])
        }
        let schema: JSON = .object([
          "type": "object", "properties": .object(props),
          "required": .array(op.params.filter(\.required).map { .string($0.name) }),
        ])
        operation["requestBody"] = .object([
          "required": true, "content": .object(["application/json": .object(["schema": schema])]),
        ])
      }
      operation["responses"] = .object(["200": .object(["description": "Successful response"])])
      paths["/" + op.name] = .object([op.get ? "get" : "post": .object(operation)])
    }
    return .object([
      "openapi": "3.1.0", "info": .object(["title": "Dokploy (queueing test server)", "version": "1.0.0"]),
      "paths": .object(paths),
    ])
  }
}
