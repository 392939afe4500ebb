import DokCore
import Foundation

/// A parsed file or REPL entry.
public struct Program: @unchecked Sendable {
  let block: Block
  /// The file name used in locations.
  public let file: String
  /// Syntax errors (every broken line); the program must not run when there are any.
  public let diagnostics: [Diagnostic]
}

/// The last line, offset and column the parser computed a position for.
final class ColumnCache {
  var line = -1
  var offset = 0
  var column = 1
  /// Bytes stepped over to find columns (the parser's cost on long lines; tests read it).
  var scanned = 0
}

struct ParseError: Error {
  var message: String
  var offset: Int
  var length: Int = 1
  var notes: [String] = []
  /// Already reported (an unclosed block seen from an outer block).
  var silent = false
}

/// Recursive-descent parser with line-level recovery: after a syntax error it resumes at the
/// next line, so every broken line is reported. Variables are resolved to slots here.
struct Parser {
  let bytes: [UInt8]
  let file: String
  let symbols: SymbolTable
  let lineStarts: [Int]
  var lexer: Lexer
  var lookahead: Token?
  /// Inside `(`, `[` or an object literal newlines are not statement ends.
  var nlSkipDepth = 0
  var lastEnd = 0
  var diagnostics: [Diagnostic] = []
  var pendingBraces = 0
  var eofReported = false
  var loopDepth = 0
  /// Nesting of the tree being built (brackets, blocks, `!`/`-`, operator and path chains).
  var nesting = 0
  /// The nesting limit was reported (it is reported once).
  var nestingReported = false
  /// The last column computed (see ``pos(_:_:)``).
  let columns = ColumnCache()
  /// Deeper trees would overflow the stack when parsed, checked, run or freed.
  static let maxNesting = 200

  static let keywords: Set<String> = [
    "print", "if", "else", "for", "in", "while", "break", "continue", "wait", "until", "every", "timeout",
    "sleep", "assert", "try", "catch", "exit", "source", "true", "false", "null", "deploy",
  ]
  static let statementWords = [
    "print", "if", "for", "while", "break", "continue", "wait", "deploy", "sleep", "assert", "try", "exit", "source",
  ]

  init(text: String, file: String, symbols: SymbolTable) {
    bytes = Array(text.utf8)
    self.file = file
    self.symbols = symbols
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    lineStarts = starts
    lexer = Lexer(bytes: bytes)
  }

  // MARK: Tokens

  mutating func peek() -> Token {
    if let t = lookahead { return t }
    var t = lexer.next()
    while nlSkipDepth > 0 && t.kind == .newline { t = lexer.next() }
    lookahead = t
    return t
  }

  @discardableResult
  mutating func advance() -> Token {
    let t = peek()
    lookahead = nil
    lastEnd = t.end
    return t
  }

  mutating func reset(to offset: Int) {
    lexer.position = offset
    lookahead = nil
  }

  mutating func expect(_ k: Token.Kind, _ what: String) throws(ParseError) -> Token {
    let t = peek()
    guard t.kind == k else { throw unexpected(t, expected: what) }
    return advance()
  }

  func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<min(to, bytes.count)], as: UTF8.self) }

  func describe(_ t: Token) -> String {
    switch t.kind {
    case .eof: "end of input"
    case .newline: "end of line"
    case .string, .rawString: "a string"
    case .number: "a number"
    default: "'\(text(t.start, t.end))'"
    }
  }

  func unexpected(_ t: Token, expected: String) -> ParseError {
    if t.kind == .error { return ParseError(message: t.text, offset: t.start, length: t.end - t.start) }
    if t.kind == .eof && eofReported { return ParseError(message: "", offset: t.start, silent: true) }
    var notes: [String] = []
    if t.kind == .member && t.spaceBefore {
      notes.append("hint: a path must touch the value it follows (write $a\(text(t.start, t.end)), without a space)")
    }
    if t.kind == .assign {
      notes.append("hint: compare with '==' ('=' assigns only at the start of a statement: $x = …)")
    }
    return ParseError(
      message: "expected \(expected), found \(describe(t))", offset: t.start, length: max(1, t.end - t.start), notes: notes)
  }

  func pos(_ start: Int, _ end: Int? = nil) -> Pos {
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= start { lo = mid } else { hi = mid - 1 }
    }
    var col = 1
    var i = lineStarts[lo]
    // Positions come mostly in order: continue from the last one on the same line, so a
    // long line costs linear time, not quadratic.
    if columns.line == lo && columns.offset <= start {
      col = columns.column
      i = columns.offset
    }
    columns.scanned += max(0, min(start, bytes.count) - i)
    while i < start && i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 { col += 1 }
      i += 1
    }
    columns.line = lo
    columns.offset = i
    columns.column = col
    let len = max(1, (end ?? start + 1) - start)
    return Pos(offset: Int32(start), line: Int32(lo + 1), column: Int32(col), length: Int32(len))
  }

  func diagnostic(_ e: ParseError) -> Diagnostic {
    Diagnostic(.error, e.message, at: pos(e.offset, e.offset + e.length).location(in: file), notes: e.notes)
  }

  /// The statement's text from `start`: up to the last consumed token, first line only.
  func statementText(_ start: Int) -> String {
    var end = max(start, lastEnd)
    if let nl = bytes[start..<min(end, bytes.count)].firstIndex(of: 0x0A) { end = nl }
    return text(start, end).trimmingCharacters(in: .whitespaces)
  }

  // MARK: Program and blocks

  /// Parses a whole text.
  static func program(_ text: String, file: String, symbols: SymbolTable) -> Program {
    var p = Parser(text: text, file: file, symbols: symbols)
    return p.parseProgram()
  }

  /// Parses a whole text and reports how many bytes finding columns stepped over.
  static func measuredProgram(_ text: String, file: String) -> (Program, scanned: Int) {
    var p = Parser(text: text, file: file, symbols: SymbolTable())
    return (p.parseProgram(), p.columns.scanned)
  }

  mutating func parseProgram() -> Program {
    let list = parseStatements(inBlock: false)
    return Program(block: Block(list), file: file, diagnostics: diagnostics)
  }

  mutating func parseStatements(inBlock: Bool) -> [Stmt] {
    var out: [Stmt] = []
    while true {
      let t = peek()
      switch t.kind {
      case .newline, .semicolon:
        advance()
      case .eof:
        return out
      case .rbrace:
        if inBlock { return out }
        advance()
        if pendingBraces > 0 {
          pendingBraces -= 1
        } else {
          diagnostics.append(diagnostic(ParseError(message: "unexpected '}' (no block is open)", offset: t.start)))
        }
      default:
        let start = t.start
        do {
          out.append(try parseStatement())
          try expectStatementEnd()
        } catch {
          if !error.silent { diagnostics.append(diagnostic(error)) }
          if eofReported {
            reset(to: bytes.count)
          } else {
            recover(statementStart: start, errorOffset: error.offset, inBlock: inBlock)
          }
        }
      }
    }
  }

  mutating func expectStatementEnd() throws(ParseError) {
    let t = peek()
    switch t.kind {
    case .newline, .semicolon, .eof, .rbrace: return
    default: throw unexpected(t, expected: "end of statement")
    }
  }

  /// Skips to the next line; unbalanced `{` on the skipped text make matching `}` silent.
  /// Inside a block, a `}` on the rest of the line that closes the block ends the skip there
  /// (`if true { a: 1 }` reports the bad statement, not an unclosed block).
  mutating func recover(statementStart: Int, errorOffset: Int, inBlock: Bool = false) {
    nlSkipDepth = 0
    var i = errorOffset
    if i < bytes.count && bytes[i] == 0x0A {
      i += 1
    } else {
      while i < bytes.count && bytes[i] != 0x0A { i += 1 }
    }
    var depth = 0
    var j = statementStart
    var inString: UInt8 = 0
    while j < min(i, bytes.count) {
      let c = bytes[j]
      if inString != 0 {
        if c == 0x5C && inString == 0x22 { j += 1 } else if c == inString { inString = 0 }
      } else if c == 0x22 || c == 0x27 {
        inString = c
      } else if c == 0x23 {
        while j < i && bytes[j] != 0x0A { j += 1 }
      } else if c == 0x7B {
        depth += 1
      } else if c == 0x7D {
        if depth == 0 && inBlock && j >= errorOffset {
          nlSkipDepth = 0
          reset(to: j)
          lastEnd = j
          return
        }
        depth -= 1
      }
      j += 1
    }
    if depth > 0 { pendingBraces += depth }
    reset(to: i)
    lastEnd = i
  }

  /// One more level of nesting; fails past ``maxNesting`` (callers restore ``nesting``). Only
  /// the first failure is reported: each deeper line would say the same again.
  mutating func nest() throws(ParseError) {
    nesting += 1
    guard nesting <= Self.maxNesting else {
      let t = peek()
      defer { nestingReported = true }
      throw ParseError(
        message: "nested too deeply (more than \(Self.maxNesting) levels of brackets, blocks or chained operators)",
        offset: t.start, length: max(1, t.end - t.start), silent: nestingReported)
    }
  }

  mutating func parseBlock() throws(ParseError) -> Block {
    let savedNesting = nesting
    defer { nesting = savedNesting }
    try nest()
    let open = peek()
    guard open.kind == .lbrace else { throw unexpected(open, expected: "'{'") }
    advance()
    let saved = nlSkipDepth
    nlSkipDepth = 0
    defer { nlSkipDepth = saved }
    let list = parseStatements(inBlock: true)
    let close = peek()
    guard close.kind == .rbrace else {
      if eofReported { throw ParseError(message: "", offset: close.start, silent: true) }
      eofReported = true
      throw ParseError(message: "unclosed block: expected '}' to match the '{' here", offset: open.start)
    }
    advance()
    return Block(list)
  }
}
