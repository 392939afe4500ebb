/// Variable names resolved to slots once, at parse time, so running never hashes a name.
final class SymbolTable: @unchecked Sendable {
  private(set) var names: [String] = []
  private var index: [String: Int] = [:]

  /// The slot for `name`, allocating one on first sight.
  func slot(for name: String) -> Int {
    if let i = index[name] { return i }
    names.append(name)
    index[name] = names.count - 1
    return names.count - 1
  }

  func existing(_ name: String) -> Int? { index[name] }

  var count: Int { names.count }
}
