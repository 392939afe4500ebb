import Hummingbird
import NIOCore

/// The request context of the sandbox's responder: Hummingbird's basic context plus the
/// connection's channel, so a reply can be preceded by an interim `100 Continue`
/// (see ``InterimContinue``).
struct SandboxRequestContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// The connection the request came on.
  let channel: any Channel

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }
}
