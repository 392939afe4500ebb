import DokCore

/// A compact position inside one source text (no file: the session knows which file runs).
struct Pos: Sendable, Hashable {
  var offset: Int32
  var line: Int32
  var column: Int32
  var length: Int32

  /// This position as a diagnostic's location in `file`.
  func location(in file: String) -> SourceLocation {
    SourceLocation(file: file, line: Int(line), column: Int(column), length: Int(length))
  }
}

/// One part of a double-quoted string: literal text or a `${…}` expression's byte range.
enum StringPart: Sendable {
  case text(String)
  case interpolation(start: Int, end: Int)
}

/// A lexical token.
struct Token: Sendable {
  enum Kind: Sendable, Equatable {
    case ident, variable, number, string, rawString, member
    case newline, semicolon, eof, error
    case lbrace, rbrace, lparen, rparen, lbracket, rbracket
    case comma, dot, dotdot, colon, colonAssign, assign, at
    case eq, ne, lt, le, gt, ge, plus, minus, star, slash, percent
    case and, or, not
  }

  var kind: Kind
  /// Byte offsets into the source.
  var start: Int
  var end: Int
  /// Whitespace (or a comment) directly precedes this token.
  var spaceBefore: Bool
  /// Identifier / variable / member name, raw string text, or error message.
  var text: String = ""
  var number: Double = 0
  var parts: [StringPart] = []
  /// The number was written as a duration (`2s`).
  var isDuration = false
}
