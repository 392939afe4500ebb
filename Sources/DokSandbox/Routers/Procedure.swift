import DokCore

/// One procedure of Dokploy's API as the sandbox answers it, declared once in its router's file
/// under `Routers/`: what the real procedure returns and the source line it was read at, who
/// answers it, and whether the answer changes the sandbox's state. ``Routers`` collects them;
/// `docs/sandbox-procedures.md` is generated from them (``ProcedureCatalog``).
struct Procedure: Sendable {
  /// Hand-written behaviour: runs on the state with the validated input and the call's time.
  /// (It throws ``SandboxError``s; a closure's thrown type is not inferred, hence untyped.)
  typealias Code = @Sendable (inout SandboxState, JSONObject, Double) throws -> JSON?

  /// Who answers the procedure.
  enum Handler: Sendable {
    /// The declarative engine on rows of the router's table (`State+Generic`): create, one, all,
    /// update, remove / delete, and `createX` / `updateX` of a child table.
    case table
    /// The reply's shape as `tables.json` states it (a row of the router's table when the input
    /// names one), with no state effect.
    case shape
    /// A reply recorded from the router's source (``RouterReply``, built by ``RecordedReplies``).
    case recorded(RouterReply)
    /// Code over the state.
    case code(Code)
  }

  /// `router.procedure`.
  let name: String
  /// Who answers it.
  let handler: Handler
  /// What the real procedure returns, in a few words (`row of applications`, `true`, `void`…).
  let reply: String
  /// Where it was read in Dokploy v0.30.2 (`routers/application.ts:82`; see ``RouterReply/source``).
  let source: String
  /// True when answering it may change the sandbox's state (a test checks that the others do not).
  let changesState: Bool
  /// For a `create` of the table engine: how the router reports an insert whose foreign key
  /// names no row (nil: 404 "<Thing> not found").
  var refusedInsert: RefusedInsert?

  /// How a router reports the database's refusal of an insert (a foreign key naming no row),
  /// when a `try`/`catch` around it rewrites the error.
  struct RefusedInsert: Sendable {
    /// The code the `catch` throws.
    var code: SandboxError.Code
    /// Its message: nil for the database error's own (drizzle's `Failed query: insert into …`),
    /// else this text, in which `<query>` stands for that message.
    var message: String?
    /// Where the `catch` is.
    var source: String
  }

  /// Answered by the table engine; it changes state unless it reads (`one`, `all`).
  static func table(_ name: String, _ reply: String, _ source: String, refusedInsert: RefusedInsert? = nil)
    -> Procedure
  {
    let proc = name.drop { $0 != "." }.dropFirst()
    return Procedure(
      name: name, handler: .table, reply: reply, source: source, changesState: proc != "one" && proc != "all",
      refusedInsert: refusedInsert)
  }

  /// Answered with the shape `tables.json` states; no state effect.
  static func shape(_ name: String, _ reply: String, _ source: String) -> Procedure {
    Procedure(name: name, handler: .shape, reply: reply, source: source, changesState: false)
  }

  /// Answered with a reply recorded from the router's source.
  static func recorded(_ name: String, _ reply: RouterReply) -> Procedure {
    Procedure(
      name: name, handler: .recorded(reply), reply: reply.summary, source: reply.source,
      changesState: reply.kind.changesState)
  }

  /// Answered by code over the state.
  static func code(_ name: String, _ reply: String, _ source: String, changesState: Bool, _ body: @escaping Code)
    -> Procedure
  {
    Procedure(name: name, handler: .code(body), reply: reply, source: source, changesState: changesState)
  }

  /// How the procedure is answered, in `docs/sandbox-procedures.md`'s words.
  var kind: HandlerKind {
    switch handler {
    case .table: .table
    case .shape, .recorded: .fixedShape
    case .code: .modelled
    }
  }
}
