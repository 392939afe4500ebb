import DokCore

extension Routers {
  /// The `previewDeployment` router's procedures.
  static let previewDeployment: [Procedure] = [
    .table("previewDeployment.all", "rows of previewDeployments", "routers/preview-deployment.ts:18"),
    .table("previewDeployment.one", "row of previewDeployments", "routers/preview-deployment.ts:27"),
    .table("previewDeployment.delete", "true", "routers/preview-deployment.ts:41"),
    .shape("previewDeployment.redeploy", "true", "routers/preview-deployment.ts:61"),
  ]
}
