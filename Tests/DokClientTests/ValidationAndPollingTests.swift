import DokClient
import DokCore
import DokSpec
import DokTestSupport
import Synchronization
import Testing

/// Issue 15: a validation error reads the same over both wire forms, and a polling `wait`
/// makes one request per attempt (no client retries of its own).
@Suite struct ValidationAndPollingTests {
  static let issues =
    #"[{"code":"invalid_type","expected":"string","path":["name"],"message":"Invalid input: expected string, received number"},{"code":"too_small","path":["ports",0,"publishedPort"],"message":"Too small"}]"#

  func failure(_ reply: Scripted, form: WireForm) async throws -> CallError? {
    let server = try await TestServer.start { _ in reply }
    let session = Fixture.session(server, form: form, retry: .none)
    let e = await #expect(throws: CallError.self) {
      _ = try await session.call(procedure: "application.deploy", arguments: Fixture.args(("applicationId", .bare("x"))))
    }
    await session.shutdown()
    await server.stop()
    return e
  }

  @Test func bothWireFormsRenderOneMessageAndTheIssues() async throws {
    // Form B (tRPC) as the sandbox and Dokploy send it: the issue list, pretty-printed, is the message.
    let pretty = JSONWriter.pretty(try JSONParser.parse(Self.issues))
    let trpc: JSON = [
      "error": [
        "json": [
          "message": .string(pretty), "code": -32600,
          "data": [
            "code": "BAD_REQUEST", "httpStatus": 400,
            "zodError": [
              "formErrors": [],
              "fieldErrors": ["name": ["Invalid input: expected string, received number"], "ports": ["Too small"]],
            ],
          ],
        ]
      ]
    ]
    let openapi =
      #"{"message":"Input validation failed","code":"BAD_REQUEST","data":{"code":"BAD_REQUEST","httpStatus":400},"issues":\#(Self.issues)}"#
    let b = try #require(try await failure(.json(400, trpc), form: .trpc))
    let a = try #require(try await failure(.json(400, openapi), form: .openapi))
    for e in [a, b] {
      #expect(e.message == "Input validation failed")
      #expect(e.code == "BAD_REQUEST")
      #expect(
        e.issues == [
          .init(path: "name", message: "Invalid input: expected string, received number"),
          .init(path: "ports[0].publishedPort", message: "Too small"),
        ])
      #expect(!e.rendered.contains("\"code\""), "\(e.rendered)")
      #expect(e.rendered.contains("  name: Invalid input: expected string, received number"))
    }
    #expect(a.rendered == b.rendered)
  }

  @Test func aPollingCallIsNotRetriedByTheClient() async throws {
    let count = Mutex(0)
    let server = try await TestServer.start { _ in
      count.withLock { $0 += 1 }
      return .json(503, #"{"message":"busy"}"#)
    }
    let session = Fixture.session(server)  // retries 503 twice by default
    let args = Fixture.args(("applicationId", .bare("x")))
    _ = try? await session.call(procedure: "application.one", arguments: args)
    #expect(count.withLock { $0 } == 3)
    count.withLock { $0 = 0 }
    _ = try? await session.call(procedure: "application.one", arguments: args, retry: RetryPolicy.none)
    #expect(count.withLock { $0 } == 1)
    await session.shutdown()
    await server.stop()
  }
}

/// Issue 15 case 14: argument errors whose hints fit how the value was written.
@Suite struct ArgumentHintTests {
  func error(_ value: CallArgument.Value) throws -> CallError? {
    let proc = try #require(Fixture.catalog.procedure(named: "application.create"))
    let args = Fixture.args(("name", .bare("web")), ("replicas", value))
    return #expect(throws: CallError.self) { _ = try ArgumentBinder(validate: true).bind(args, to: proc) }
  }

  /// `replicas=` reaches the binder as the empty bare word; an empty quoted value gets no
  /// "write it bare (replicas=)" hint either.
  @Test func anEmptyValueForANumberGetsNoWriteItBareHint() throws {
    for value in [CallArgument.Value.bare(""), .value("")] {
      let e = try #require(try error(value))
      #expect(e.message.contains("'replicas' expects"), "\(e.message)")
      #expect(!e.hints.contains { $0.contains("write it bare") }, "\(e.hints)")
    }
  }

  @Test func aJSONStringForANumberIsToldToDropTheQuotes() throws {
    let e = try #require(try error(.json(#""3""#)))
    #expect(!e.hints.contains { $0.contains("write it bare") }, "\(e.hints)")
    #expect(e.hints.contains { $0.contains("replicas:=3") }, "\(e.hints)")
  }

  @Test func aBareIntegerADoubleWouldRoundIsAnError() throws {
    let e = try #require(try error(.bare("9007199254740993")))
    #expect(e.message.contains("beyond ±2^53"), "\(e.message)")
  }

  /// Issue 20, item 7: a bare number with an exponent fits a number parameter like any number;
  /// words Double also reads (`inf`, `nan`, hex) do not.
  @Test func aBareNumberWithAnExponentFitsANumberParameter() throws {
    let proc = try #require(Fixture.catalog.procedure(named: "application.create"))
    for (word, value) in [("1e2", 100.0), ("2.5E1", 25), ("1e+2", 100)] {
      let input = try ArgumentBinder(validate: true).bind(
        Fixture.args(("name", .bare("web")), ("replicas", .bare(word))), to: proc)
      #expect(input["replicas"] == .number(value), "\(word): \(input)")
    }
    for word in ["inf", "nan", "0x10"] { #expect(try error(.bare(word)) != nil, "\(word)") }
  }
}
