import DokCore

/// The answer to "which procedure is `name`?" for one-shot commands such as `dok describe`.
///
/// ``find(_:in:source:)`` reads a JSON document without converting all of it: the parser builds
/// the top level, `components` and the one path item whose procedure name matches, and only
/// validates the JSON of the other path items. Converting one operation instead of ~600 is what
/// keeps a first `describe` of a large document fast. Problems inside path items that were not
/// built are not reported when the name is found; loading the whole document (the REPL,
/// `dok procedures`, `dok check`) reports them.
public enum ProcedureLookup: Sendable, Equatable {
  /// The procedure was found.
  case found(Procedure)
  /// No procedure has that name; up to three close names, best first.
  case missing(suggestions: [String])

  /// Looks `name` up in a catalog that is already loaded.
  public static func find(_ name: String, in catalog: Catalog) -> ProcedureLookup {
    if let p = catalog.procedure(named: name) { return .found(p) }
    return .missing(suggestions: catalog.suggestions(for: name))
  }

  /// Looks `name` up in a document (JSON or YAML bytes), building only what it needs.
  /// Throws the same ``SpecError`` as ``SpecLoader/load(_:source:)`` for an unusable document.
  public static func find(_ name: String, in bytes: [UInt8], source: String = "") throws(SpecError) -> ProcedureLookup {
    let root = try SpecLoader.parseDocument(bytes, source: source) { path, key in
      path.count != 1 || path[0] != "paths" || SpecLoader.procedureName(forPath: key) == name
    }
    // What was built may refer into what was not (a `$ref` to another path item); an unknown
    // name needs every name for its suggestions. In both cases the whole document decides,
    // and its errors are the ones a full load reports.
    if let catalog = try? SpecLoader.catalog(from: root), let p = catalog.procedure(named: name) {
      return .found(p)
    }
    return find(name, in: try SpecLoader.load(bytes, source: source))
  }
}
