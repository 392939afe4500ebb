import DokClient
import DokCore
import DokTestSupport
import Foundation
import Synchronization
import Testing

/// A fake Dokploy serving a version and the fixture document.
final class FakeDokploy: Sendable {
  let version = LockedString("v0.25.0")
  let server: TestServer

  init(form: WireForm = .openapi) async throws {
    let version = self.version
    server = try await TestServer.start { r in
      func reply(_ text: String) -> Scripted {
        .json(200, form == .trpc ? #"{"result":{"data":{"json":\#(text)}}}"# : text)
      }
      if r.path.hasSuffix("settings.getDokployVersion") { return reply(JSONWriter.quoted(version.get())) }
      if r.path.hasSuffix("settings.getOpenApiDocument") { return reply(Fixture.document) }
      return .json(404, #"{"message":"no"}"#)
    }
  }
}

/// A settable clock for ``SpecProvider/now``.
final class Clock: Sendable {
  private let m: Mutex<Double>
  init(_ v: Double) { m = Mutex(v) }
  func get() -> Double { m.withLock { $0 } }
  func set(_ v: Double) { m.withLock { $0 = v } }
}

/// A string several threads read and write (the fake's version).
final class LockedString: Sendable {
  private let m: Mutex<String>
  init(_ v: String) { m = Mutex(v) }
  func get() -> String { m.withLock { $0 } }
  func set(_ v: String) { m.withLock { $0 = v } }
}

@Suite struct SpecProviderTests {
  func tempDir() -> String {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("dok-cache-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
    return d
  }

  func allFiles(_ dir: String) -> [String] {
    (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).map { dir + "/" + $0 }
  }

  @Test(arguments: [WireForm.openapi, .trpc])
  func fetchedOnceCachedThenUsedOfflineWithANote(form: WireForm) async throws {
    let fake = try await FakeDokploy(form: form)
    let cache = tempDir()
    let provider = SpecProvider(cacheDirectory: cache, checkInterval: 0)
    var c = Fixture.connection(fake.server, form: form)
    c.timeout = 2
    let session = DokSession(connection: c, retry: .none)

    let (catalog1, note1) = try await provider.catalog(for: session)
    #expect(catalog1.procedure(named: "application.create") != nil)
    #expect(note1 == nil)
    #expect(
      fake.server.requests.map(\.path).map { $0.split(separator: ".").last! } == ["getDokployVersion", "getOpenApiDocument"])

    let (catalog2, note2) = try await provider.catalog(for: session)
    #expect(catalog2.procedures.count == catalog1.procedures.count)
    #expect(note2 == nil)
    #expect(fake.server.requests.count == 3)  // only the version check

    fake.version.set("v0.26.0")
    _ = try await provider.catalog(for: session)
    #expect(fake.server.requests.count == 5)  // version changed: fetched again

    let dir = try #require(provider.serverDirectory(for: c))
    #expect(FileManager.default.fileExists(atPath: dir + "/openapi.json"))
    #expect(try String(contentsOfFile: dir + "/meta.json", encoding: .utf8).contains("v0.26.0"))
    for file in allFiles(cache) {
      #expect(!file.contains(Fixture.key))
      guard let bytes = try? FileIO.read(file) else { continue }
      #expect(!String(decoding: bytes, as: UTF8.self).contains(Fixture.key), "\(file)")
    }

    await fake.server.stop()
    let (catalog3, note3) = try await provider.catalog(for: session)
    await session.shutdown()
    #expect(catalog3.procedure(named: "application.one") != nil)
    let note = try #require(note3)
    #expect(note.contains("unreachable"))
    #expect(note.contains("cached"))
    #expect(!note.contains("\n"))
  }

  @Test func aRecentlyCheckedDocumentIsTrustedWithoutARequestUntilTheIntervalPasses() async throws {
    let fake = try await FakeDokploy()
    let cache = tempDir()
    let clock = Clock(1_000_000)
    let provider = SpecProvider(cacheDirectory: cache, checkInterval: 600, now: { clock.get() })
    let session = DokSession(connection: Fixture.connection(fake.server), retry: .none)
    _ = try await provider.catalog(for: session)
    #expect(fake.server.requests.count == 2)  // version + document
    clock.set(1_000_000 + 599)
    let (cached, _) = try await provider.catalog(for: session)
    #expect(cached.procedure(named: "application.create") != nil)
    #expect(fake.server.requests.count == 2)  // trusted: no request at all
    clock.set(1_000_000 + 601)
    _ = try await provider.catalog(for: session)
    #expect(fake.server.requests.count == 3)  // due: one version check
    #expect(fake.server.requests.last?.path.hasSuffix("getDokployVersion") == true)
    clock.set(1_000_000 + 700)
    _ = try await provider.catalog(for: session)
    #expect(fake.server.requests.count == 3)  // the check above restarted the interval
    // checkIfDue: not due → nothing; forced with an unchanged version → one request, no update.
    #expect(await provider.checkIfDue(for: session) == nil)
    #expect(fake.server.requests.count == 3)
    #expect(await provider.checkIfDue(for: session, force: true) == nil)
    #expect(fake.server.requests.count == 4)
    fake.version.set("v0.26.0")
    let update = try #require(await provider.checkIfDue(for: session, force: true))
    #expect(update.oldVersion == "v0.25.0" && update.newVersion == "v0.26.0")
    #expect(update.note.contains("v0.25.0 → v0.26.0"))
    #expect(fake.server.requests.count == 6)  // version + document
    await session.shutdown()
    await fake.server.stop()
  }

  /// The REPL's start: `preferCache` opens from a cached document with no request even when its
  /// check is due; `checkIfDue` then (in the background) finds the server's new document.
  @Test func aDeferredCheckOpensFromTheCacheThenFindsAChangedDocument() async throws {
    let fake = try await FakeDokploy()
    let provider = SpecProvider(cacheDirectory: tempDir(), checkInterval: 0)  // every check is due
    let session = DokSession(connection: Fixture.connection(fake.server), retry: .none)
    _ = try await provider.catalog(for: session)
    #expect(fake.server.requests.count == 2)
    fake.version.set("v0.26.0")
    let (cached, _) = try await provider.catalog(for: session, preferCache: true)
    #expect(cached.procedure(named: "application.create") != nil)
    #expect(fake.server.requests.count == 2)  // opened from the cache: no request
    let update = try #require(await provider.checkIfDue(for: session))
    #expect(update.note.contains("v0.25.0 → v0.26.0"))
    #expect(fake.server.requests.count == 4)  // version + document
    #expect(await provider.checkIfDue(for: session) == nil)  // unchanged now
    await session.shutdown()
    await fake.server.stop()
  }

  @Test func theIntervalComesFromTheEnvironmentOrTheProfile() {
    var c = Connection(baseURL: "http://127.0.0.1:1/api")
    #expect(SpecProvider.checkInterval(for: c, environment: { _ in nil }) == 600)
    c.specCheckInterval = 30
    #expect(SpecProvider.checkInterval(for: c, environment: { _ in nil }) == 30)
    #expect(SpecProvider.checkInterval(for: c, environment: { $0 == "DOK_SPEC_CHECK_INTERVAL" ? "2m" : nil }) == 120)
    #expect(SpecProvider.checkInterval(for: c, environment: { $0 == "DOK_SPEC_CHECK_INTERVAL" ? "0" : nil }) == 0)
    #expect(SpecProvider.checkInterval(for: c, environment: { $0 == "DOK_SPEC_CHECK_INTERVAL" ? "soon" : nil }) == 30)
    let config = try? ProfileConfig.parse("[profiles.a]\nurl = \"http://h\"\nspec_check_interval = 45\n")
    #expect(config?.profile(named: "a")?.specCheckInterval == 45)
    #expect(config.map { (try? ProfileConfig.parse($0.serialized())) == $0 } == true)
  }

  @Test func refreshFetchesEvenWhenTheVersionIsUnchanged() async throws {
    let fake = try await FakeDokploy()
    let provider = SpecProvider(cacheDirectory: tempDir())
    let session = DokSession(connection: Fixture.connection(fake.server), retry: .none)
    _ = try await provider.catalog(for: session)
    _ = try await provider.catalog(for: session, forceRefresh: true)
    await session.shutdown()
    await fake.server.stop()
    #expect(fake.server.requests.filter { $0.path.hasSuffix("getOpenApiDocument") }.count == 2)
  }

  @Test func unreachableWithoutACacheIsATransportError() async throws {
    let port = try await TestServer.closedPort()
    let provider = SpecProvider(cacheDirectory: tempDir())
    let session = DokSession(connection: Connection(baseURL: "http://127.0.0.1:\(port)/api", apiKey: Fixture.key), retry: .none)
    let e = await #expect(throws: CallError.self) { _ = try await provider.catalog(for: session) }
    await session.shutdown()
    #expect(e?.kind == .transport)
  }

  @Test func specFileOverridesTheServer() async throws {
    let fake = try await FakeDokploy()
    let path = tempDir() + "/spec.json"
    try Fixture.document.write(toFile: path, atomically: true, encoding: .utf8)
    let provider = SpecProvider(cacheDirectory: nil)
    let session = DokSession(connection: Fixture.connection(fake.server))
    let (catalog, note) = try await provider.catalog(for: session, specFile: path)
    await session.shutdown()
    await fake.server.stop()
    #expect(catalog.procedure(named: "project.all") != nil)
    #expect(note == nil)
    #expect(fake.server.requests.isEmpty)
  }

  @Test func aVersionTheKeyMayNotReadStillFetchesTheDocumentOnce() async throws {
    let server = try await TestServer.start { r in
      r.path.hasSuffix("getOpenApiDocument")
        ? .json(200, Fixture.document) : .json(403, #"{"message":"Forbidden","code":"FORBIDDEN"}"#)
    }
    let provider = SpecProvider(cacheDirectory: tempDir())
    let session = DokSession(connection: Fixture.connection(server), retry: .none)
    _ = try await provider.catalog(for: session)
    let (catalog, note) = try await provider.catalog(for: session)
    await session.shutdown()
    await server.stop()
    #expect(catalog.procedure(named: "application.one") != nil)
    #expect(note == nil)
    #expect(server.requests.filter { $0.path.hasSuffix("getOpenApiDocument") }.count == 1)
  }

  @Test func unauthorizedVersionCheckIsAnAPIError() async throws {
    let server = try await TestServer.start { _ in .json(401, #"{"message":"Unauthorized"}"#) }
    let provider = SpecProvider(cacheDirectory: tempDir())
    let session = DokSession(connection: Fixture.connection(server), retry: .none)
    let e = await #expect(throws: CallError.self) { _ = try await provider.catalog(for: session) }
    await session.shutdown()
    await server.stop()
    #expect(e?.httpStatus == 401)
    #expect(e?.hints == [ReplyDecoder.unauthorizedHint])
  }
}
