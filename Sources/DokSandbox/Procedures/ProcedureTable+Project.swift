// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

extension ProcedureTable {
  /// The project group of simulated procedures.
  static let projectProcedures: [ProcedureSpec] = [
    .query("project.all"),
    .query(
      "project.one",
      [
        ("projectId", Schema(type: "string", minLength: 1))
      ],
      required: ["projectId"]),
    .mutation(
      "project.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("env", Schema(type: "string")),
      ],
      required: ["name"]),
    .mutation(
      "project.update",
      [
        ("projectId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("createdAt", Schema(type: "string")),
        ("organizationId", Schema(type: "string")),
        ("env", Schema(type: "string")),
      ],
      required: ["projectId"]),
    .mutation(
      "project.remove",
      [
        ("projectId", Schema(type: "string", minLength: 1))
      ],
      required: ["projectId"]),
    .mutation(
      "environment.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("description", Schema(type: "string")),
        ("projectId", Schema(type: "string", minLength: 1)),
      ],
      required: ["name", "projectId"]),
    .query(
      "environment.one",
      [
        ("environmentId", Schema(type: "string", minLength: 1))
      ],
      required: ["environmentId"]),
    .query(
      "environment.byProjectId",
      [
        ("projectId", Schema(type: "string"))
      ],
      required: ["projectId"]),
    .mutation(
      "environment.remove",
      [
        ("environmentId", Schema(type: "string", minLength: 1))
      ],
      required: ["environmentId"]),
  ]
}
