import DokCore
import DokSandbox
// Every file of these tests sees DokTestSupport's `withTeardown`, as when it was defined here.
@_exported import DokTestSupport
import Foundation

/// A reply as the tests see it.
struct Reply: Sendable {
  var status: Int
  var body: String
  /// The body parsed as JSON (nil when empty or invalid).
  var json: JSON? { body.isEmpty ? nil : try? JSONParser.parse(body) }
}

/// A sandbox started for one test, with an in-process client (``LoopbackHTTP``) for wire form A (not a scripted
/// server: that is DokTestSupport's `TestServer`).
struct SandboxClient {
  let sb: Sandbox
  var key: String?

  /// A sandbox on a free port; `queueDelay` is 0 unless a test is about the queue.
  static func start(
    deploySeconds: Double = 0.2, queueDelay: Double = 0, apiKey: String? = nil, statePath: String? = nil
  ) async throws -> SandboxClient {
    let sb = try await Sandbox.start(
      SandboxOptions(port: 0, apiKey: apiKey, deploySeconds: deploySeconds, queueDelay: queueDelay, statePath: statePath))
    return SandboxClient(sb: sb, key: apiKey)
  }

  var headers: [String: String] { key.map { ["x-api-key": $0] } ?? [:] }

  /// Form A query: `GET /api/<proc>?k=v`.
  func get(_ proc: String, _ query: [(String, String)] = []) throws -> Reply {
    let q = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }
      .joined(separator: "&")
    return try LoopbackHTTP.request("GET", "\(sb.url)/api/\(proc)\(q.isEmpty ? "" : "?" + q)", headers: headers)
  }

  /// Form A mutation: `POST /api/<proc>` with a JSON body.
  func post(_ proc: String, _ body: JSON) throws -> Reply {
    try LoopbackHTTP.request("POST", "\(sb.url)/api/\(proc)", body: JSONWriter.compact(body), headers: headers)
  }

  /// Form B query: `GET /api/trpc/<proc>?input=…`.
  func trpcGet(_ proc: String, _ input: JSON) throws -> Reply {
    let enc = JSONWriter.compact(["json": input]).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    return try LoopbackHTTP.request("GET", "\(sb.url)/api/trpc/\(proc)?input=\(enc)", headers: headers)
  }

  /// Form B mutation: `POST /api/trpc/<proc>` with `{"json": …}`.
  func trpcPost(_ proc: String, _ input: JSON) throws -> Reply {
    try LoopbackHTTP.request("POST", "\(sb.url)/api/trpc/\(proc)", body: JSONWriter.compact(["json": input]), headers: headers)
  }

  /// Creates a project and returns (projectId, production environmentId).
  func makeProject(_ name: String = "demo") throws -> (String, String) {
    let r = try post("project.create", ["name": .string(name)])
    return (r.json!["project"]!["projectId"]!.stringValue!, r.json!["environment"]!["environmentId"]!.stringValue!)
  }

  /// Creates an application and returns its id.
  func makeApp(_ env: String, name: String = "web") throws -> String {
    try post("application.create", ["name": .string(name), "environmentId": .string(env)]).json!["applicationId"]!.stringValue!
  }

  /// Points the application at a Docker image (`saveDockerProvider`, no registry credentials).
  func setImage(_ app: String, _ image: String) throws {
    _ = try post(
      "application.saveDockerProvider",
      ["applicationId": .string(app), "dockerImage": .string(image), "username": .null, "password": .null, "registryUrl": .null])
  }

  /// Deploys the application and waits (up to `seconds`) until its status is `done`; returns whether it got there.
  func deployUntilDone(_ app: String, within seconds: Double = 10) async throws -> Bool {
    _ = try post("application.deploy", ["applicationId": .string(app)])
    return try await eventually(within: seconds) {
      try get("application.one", [("applicationId", app)]).json?["applicationStatus"] == "done"
    }
  }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 5, _ condition: () throws -> Bool) async throws -> Bool {
  let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
  while ContinuousClock.now < deadline {
    if try condition() { return true }
    try await Task.sleep(for: .milliseconds(50))
  }
  return try condition()
}
