import DokCore

extension Routers {
  /// The `dockerImage` router's procedures.
  static let dockerImage: [Procedure] = [
    .recorded("dockerImage.getImages", .value(images, "services/docker-image.ts:27")),
    .recorded("dockerImage.getImageConfig", .value(imageConfig, "services/docker-image.ts:44")),
    .recorded("dockerImage.removeImage", .void("routers/docker-image.ts:46")),
  ]
}
