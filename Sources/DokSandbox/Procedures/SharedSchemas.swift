// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

/// Schemas shared by several procedures (swarm settings and the like).
enum SharedSchemas {
  static let endpointSpecSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Mode", Schema(type: "string")),
          (
            "Ports",
            Schema(
              type: "array",
              items: Schema(
                type: "object",
                properties: [
                  ("Protocol", Schema(type: "string")), ("PublishMode", Schema(type: "string")),
                  ("PublishedPort", Schema(type: "number")), ("TargetPort", Schema(type: "number")),
                ], additionalProperties: .closed))
          ),
        ], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let healthCheckSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Interval", Schema(type: "number")), ("Retries", Schema(type: "number")), ("StartPeriod", Schema(type: "number")),
          ("Test", Schema(type: "array", items: Schema(type: "string"))), ("Timeout", Schema(type: "number")),
        ], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let labelsSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(type: "object", additionalProperties: .schema(Schema(type: "string")), propertyNames: Schema(type: "string")),
      Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let modeSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Global", Schema(type: "object", properties: [])), ("GlobalJob", Schema(type: "object", properties: [])),
          (
            "Replicated",
            Schema(type: "object", properties: [("Replicas", Schema(type: "number"))], additionalProperties: .closed)
          ),
          (
            "ReplicatedJob",
            Schema(
              type: "object",
              properties: [("MaxConcurrent", Schema(type: "number")), ("TotalCompletions", Schema(type: "number"))],
              additionalProperties: .closed)
          ),
        ], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let networkSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "array",
        items: Schema(
          type: "object",
          properties: [
            ("Aliases", Schema(type: "array", items: Schema(type: "string"))),
            (
              "DriverOpts",
              Schema(type: "object", additionalProperties: .schema(Schema(type: "string")), propertyNames: Schema(type: "string"))
            ), ("Target", Schema(type: "string")),
          ], additionalProperties: .closed)), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let placementSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Constraints", Schema(type: "array", items: Schema(type: "string"))), ("MaxReplicas", Schema(type: "number")),
          (
            "Platforms",
            Schema(
              type: "array",
              items: Schema(
                type: "object", properties: [("Architecture", Schema(type: "string")), ("OS", Schema(type: "string"))],
                required: ["Architecture", "OS"], additionalProperties: .closed))
          ),
          (
            "Preferences",
            Schema(
              type: "array",
              items: Schema(
                type: "object",
                properties: [
                  (
                    "Spread",
                    Schema(
                      type: "object", properties: [("SpreadDescriptor", Schema(type: "string"))], required: ["SpreadDescriptor"])
                  )
                ], required: ["Spread"], additionalProperties: .closed))
          ),
        ], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let restartPolicySwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Condition", Schema(type: "string")), ("Delay", Schema(type: "number")), ("MaxAttempts", Schema(type: "number")),
          ("Window", Schema(type: "number")),
        ], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let rollbackConfigSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Delay", Schema(type: "number")), ("FailureAction", Schema(type: "string")),
          ("MaxFailureRatio", Schema(type: "number")), ("Monitor", Schema(type: "number")), ("Order", Schema(type: "string")),
          ("Parallelism", Schema(type: "number")),
        ], required: ["Parallelism", "Order"], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let ulimitsSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "array",
        items: Schema(
          type: "object",
          properties: [
            ("Hard", Schema(type: "integer", minimum: -1, maximum: 9007199254740991)),
            ("Name", Schema(type: "string", minLength: 1)),
            ("Soft", Schema(type: "integer", minimum: -1, maximum: 9007199254740991)),
          ], required: ["Name", "Soft", "Hard"], additionalProperties: .closed)), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
  static let updateConfigSwarm = Schema(anyOf: [
    Schema(anyOf: [
      Schema(
        type: "object",
        properties: [
          ("Delay", Schema(type: "number")), ("FailureAction", Schema(type: "string")),
          ("MaxFailureRatio", Schema(type: "number")), ("Monitor", Schema(type: "number")), ("Order", Schema(type: "string")),
          ("Parallelism", Schema(type: "number")),
        ], required: ["Parallelism", "Order"], additionalProperties: .closed), Schema(type: "null"),
    ]), Schema(type: "null"),
  ])
}
