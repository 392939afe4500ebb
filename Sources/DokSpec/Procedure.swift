import DokCore

/// Where a parameter travels.
public enum ParameterLocation: String, Sendable, Hashable {
  /// In the query string of a GET.
  case query
  /// A member of the JSON body of a POST.
  case body
  /// A path template segment (not used by Dokploy; tolerated).
  case path
  /// A header (tolerated).
  case header
}

/// One input of a procedure.
public struct Parameter: Sendable, Hashable {
  public var name: String
  public var location: ParameterLocation
  public var required: Bool
  public var schema: Schema
  public var description: String?

  public init(name: String, location: ParameterLocation, required: Bool, schema: Schema, description: String? = nil) {
    self.name = name
    self.location = location
    self.required = required
    self.schema = schema
    self.description = description
  }
}

/// One operation of the API, named `router.procedure`.
public struct Procedure: Sendable, Hashable {
  /// `router.procedure`, e.g. `application.deploy`.
  public var name: String
  /// `GET`, `POST`, …
  public var method: String
  /// The document's path, e.g. `/application.deploy`.
  public var path: String
  public var summary: String?
  public var description: String?
  public var tags: [String]
  /// Parameters in document order.
  public var parameters: [Parameter]

  public init(
    name: String, method: String, path: String, summary: String? = nil, description: String? = nil,
    tags: [String] = [], parameters: [Parameter] = []
  ) {
    self.name = name
    self.method = method
    self.path = path
    self.summary = summary
    self.description = description
    self.tags = tags
    self.parameters = parameters
  }

  /// The router part of the name (`application`).
  public var router: String {
    if let dot = name.firstIndex(of: ".") { return String(name[..<dot]) }
    return name
  }

  /// True for queries (sent as GET with the arguments in the query string).
  public var isQuery: Bool { method == "GET" }

  /// The named parameter.
  public func parameter(named n: String) -> Parameter? { parameters.first { $0.name == n } }

  /// Parameters with the required ones first, each group in document order.
  public var parametersRequiredFirst: [Parameter] {
    parameters.filter(\.required) + parameters.filter { !$0.required }
  }
}
