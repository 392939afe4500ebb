import DokCore

/// An application's dynamic Traefik file (`/etc/dokploy/traefik/dynamic/APP.yml`) as Dokploy
/// v0.30.2 writes it, in the YAML `stringify` gives: `createTraefikConfig` in production
/// (`utils/traefik/application.ts:12`: empty `routers` and `services`), then `manageDomain`
/// for each enabled domain (`utils/traefik/domain.ts:20`): a `web` router (only the
/// `redirect-to-https` middleware when the domain is https), a `websecure` router with the
/// certificate resolver, and a load-balancer service to `http://APP:PORT`.
struct TraefikConfig {
  /// The application row.
  var application: JSONObject
  /// Its domains, oldest first.
  var domains: [JSONObject]
  /// Its redirects' `uniqueConfigKey`s, oldest first.
  var redirectKeys: [String]
  /// Whether it has basic-auth users (`security` rows).
  var secured: Bool

  /// The file's text.
  var yaml: String {
    let app = application.str("appName") ?? ""
    var routers: [String] = []
    var services: [String] = []
    for d in domains where d["enabled"] != .bool(false) {
      let key = Self.text(d["uniqueConfigKey"])
      let https = d["https"] == .bool(true)
      let custom = d.str("customEntrypoint").flatMap { $0.isEmpty ? nil : $0 }
      routers += router("\(app)-router-\(key)", d, entryPoint: custom ?? "web", app: app)
      if custom == nil && https {
        routers += router("\(app)-router-websecure-\(key)", d, entryPoint: "websecure", app: app)
      }
      let port = d["port"].flatMap { $0 == .null ? nil : Self.text($0) } ?? "80"
      services += [
        "    \(app)-service-\(key):", "      loadBalancer:", "        servers:", "          - url: http://\(app):\(port)",
        "        passHostHeader: true",
      ]
    }
    var lines = ["http:"]
    lines += routers.isEmpty ? ["  routers: {}"] : ["  routers:"] + routers
    lines += services.isEmpty ? ["  services: {}"] : ["  services:"] + services
    return lines.joined(separator: "\n") + "\n"
  }

  /// `createRouterConfig` (utils/traefik/domain.ts:137) as YAML lines at the routers' depth.
  private func router(_ name: String, _ d: JSONObject, entryPoint: String, app: String) -> [String] {
    let key = Self.text(d["uniqueConfigKey"])
    let host = d.str("host") ?? ""
    let path = d.str("path")
    let https = d["https"] == .bool(true)
    let custom = d.str("customEntrypoint").flatMap { $0.isEmpty ? nil : $0 }
    var rule = "Host(`\(host)`)"
    if let path, path != "/" { rule += " && PathPrefix(`\(path)`)" }
    var middlewares: [String] = []
    if entryPoint == "web" && https && custom == nil {
      middlewares.append("redirect-to-https")
    } else {
      if d["stripPath"] == .bool(true), let path, path != "/" { middlewares.append("stripprefix-\(app)-\(key)") }
      if let inner = d.str("internalPath"), inner != "/", inner != path, !inner.isEmpty {
        middlewares.append("addprefix-\(app)-\(key)")
      }
      if d.str("domainType") != "preview" { middlewares += redirectKeys.map { "redirect-\(app)-\($0)" } }
      if secured { middlewares.append("auth-\(app)") }
      middlewares += d["middlewares"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
    var lines = ["    \(name):", "      rule: \(rule)", "      service: \(app)-service-\(key)"]
    lines += middlewares.isEmpty ? ["      middlewares: []"] : ["      middlewares:"] + middlewares.map { "        - \($0)" }
    lines += ["      entryPoints:", "        - \(entryPoint)"]
    if entryPoint == "websecure" || (custom != nil && https) {
      switch d.str("certificateType") {
      case "letsencrypt": lines += ["      tls:", "        certResolver: letsencrypt"]
      case "custom":
        if let resolver = d.str("customCertResolver"), !resolver.isEmpty {
          lines += ["      tls:", "        certResolver: \(resolver)"]
        }
      default: break
      }
    }
    return lines
  }

  private static func text(_ v: JSON?) -> String {
    switch v {
    case .number(let n)?: return JSONWriter.formatNumber(n)
    case .string(let s)?: return s
    default: return ""
    }
  }
}
