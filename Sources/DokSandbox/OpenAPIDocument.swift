import DokCore

/// Builds the sandbox's OpenAPI 3.1 document from ``ProcedureTable``, in the shape of Dokploy's.
public enum OpenAPIDocument {
  /// The whole document; `serverURL` is the `servers[0].url` (ending in `/api`).
  public static func build(serverURL: String) -> JSON {
    var paths = JSONObject()
    for spec in ProcedureTable.all { paths["/" + spec.name] = .object(pathItem(spec)) }
    var tags: [JSON] = []
    var seen = Set<Substring>()
    for spec in ProcedureTable.all where seen.insert(spec.router).inserted { tags.append(["name": .string(String(spec.router))]) }
    return [
      "openapi": "3.1.0",
      "info": [
        "title": "Dokploy API",
        "description":
          "Simulated Dokploy API served by dok's sandbox. Same procedures, parameters and errors as a real Dokploy server, with in-memory state.",
        "version": "1.0.0",
        "contact": ["name": "Dokploy Team", "url": "https://dokploy.com"],
        "license": ["name": "Apache 2.0", "url": "https://github.com/dokploy/dokploy/blob/canary/LICENSE"],
      ],
      "servers": [["url": .string(serverURL)]],
      "tags": .array(tags),
      "externalDocs": ["description": "Full documentation", "url": "https://docs.dokploy.com"],
      "paths": .object(paths),
      "components": components,
      "security": [["apiKey": []]],
    ]
  }

  private static func pathItem(_ spec: ProcedureSpec) -> JSONObject {
    var op = JSONObject()
    op["operationId"] = .string(spec.name.replacingDot())
    op["tags"] = [.string(String(spec.router))]
    op["security"] = [["apiKey": []]]
    switch spec.kind {
    case .query:
      var params: [JSON] = []
      for (name, schema) in spec.input?.properties ?? [] {
        // Like the real document: `required: true` on required parameters, absent otherwise.
        var p: JSONObject = JSONObject()
        p["in"] = "query"
        p["name"] = .string(name)
        p["schema"] = schema.json
        if spec.input?.required.contains(name) == true { p["required"] = true }
        params.append(.object(p))
      }
      op["parameters"] = .array(params)
    case .mutation:
      op["parameters"] = []
      op["requestBody"] = [
        "required": true,
        "content": ["application/json": ["schema": (spec.input ?? Schema(type: "object", properties: [])).json]],
      ]
    }
    var responses = JSONObject()
    responses["200"] = [
      "description": "Successful response",
      "content": ["application/json": ["schema": ["type": "object", "properties": [:], "additionalProperties": false]]],
    ]
    let errors: [(String, String, String)] = [
      ("400", "Invalid input data", "BAD_REQUEST"), ("401", "Authorization not provided", "UNAUTHORIZED"),
      ("403", "Insufficient access", "FORBIDDEN"), ("404", "Not found", "NOT_FOUND"),
      ("500", "Internal server error", "INTERNAL_SERVER_ERROR"),
    ]
    for (status, description, code) in errors {
      responses[status] = [
        "description": .string(description),
        "content": ["application/json": ["schema": ["$ref": .string("#/components/schemas/error.\(code)")]]],
      ]
    }
    op["responses"] = .object(responses)
    var item = JSONObject()
    item[spec.kind == .query ? "get" : "post"] = .object(op)
    return item
  }

  private static var components: JSON {
    var schemas = JSONObject()
    let errors: [(String, String, String, Int)] = [
      ("BAD_REQUEST", "Invalid input data", "Invalid input data error", 400),
      ("UNAUTHORIZED", "Authorization not provided", "Authorization not provided error", 401),
      ("FORBIDDEN", "Insufficient access", "Insufficient access error", 403),
      ("INTERNAL_SERVER_ERROR", "Internal server error", "Internal server error error", 500),
      ("NOT_FOUND", "Not found", "Not found error", 404),
    ]
    for (code, message, title, status) in errors {
      var props = JSONObject()
      props["message"] = ["type": "string", "description": "The error message", "example": .string(message)]
      props["code"] = ["type": "string", "description": "The error code", "example": .string(code)]
      props["issues"] = [
        "description": "An array of issues that were responsible for the error", "example": [], "type": "array",
        "items": [
          "type": "object", "properties": ["message": ["type": "string"]], "required": ["message"],
          "additionalProperties": false,
        ],
      ]
      schemas["error." + code] = [
        "type": "object", "properties": .object(props), "required": ["message", "code"], "additionalProperties": false,
        "title": .string("\(title) (\(status))"), "description": "The error information",
        "example": ["code": .string(code), "message": .string(message), "issues": []],
      ]
    }
    return [
      "schemas": .object(schemas),
      "securitySchemes": [
        "apiKey": [
          "type": "apiKey", "in": "header", "name": "x-api-key",
          "description": "API key authentication. Generate an API key from your Dokploy dashboard under Settings > API Keys.",
        ]
      ],
    ]
  }
}

extension String {
  /// `application.deploy` → `application-deploy`.
  fileprivate func replacingDot() -> String { String(map { $0 == "." ? "-" : $0 }) }
}
