import DokCore

/// A deploy waiting in the queue (what `application.deploy` / `compose.deploy` add).
struct DeployJob: Sendable, Equatable {
  /// `application` or `compose`.
  var service: String
  var serviceId: String
  /// `deploy` or `redeploy`.
  var type: String
  var title: String
  var description: String
  /// Epoch seconds of the call that queued it.
  var enqueuedAt: Double

  var json: JSON {
    [
      "service": .string(service), "serviceId": .string(serviceId), "type": .string(type), "title": .string(title),
      "description": .string(description), "enqueuedAt": .number(enqueuedAt),
    ]
  }

  init(service: String, serviceId: String, type: String, title: String, description: String, enqueuedAt: Double) {
    self.service = service
    self.serviceId = serviceId
    self.type = type
    self.title = title
    self.description = description
    self.enqueuedAt = enqueuedAt
  }

  /// Reads one back from the state file (nil when a field is missing).
  init?(json: JSON) {
    guard let s = json["service"]?.stringValue, let id = json["serviceId"]?.stringValue,
      let t = json["type"]?.stringValue, let at = json["enqueuedAt"]?.numberValue
    else { return nil }
    self.init(
      service: s, serviceId: id, type: t, title: json["title"]?.stringValue ?? "",
      description: json["description"]?.stringValue ?? "",
      enqueuedAt: at)
  }
}

/// The deploy the worker is running: when it finishes and how.
struct PendingDeploy: Sendable {
  var deploymentId: String
  /// `application` or `compose`.
  var service: String
  var serviceId: String
  /// Epoch seconds at which the worker took it.
  var startedAt: Double
  /// Epoch seconds at which it finishes.
  var finishAt: Double
  /// `done` or `error`.
  var outcome: String

  var json: JSON {
    [
      "deploymentId": .string(deploymentId), "service": .string(service), "serviceId": .string(serviceId),
      "startedAt": .number(startedAt), "finishAt": .number(finishAt), "outcome": .string(outcome),
    ]
  }
}

extension PendingDeploy {
  /// Reads one back from the state file (nil when a field is missing).
  init?(json: JSON) {
    guard let d = json["deploymentId"]?.stringValue, let s = json["service"]?.stringValue,
      let id = json["serviceId"]?.stringValue, let f = json["finishAt"]?.numberValue,
      let o = json["outcome"]?.stringValue
    else { return nil }
    self.init(deploymentId: d, service: s, serviceId: id, startedAt: json["startedAt"]?.numberValue ?? f, finishAt: f, outcome: o)
  }
}

/// One line of a build log and the moment it is written.
struct LogLine: Sendable, Equatable {
  var at: Double
  var text: String

  var json: JSON { [.number(at), .string(text)] }

  init(at: Double, text: String) {
    self.at = at
    self.text = text
  }

  init?(json: JSON) {
    guard let at = json[0]?.numberValue, let text = json[1]?.stringValue else { return nil }
    self.init(at: at, text: text)
  }
}
