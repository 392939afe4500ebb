/// Task-scoped facts about the calls being made, read by the layers below the language.
public enum CallContext {
  /// True while a `wait` polls: the client makes one attempt per call and does no retries of
  /// its own, because the wait retries on its own schedule (one attempt per `every`).
  @TaskLocal public static var polling = false
}
