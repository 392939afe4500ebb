/// Runs `body`, then `teardown`, awaited whether `body` threw or not: a server started by a test
/// is down before the test ends (a `defer` cannot await, and a `Task` started in one outlives the test).
public func withTeardown<T>(
  _ body: () async throws -> T, teardown: () async -> Void
) async throws -> T {
  let result: T
  do { result = try await body() } catch {
    await teardown()
    throw error
  }
  await teardown()
  return result
}
