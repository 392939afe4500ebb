/// One completion candidate.
public struct Completion: Sendable, Hashable {
  /// The full text that replaces the word being completed (`application.deploy`, `buildType=static`).
  public var text: String
  /// A short hint shown when candidates are listed (a parameter's type), or nil.
  public var hint: String?
  /// Whether a space should follow when this is the only candidate (false after `router.` and `key=`).
  public var appendSpace: Bool
  /// What a listing shows instead of ``text``, or nil: the value alone for `key=value`.
  public var display: String?

  public init(_ text: String, hint: String? = nil, appendSpace: Bool = true, display: String? = nil) {
    self.text = text
    self.hint = hint
    self.appendSpace = appendSpace
    self.display = display
  }
}

/// Candidates for the word that ends at the cursor, and where that word starts.
public struct CompletionResult: Sendable, Equatable {
  /// Character offset (in the line) where the replaced word starts.
  public var wordStart: Int
  /// The word as typed.
  public var word: String
  public var candidates: [Completion]
  /// What a single Tab inserts when several candidates share no longer prefix: after a
  /// procedure, its first required parameter not yet given. A second Tab lists them all.
  public var preferred: Completion?

  public init(wordStart: Int, word: String, candidates: [Completion], preferred: Completion? = nil) {
    self.wordStart = wordStart
    self.word = word
    self.candidates = candidates
    self.preferred = preferred
  }
}
