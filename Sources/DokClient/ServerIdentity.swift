import DokCore

/// Who dok is on a server (`dok whoami`): the server, its Dokploy version, the user, the
/// organization the key acts in and the member's role. Reads only.
public struct ServerIdentity: Sendable, Equatable {
  public var server: String
  public var version: String?
  public var email: String?
  public var name: String?
  public var organizationId: String?
  public var organizationName: String?
  public var role: String?

  /// Asks `settings.getDokployVersion`, `user.get` and `organization.one`; only `user.get`'s
  /// failure is an error (an older server without the version is fine).
  public static func fetch(_ session: DokSession) async throws(CallError) -> ServerIdentity {
    var me = ServerIdentity(server: session.connection.serverURL)
    me.version = (try? await session.callRaw(name: "settings.getDokployVersion", method: "GET"))?.stringValue
    let member = try await session.callRaw(name: "user.get", method: "GET")
    let user = member["user"] ?? member
    me.email = user["email"]?.stringValue
    let full = [user["firstName"]?.stringValue, user["lastName"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }
    me.name = full.isEmpty ? user["name"]?.stringValue : full.joined(separator: " ")
    me.role = member["role"]?.stringValue
    me.organizationId = member["organizationId"]?.stringValue
    if let id = me.organizationId {
      var input = JSONObject()
      input["organizationId"] = .string(id)
      me.organizationName =
        (try? await session.callRaw(name: "organization.one", method: "GET", input: input))?["name"]?.stringValue
    }
    return me
  }

  /// `server: …` lines for people.
  public var text: String {
    var out = "server:       \(server)\n"
    out += "version:      \(version ?? "unknown")\n"
    out += "user:         \([name, email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))\n"
    let org = [organizationName.map { "'\($0)'" }, organizationId.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    out += "organization: \(org.isEmpty ? "none" : org)\n"
    out += "role:         \(role ?? "unknown")\n"
    return out
  }

  /// The same as a JSON object.
  public var json: JSON {
    var o = JSONObject()
    o["server"] = .string(server)
    o["version"] = version.map(JSON.string) ?? .null
    o["email"] = email.map(JSON.string) ?? .null
    o["name"] = name.map(JSON.string) ?? .null
    o["organizationId"] = organizationId.map(JSON.string) ?? .null
    o["organizationName"] = organizationName.map(JSON.string) ?? .null
    o["role"] = role.map(JSON.string) ?? .null
    return .object(o)
  }

  /// The REPL prompt's name for a server: the profile (or host) and, when known, its Dokploy
  /// version (`prod v0.30.2`).
  public static func promptName(_ connection: Connection, version: String?) -> String {
    let base = connection.profile ?? connection.authority
    guard let version, !version.isEmpty else { return base }
    return "\(base) \(version)"
  }
}
