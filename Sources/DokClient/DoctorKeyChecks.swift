import DokCore

/// The key half of `dok doctor`: is the key accepted (`user.get`) and, when not, what a 401 can
/// mean; the organization it acts in and its role; and what it may do (`user.getPermissions`:
/// reads, and whether a deploy would be permitted, without deploying).
struct DoctorKeyChecks: Sendable {
  var session: DokSession

  /// Why Dokploy v0.30.2 answers 401 to a key, in the order worth checking. Facts from its
  /// source: `validateRequest` (packages/server/src/lib/auth.ts) returns no user for a key that
  /// better-auth's `verifyApiKey` rejects (wrong, revoked, expired, or over its rate limit) and for
  /// a key whose metadata names no organization; better-auth 1.6's API-key plugin, which Dokploy
  /// configures without rate-limit options, limits a key to 10 requests per 24 hours unless the
  /// key was created with `rateLimitEnabled: false` — the web UI's "Add API key" form sends that,
  /// `user.createApiKey` called without it does not.
  static let unauthorizedCauses = [
    "the key is mistyped, was deleted, or belongs to another server (Settings → Profile → API/CLI keys lists them)",
    "the key has expired (keys created with an expiry stop working then)",
    "the key was created outside an organization: Dokploy needs metadata.organizationId on the key (the web UI sets it; user.createApiKey needs metadata={\"organizationId\": …})",
    "the key is rate-limited: a key made through user.createApiKey without rateLimitEnabled=false gets better-auth's default quota of 10 requests per 24 hours (Dokploy answers 401, not 429, once it is used up); create the key in the web UI, or pass rateLimitEnabled=false (or rateLimitMax/rateLimitTimeWindow)",
  ]

  /// `key` and `organization`; returns true when the key was accepted.
  func key(into report: inout DoctorReport) async -> Bool {
    let hasKey = !(session.connection.apiKey ?? "").isEmpty
    let member: JSON
    do {
      member = try await session.callRaw(name: "user.get", method: "GET", retry: RetryPolicy.none)
    } catch  where error.httpStatus == 401 && !hasKey {
      report.checks.append(
        DoctorCheck(
          "key", .fail, "no API key was given, and the server wants one",
          fix: "pass --api-key, set DOKPLOY_API_KEY (or DOKPLOY_API_KEY_FILE), or save one with dok login --url URL"))
      report.checks.append(DoctorCheck("organization", .skipped, "needs an accepted key"))
      return false
    } catch  where error.httpStatus == 401 {
      report.checks.append(
        DoctorCheck(
          "key", .fail,
          "the server rejected the key (401). Dokploy answers 401 alike for: "
            + Self.unauthorizedCauses.enumerated().map { "(\($0.offset + 1)) \($0.element)" }.joined(separator: "; "),
          fix:
            "make a new key in Dokploy (Settings → Profile → API/CLI) and save it with dok login --url \(session.connection.serverURL)"
        ))
      report.checks.append(DoctorCheck("organization", .skipped, "needs an accepted key"))
      return false
    } catch {
      report.checks.append(DoctorCheck("key", .fail, "user.get failed: \(error.message)", fix: "see the checks above"))
      report.checks.append(DoctorCheck("organization", .skipped, "needs an accepted key"))
      return false
    }
    let email = member["user"]?["email"]?.stringValue ?? member["email"]?.stringValue
    let who = email.map { " (user \($0))" } ?? ""
    report.checks.append(
      DoctorCheck("key", .ok, hasKey ? "accepted\(who)" : "none needed: this server answers without a key\(who)"))
    let organizationId = member["organizationId"]?.stringValue
    let role = member["role"]?.stringValue ?? "member"
    guard let organizationId else {
      report.checks.append(
        DoctorCheck(
          "organization", .warn, "user.get named no organization", fix: "create the key inside an organization (the web UI does)")
      )
      return true
    }
    var name: String?
    var input = JSONObject()
    input["organizationId"] = .string(organizationId)
    if let org = try? await session.callRaw(name: "organization.one", method: "GET", input: input, retry: RetryPolicy.none) {
      name = org["name"]?.stringValue
    }
    let what = name.map { "'\($0)' (\(organizationId))" } ?? organizationId
    report.checks.append(DoctorCheck("organization", .ok, "acts in organization \(what) as \(role)"))
    return true
  }

  /// `permissions`: reads, and whether `deployment.create` would be allowed.
  func permissions(into report: inout DoctorReport) async {
    let value: JSON
    do {
      value = try await session.callRaw(name: "user.getPermissions", method: "GET", retry: RetryPolicy.none)
    } catch {
      report.checks.append(
        DoctorCheck(
          "permissions", .warn, "user.getPermissions failed (\(error.message)); what the key may do is unknown",
          fix: "an older Dokploy may not have it"))
      return
    }
    let reads = value["project"] != nil || value["service"]?["read"]?.boolValue == true
    let deploy = value["deployment"]?["create"]?.boolValue
    switch deploy {
    case true?:
      report.checks.append(
        DoctorCheck(
          "permissions", .ok, "reads allowed; deploys allowed (deployment.create), so deploy and dok call --wait may start builds"
        ))
    case false?:
      report.checks.append(
        DoctorCheck(
          "permissions", .warn,
          "reads allowed\(reads ? "" : " (some)"); deploys NOT permitted for this member (deployment.create is off)",
          fix: "an owner or admin can grant it (Settings → Users → permissions), or use a key of a member who may deploy"))
    case nil:
      report.checks.append(
        DoctorCheck(
          "permissions", .warn, "user.getPermissions did not say whether deploys are allowed: \(value.compactText.prefix(120))"))
    }
  }
}
