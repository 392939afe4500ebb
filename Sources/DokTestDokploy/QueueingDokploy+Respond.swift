import DokCore
import DokTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension QueueingDokploy {
  func respond(_ incoming: Request, name: String, isGet: Bool) async throws -> Response {
    var request = incoming
    count(name)
    guard request.headers[HTTPField.Name("x-api-key")!] == options.apiKey else {
      return Self.reply(401, #"{"message":"Unauthorized"}"#)
    }
    var input = JSONObject()
    if isGet {
      for (k, v) in request.uri.queryParameters { input[String(k)] = .string(String(v)) }
    } else {
      let body = try await request.collectBody(upTo: 1 << 20)
      if let o = (try? JSONParser.parse(String(buffer: body)))?.objectValue { input = o }
    }
    let s = { (k: String) in input[k]?.stringValue ?? "" }
    switch (name, isGet) {
    case ("settings.getDokployVersion", true):
      return Self.reply(200, #""v0.30.2""#)
    case ("settings.getOpenApiDocument", true):
      return Self.reply(200, Self.document(readLogs: options.readLogs, queueList: options.queueList).compactText)
    case ("project.create", false):
      let env = queue.nextId("env-")
      return Self.reply(
        200,
        JSON.object([
          "project": .object(["projectId": .string(queue.nextId("prj-")), "name": .string(s("name"))]),
          "environment": .object(["environmentId": .string(env), "name": "production"]),
        ]).compactText)
    case ("project.all", true):
      // One project, "queue", whose default environment holds every service (trimmed as the
      // real reply is: applications and compose services with their names, databases by id).
      let services = queue.state.withLock { Array($0.services.values) }.sorted { $0.id < $1.id }
      func list(_ kind: String, _ row: (DeployQueue.Service) -> JSON) -> JSON {
        .array(services.filter { $0.kind == kind }.map(row))
      }
      let env: JSON = .object([
        "environmentId": "env-queue", "name": "production", "isDefault": true,
        "applications": list("application") {
          .object(["applicationId": .string($0.id), "name": .string($0.name), "applicationStatus": .string($0.status)])
        },
        "compose": list("compose") {
          .object(["composeId": .string($0.id), "name": .string($0.name), "composeStatus": .string($0.status)])
        },
        "postgres": list("postgres") { .object(["postgresId": .string($0.id)]) },
      ])
      return Self.reply(
        200, JSON.array([.object(["projectId": "prj-queue", "name": "queue", "environments": .array([env])])]).compactText)
    case ("application.create", false):
      let id = queue.add(kind: "application", name: s("name"), image: "")
      return Self.reply(200, queue.row(id)?.compactText ?? "null")
    case ("application.saveDockerProvider", false):
      guard queue.service(s("applicationId")) != nil else { return Self.notFound("Application not found") }
      queue.state.withLock { st in
        st.services[s("applicationId")]?.image = s("dockerImage")
        st.services[s("applicationId")]?.status = "idle"
      }
      return Self.reply(200, "true")
    case ("application.deploy", false), ("application.redeploy", false):
      guard queue.enqueue(s("applicationId"), title: input["title"]?.stringValue, description: input["description"]?.stringValue)
      else {
        return Self.notFound("Application not found")
      }
      return Response(status: .ok, headers: [.contentType: "application/json"], body: .init())
    case ("previewDeployment.redeploy", false):
      guard
        queue.enqueue(
          s("previewDeploymentId"), title: input["title"]?.stringValue, description: input["description"]?.stringValue)
      else {
        return Self.notFound("Preview Deployment not found")
      }
      return Response(status: .ok, headers: [.contentType: "application/json"], body: .init())
    case ("deployment.allByType", true):
      return Self.reply(200, JSON.array(queue.deploymentRows(s("id"))).compactText)
    case ("compose.deploy", false), ("compose.redeploy", false):
      guard queue.enqueue(s("composeId"), title: input["title"]?.stringValue, description: input["description"]?.stringValue)
      else {
        return Self.notFound("Compose not found")
      }
      return Self.reply(
        200, JSON.object(["success": true, "message": "Deployment queued", "composeId": .string(s("composeId"))]).compactText)
    case (let proc, false) where QueueingDocument.databases.contains { proc == "\($0).deploy" }:
      let kind = String(proc.prefix { $0 != "." })
      guard let (row, failed) = await queue.deployDatabase(s("\(kind)Id")) else { return Self.notFound("\(kind) not found") }
      // Dokploy sets `error` and rethrows: `Error on deploy postgres${error}` as a 500.
      guard !failed else {
        return Self.reply(
          500,
          JSON.object([
            "message": .string(
              "Error on deploy \(kind)Error: pull access denied for \(queue.service(s("\(kind)Id"))?.image ?? "")"),
            "code": "INTERNAL_SERVER_ERROR",
          ]).compactText)
      }
      return Self.reply(200, row.compactText)
    case (let proc, true) where QueueingDocument.databases.contains { proc == "\($0).readLogs" }:
      let kind = String(proc.prefix { $0 != "." })
      guard let svc = queue.service(s("\(kind)Id")) else { return Self.notFound("\(kind) not found") }
      let tail = Int(s("tail")) ?? 100
      return Self.reply(200, JSON.string(Self.containerLog(svc.appName).suffix(tail).joined(separator: "\n")).compactText)
    case (let proc, true)
    where (["application", "compose", "previewDeployment"] + QueueingDocument.databases).contains { proc == "\($0).one" }:
      let kind = String(name.prefix { $0 != "." })
      guard let row = queue.row(s("\(kind)Id")), queue.service(s("\(kind)Id"))?.kind == kind else {
        return Self.notFound("\(kind.prefix(1).uppercased() + kind.dropFirst()) not found")
      }
      return Self.reply(200, row.compactText)
    case ("deployment.all", true):
      return Self.reply(200, JSON.array(queue.deploymentRows(s("applicationId"))).compactText)
    case ("deployment.queueList", true) where options.queueList:
      return Self.reply(200, queue.queueList().compactText)
    case ("deployment.allByCompose", true):
      return Self.reply(200, JSON.array(queue.deploymentRows(s("composeId"))).compactText)
    case ("deployment.readLogs", true) where options.readLogs:
      let tail = Int(s("tail")) ?? 100
      guard let path = queue.logPath(of: s("deploymentId")), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        return Self.reply(200, JSON.string("").compactText)
      }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(tail)
      return Self.reply(200, JSON.string(lines.joined(separator: "\n")).compactText)
    case ("docker.getContainersByAppNameMatch", true):
      let name = s("appName")
      let known = options.containers && queue.state.withLock { st in st.services.values.contains { $0.appName == name } }
      return Self.reply(
        200,
        JSON.array(
          known ? [.object(["containerId": .string(name + "-container"), "name": .string(name + ".1"), "state": "running"])] : []
        ).compactText)
    case ("application.readLogs", true):
      guard let svc = queue.service(s("applicationId")) else { return Self.notFound("Application not found") }
      let tail = Int(s("tail")) ?? 100
      return Self.reply(200, JSON.string(Self.containerLog(svc.appName).suffix(tail).joined(separator: "\n")).compactText)
    default:
      return Self.notFound("Not found")
    }
  }

  /// The simulated container log of a service.
  static func containerLog(_ appName: String) -> [String] {
    (1...30).map { "2026-01-01T00:00:\(String(format: "%02d", $0))Z \(appName) request \($0) served" }
  }

  static func reply(_ status: Int, _ text: String) -> Response {
    Response(
      status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func notFound(_ message: String) -> Response {
    reply(404, JSON.object(["message": .string(message), "code": "NOT_FOUND"]).compactText)
  }
}
