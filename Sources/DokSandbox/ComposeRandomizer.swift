import DokCore

/// `compose.randomizeCompose` on a compose file's text: `addSuffixToAllProperties`
/// (`utils/docker/compose.ts:43`) applied line by line to block-style YAML, keeping the file's
/// own layout (the real server re-serializes the parsed file with `yaml`'s `stringify`, which
/// for a file already in two-space block style gives the same text).
///
/// What is renamed to `NAME-SUFFIX`, as in `utils/docker/compose/*.ts`: the keys under
/// `services`, `volumes`, `networks` (not `dokploy-network`), `configs` and `secrets`; in each
/// service, `depends_on` (list or map), `container_name`, `links`, `volumes_from`, `extends`,
/// named volumes of the short `volumes` syntax (not bind mounts, `.`/`/`/`$` paths), `networks`
/// (list or map), and `configs`/`secrets` (names and long-form `source`). Flow-style lists
/// (`[a, b]`) and the long `volumes` syntax are left as they are.
struct ComposeRandomizer {
  /// The suffix appended after a dash.
  var suffix: String
  /// Only volumes (`addSuffixToAllVolumes`, for an isolated deployment's volumes).
  var volumesOnly = false

  private static let sections: Set<String> = ["services", "volumes", "networks", "configs", "secrets"]

  /// The file with every name suffixed; `{}` (what `stringify` gives for an empty document) for an empty file.
  func randomize(_ yaml: String) -> String {
    var out: [String] = []
    var section = ""
    var sectionIndent: Int?
    var serviceIndent: Int?
    var field = ""
    var fieldIndent: Int?
    var sawContent = false
    for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let body = line.drop { $0 == " " }
      if body.isEmpty || body.hasPrefix("#") {
        out.append(line)
        continue
      }
      sawContent = true
      let depth = line.count - body.count
      let pad = String(repeating: " ", count: depth)
      if depth == 0 {
        let name = Self.key(of: body) ?? ""
        section = (volumesOnly ? ["services", "volumes"] : Self.sections).contains(name) ? name : ""
        sectionIndent = nil
        serviceIndent = nil
        out.append(line)
        continue
      }
      guard !section.isEmpty else {
        out.append(line)
        continue
      }
      if sectionIndent == nil { sectionIndent = depth }
      if depth == sectionIndent, let name = Self.key(of: body) {
        // A top-level name: a service, volume, network, config or secret.
        let keep = (section == "networks" && name == "dokploy-network") || (volumesOnly && section == "services")
        out.append(pad + (keep ? String(body) : rename(body, key: name)))
        field = ""
        fieldIndent = nil
        serviceIndent = nil
        continue
      }
      guard section == "services" else {
        out.append(line)
        continue
      }
      if serviceIndent == nil { serviceIndent = depth }
      if depth == serviceIndent {
        field = Self.key(of: body) ?? ""
        fieldIndent = nil
        let value = Self.value(of: body)
        if !value.isEmpty, !volumesOnly, ["container_name", "extends"].contains(field) {
          out.append(pad + field + ": " + suffixed(value))
        } else {
          out.append(line)
        }
        continue
      }
      if fieldIndent == nil { fieldIndent = depth }
      out.append(pad + serviceField(body, field: field, direct: depth == fieldIndent))
    }
    guard sawContent else { return "{}\n" }
    var text = out.joined(separator: "\n")
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  /// A line inside a service's `field` (`direct`: at the field's first indent).
  private func serviceField(_ body: Substring, field: String, direct: Bool) -> String {
    let isItem = body.hasPrefix("- ")
    let item = isItem ? body.dropFirst(2).drop { $0 == " " } : body[...]
    switch volumesOnly && field != "volumes" ? "" : field {
    case "depends_on", "links", "volumes_from":
      if isItem && direct { return "- " + suffixed(item) }
      if !isItem && direct, let k = Self.key(of: body) { return rename(body, key: k) }
    case "networks":
      if isItem && direct, Self.unquoted(item) != "dokploy-network" { return "- " + suffixed(item) }
      if !isItem && direct, let k = Self.key(of: body), k != "dokploy-network" { return rename(body, key: k) }
    case "configs", "secrets":
      if isItem && direct && Self.key(of: item) == nil { return "- " + suffixed(item) }
      let entry = isItem ? item : body
      if Self.key(of: entry) == "source" {
        return (isItem ? "- " : "") + "source: " + suffixed(Self.value(of: entry))
      }
    case "volumes":
      if isItem && direct && Self.key(of: item) == nil { return "- " + volume(item) }
    case "extends":
      if !isItem, Self.key(of: body) == "service" { return "service: " + suffixed(Self.value(of: body)) }
    default: break
    }
    return String(body)
  }

  /// A short-syntax volume: `name:/path[:mode]` → `name-SUFFIX:/path[:mode]` (`compose/volume.ts:24`).
  private func volume(_ item: Substring) -> String {
    let (text, quote) = Self.unquote(item)
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, let name = parts.first, !name.isEmpty, !parts[1].isEmpty,
      !name.hasPrefix("."), !name.hasPrefix("/"), !name.hasPrefix("$")
    else { return String(item) }
    let base = name.split(separator: "/", maxSplits: 1)
    let renamed =
      base.count > 1 ? "\(base[0])-\(suffix)/\(base[1])" : "\(name)-\(suffix)"
    return quote + renamed + ":" + parts[1] + quote
  }

  /// `key: rest` → `key-SUFFIX: rest`, keeping the key's quotes.
  private func rename(_ body: Substring, key: String) -> String {
    guard let colon = Self.keyColon(body) else { return String(body) }
    let (_, quote) = Self.unquote(body[..<colon])
    return quote + key + "-" + suffix + quote + String(body[colon...])
  }

  /// A scalar with the suffix, keeping its quotes.
  private func suffixed(_ scalar: Substring) -> String {
    let (text, quote) = Self.unquote(scalar)
    return quote + text + "-" + suffix + quote
  }

  private func suffixed(_ scalar: String) -> String { suffixed(scalar[...]) }

  /// The colon ending a mapping key (`name:` or `name: value`), outside quotes.
  private static func keyColon(_ body: Substring) -> Substring.Index? {
    var quote: Character?
    for i in body.indices {
      let c = body[i]
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      if c == "\"" || c == "'" {
        quote = c
        continue
      }
      if c == ":" {
        let next = body.index(after: i)
        if next == body.endIndex || body[next] == " " { return i }
      }
    }
    return nil
  }

  /// The unquoted key of a mapping line, nil when the line is not `key:`.
  private static func key(of body: Substring) -> String? {
    guard !body.hasPrefix("- "), let colon = keyColon(body) else { return nil }
    return unquote(body[..<colon]).text
  }

  /// The value after a mapping key, trimmed (empty for a nested mapping).
  private static func value(of body: Substring) -> String {
    guard let colon = keyColon(body) else { return "" }
    return body[body.index(after: colon)...].trimming(" ")
  }

  private static func unquoted(_ s: Substring) -> String { unquote(s).text }

  private static func unquote(_ s: Substring) -> (text: String, quote: String) {
    let t = s.trimming(" ")
    if t.count >= 2, let q = t.first, q == "\"" || q == "'", t.last == q {
      return (String(t.dropFirst().dropLast()), String(q))
    }
    return (t, "")
  }
}
