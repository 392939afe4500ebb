import DokCore

/// A `--columns` entry: a key, or a path into a row such as `environments[0].name` or
/// `application.name` (keys joined by `.`, array indexes in `[N]`). A key that holds a dot itself
/// is found as written before it is read as a path.
public struct ColumnPath: Sendable {
  /// As written: the column's heading.
  public let text: String
  private enum Step {
    case key(String)
    case index(Int)
  }
  private let steps: [Step]?

  public init(_ text: String) {
    self.text = text
    self.steps = Self.parse(text)
  }

  /// The value at this path in `row`; nil when it is not there.
  public func value(in row: JSON) -> JSON? {
    if case .object(let o) = row, let v = o[text] { return v }
    guard let steps else { return nil }
    var current = row
    for step in steps {
      switch (step, current) {
      case (.key(let k), .object(let o)):
        guard let v = o[k] else { return nil }
        current = v
      case (.index(let i), .array(let a)):
        guard a.indices.contains(i) else { return nil }
        current = a[i]
      default:
        return nil
      }
    }
    return current
  }

  /// `a.b[0].c` as steps; nil when it is no path (then only the whole text names a key).
  private static func parse(_ text: String) -> [Step]? {
    var steps: [Step] = []
    var key = ""
    var chars = text[...]
    func flushKey() -> Bool {
      guard !key.isEmpty else { return false }
      steps.append(.key(key))
      key = ""
      return true
    }
    while let c = chars.popFirst() {
      switch c {
      case ".":
        // After `]` a dot only separates; else it ends a key.
        if key.isEmpty, case .index? = steps.last { continue }
        guard flushKey() else { return nil }
      case "[":
        if !key.isEmpty { _ = flushKey() }
        guard let close = chars.firstIndex(of: "]"), let i = Int(chars[..<close]), i >= 0 else { return nil }
        steps.append(.index(i))
        chars = chars[chars.index(after: close)...]
      default:
        key.append(c)
      }
    }
    if !key.isEmpty { steps.append(.key(key)) }
    return steps.isEmpty ? nil : steps
  }
}
