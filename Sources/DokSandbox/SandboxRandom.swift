import Synchronization

/// Where the sandbox's random choices come from: ids (`nanoid`), app names and their suffixes,
/// random hex and tokens in replies. Seeded (`dok sandbox --seed N`), a sandbox makes the same
/// choices for the same calls on every run, so ids and app names are reproducible; unseeded, it
/// draws from the system's generator.
///
/// The engine binds its source to ``current`` around every state call (a task-local), so the
/// helpers in ``Support`` need no parameter.
final class SandboxRandom: Sendable {
  /// The SplitMix64 state; nil draws from the system's generator.
  private let state: Mutex<UInt64?>

  /// A source seeded with `seed`, or the system's generator when nil.
  init(seed: UInt64?) {
    state = Mutex(seed)
  }

  /// The next 64 random bits (SplitMix64 when seeded).
  func next() -> UInt64 {
    state.withLock { s -> UInt64 in
      guard let x = s else {
        var system = SystemRandomNumberGenerator()
        return system.next()
      }
      let advanced = x &+ 0x9E37_79B9_7F4A_7C15
      s = advanced
      var z = advanced
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// The source of the state call running now (the system's generator outside one).
  @TaskLocal static var current = SandboxRandom(seed: nil)

  /// A `RandomNumberGenerator` over ``current``, for `randomElement(using:)` and the like.
  struct Generator: RandomNumberGenerator {
    mutating func next() -> UInt64 { SandboxRandom.current.next() }
  }

  /// Runs `body` with this source as ``current``.
  func bind<T>(_ body: () throws(SandboxError) -> T) throws(SandboxError) -> T {
    let result = Self.$current.withValue(self) { Result { () throws(SandboxError) -> T in try body() } }
    return try result.get()
  }
}
