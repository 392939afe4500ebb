import DokCore

extension Parser {
  mutating func parseExpr() throws(ParseError) -> Expr {
    let saved = nesting
    defer { nesting = saved }
    try nest()
    return try parseOr()
  }

  mutating func parseOr() throws(ParseError) -> Expr {
    var start = peek().start
    let first = try parseAnd()
    guard peek().kind == .or else { return first }
    let t = peek()
    var operands = [first]
    var spans = [Span(start, lastEnd)]
    while peek().kind == .or {
      advance()
      start = peek().start
      operands.append(try parseAnd())
      spans.append(Span(start, lastEnd))
    }
    return OrExpr(operands, spans: spans, pos: pos(t.start, t.end))
  }

  mutating func parseAnd() throws(ParseError) -> Expr {
    var start = peek().start
    let first = try parseNot()
    guard peek().kind == .and else { return first }
    let t = peek()
    var operands = [first]
    var spans = [Span(start, lastEnd)]
    while peek().kind == .and {
      advance()
      start = peek().start
      operands.append(try parseNot())
      spans.append(Span(start, lastEnd))
    }
    return AndExpr(operands, spans: spans, pos: pos(t.start, t.end))
  }

  mutating func parseNot() throws(ParseError) -> Expr {
    let t = peek()
    if t.kind == .not {
      let saved = nesting
      defer { nesting = saved }
      advance()
      try nest()
      return NotExpr(try parseNot(), pos: pos(t.start, t.end))
    }
    return try parseComparison()
  }

  mutating func comparisonOp(_ t: Token) -> BinaryOp? {
    switch t.kind {
    case .eq: .eq
    case .ne: .ne
    case .lt: .lt
    case .le: .le
    case .gt: .gt
    case .ge: .ge
    case .ident where t.text == "in": .isIn
    default: nil
    }
  }

  mutating func parseComparison() throws(ParseError) -> Expr {
    let start = peek().start
    let l = try parseRange()
    let t = peek()
    guard let op = comparisonOp(t) else { return l }
    advance()
    let r = try parseRange()
    let n = peek()
    if comparisonOp(n) != nil {
      throw ParseError(
        message: "comparisons do not chain", offset: n.start, length: n.end - n.start,
        notes: ["hint: combine them with && (a == b && b == c)"])
    }
    return BinaryExpr(op, l, r, pos: pos(t.start, t.end), span: Span(start, lastEnd))
  }

  mutating func parseRange() throws(ParseError) -> Expr {
    let l = try parseAdditive()
    let t = peek()
    guard t.kind == .dotdot else { return l }
    advance()
    return RangeExpr(l, try parseAdditive(), pos: pos(t.start, t.end))
  }

  /// `+ -` and `* / %` chains: left-associative and flat (a chain is not nesting).
  mutating func parseChain(_ opFor: (Token.Kind) -> BinaryOp?, operand: (inout Parser) throws(ParseError) -> Expr)
    throws(ParseError) -> Expr
  {
    let start = peek().start
    let first = try operand(&self)
    guard opFor(peek().kind) != nil else { return first }
    var operands = [first]
    var ops: [BinaryOp] = []
    var positions: [Pos] = []
    var ends = [lastEnd]
    while let op = opFor(peek().kind) {
      let t = advance()
      ops.append(op)
      positions.append(pos(t.start, t.end))
      operands.append(try operand(&self))
      ends.append(lastEnd)
    }
    if ops.count == 1 {
      return BinaryExpr(ops[0], operands[0], operands[1], pos: positions[0], span: Span(start, lastEnd))
    }
    return ChainExpr(operands: operands, ops: ops, positions: positions, start: start, ends: ends)
  }

  mutating func parseAdditive() throws(ParseError) -> Expr {
    try parseChain(
      { k in k == .plus ? .add : k == .minus ? .sub : nil }, operand: { p throws(ParseError) in try p.parseMultiplicative() })
  }

  mutating func parseMultiplicative() throws(ParseError) -> Expr {
    try parseChain(
      { k in k == .star ? .mul : k == .slash ? .div : k == .percent ? .mod : nil },
      operand: { p throws(ParseError) in try p.parseUnary() })
  }

  mutating func parseUnary() throws(ParseError) -> Expr {
    let t = peek()
    if t.kind == .minus {
      let saved = nesting
      defer { nesting = saved }
      advance()
      try nest()
      let e = try parseUnary()
      if let lit = e as? LiteralExpr, case .number(let n) = lit.literal {
        return LiteralExpr(.number(-n), pos: pos(t.start, lastEnd))
      }
      return NegateExpr(e, pos: pos(t.start, t.end))
    }
    return try parsePostfix()
  }

  mutating func parsePostfix() throws(ParseError) -> Expr {
    let saved = nesting
    defer { nesting = saved }
    let start = peek().start
    var e = try parsePrimary()
    while true {
      let t = peek()
      if (t.kind == .member || t.kind == .lbracket) && !t.spaceBefore { try nest() }
      if t.kind == .member && !t.spaceBefore {
        advance()
        e = MemberExpr(base: e, key: t.text, path: text(start, t.end), pos: pos(t.start, t.end))
      } else if t.kind == .lbracket && !t.spaceBefore {
        advance()
        nlSkipDepth += 1
        let i = try parseExpr()
        let close = peek()
        guard close.kind == .rbracket else { throw unexpected(close, expected: "']'") }
        advance()
        nlSkipDepth -= 1
        e = IndexExpr(base: e, index: i, path: text(start, close.end), pos: pos(t.start, close.end))
      } else {
        return e
      }
    }
  }

  mutating func parsePrimary() throws(ParseError) -> Expr {
    let t = peek()
    let p = pos(t.start, t.end)
    switch t.kind {
    case .number:
      advance()
      return LiteralExpr(.number(t.number), pos: p)
    case .rawString:
      advance()
      return LiteralExpr(.string(t.text), pos: p)
    case .string:
      advance()
      return try interpolation(t)
    case .variable:
      advance()
      if t.text == "_" { return LastResultExpr(pos: p) }
      if t.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
        guard let n = Int(t.text), n >= 1 else {
          throw ParseError(message: "results are numbered from $1", offset: t.start, length: t.end - t.start)
        }
        return ResultRefExpr(index: n, pos: p)
      }
      return VariableExpr(slot: symbols.slot(for: t.text), name: t.text, pos: p)
    case .member:
      // A leading `.path`: the current value; parsePostfix reads the member.
      lookahead?.spaceBefore = false
      return CurrentExpr(pos: p)
    case .dot:
      advance()
      return CurrentExpr(pos: p)
    case .lparen:
      advance()
      nlSkipDepth += 1
      if peek().kind == .eof { throw unclosed(t, peek(), "')'") }
      let e = try parseExpr()
      let close = peek()
      guard close.kind == .rparen else { throw unclosed(t, close, "')'") }
      nlSkipDepth -= 1
      advance()
      return e
    case .lbracket:
      advance()
      nlSkipDepth += 1
      var items: [Expr] = []
      while peek().kind != .rbracket {
        if peek().kind == .eof { throw unclosed(t, peek(), "']'") }
        items.append(try parseExpr())
        let n = peek()
        if n.kind == .comma { advance() } else if n.kind != .rbracket { throw unclosed(t, n, "',' or ']'") }
      }
      nlSkipDepth -= 1
      advance()
      return ArrayExpr(items, pos: p)
    case .lbrace:
      advance()
      nlSkipDepth += 1
      var keys: [String] = []
      var values: [Expr] = []
      while peek().kind != .rbrace {
        if peek().kind == .eof { throw unclosed(t, peek(), "'}'") }
        let k = advance()
        switch k.kind {
        case .ident: keys.append(k.text)
        case .rawString: keys.append(k.text)
        case .string:
          guard k.parts.count == 1, case .text(let s) = k.parts[0] else {
            throw ParseError(message: "object keys cannot be interpolated", offset: k.start, length: k.end - k.start)
          }
          keys.append(s)
        case .number: keys.append(text(k.start, k.end))
        default: throw unexpected(k, expected: "an object key")
        }
        _ = try expect(.colon, "':' after the key")
        values.append(try parseExpr())
        let n = peek()
        if n.kind == .comma { advance() } else if n.kind != .rbrace { throw unclosed(t, n, "',' or '}'") }
      }
      nlSkipDepth -= 1
      advance()
      return ObjectExpr(keys: keys, values: values, pos: p)
    case .ident:
      switch t.text {
      case "true":
        advance()
        return LiteralExpr(.bool(true), pos: p)
      case "false":
        advance()
        return LiteralExpr(.bool(false), pos: p)
      case "null":
        advance()
        return LiteralExpr(.null, pos: p)
      default: break
      }
      if t.text.contains(".") {
        advance()
        return try parseCall(t)
      }
      if let fn = Builtin(rawValue: t.text) {
        advance()
        return try parseBuiltin(fn, t)
      }
      var notes: [String] = []
      let names = Builtin.allCases.map(\.rawValue) + ["true", "false", "null"]
      if let hint = Suggest.didYouMean(Suggest.closest(to: t.text, in: names, limit: 1), quoted: true) { notes.append(hint) }
      advance()
      let isCall = peek().kind == .lparen
      throw ParseError(
        message: isCall
          ? "unknown function '\(t.text)'" : "unexpected word '\(t.text)' (quote text, or write router.procedure for a call)",
        offset: t.start, length: t.end - t.start, notes: notes)
    default:
      throw unexpected(t, expected: "an expression")
    }
  }

  /// At the end of the input inside `(`, `[` or `{`: point at the opening bracket, not at the
  /// end; anything else is an ordinary "expected … found …".
  func unclosed(_ open: Token, _ found: Token, _ expected: String) -> ParseError {
    guard found.kind == .eof, !eofReported else { return unexpected(found, expected: expected) }
    let close = open.kind == .lparen ? ")" : open.kind == .lbracket ? "]" : "}"
    return ParseError(
      message: "unclosed '\(text(open.start, open.end))': expected '\(close)' before the end of the input", offset: open.start,
      length: max(1, open.end - open.start))
  }

  mutating func parseBuiltin(_ fn: Builtin, _ t: Token) throws(ParseError) -> Expr {
    let open = try expect(.lparen, "'(' after \(fn.rawValue)")
    nlSkipDepth += 1
    var args: [Expr] = []
    while peek().kind != .rparen {
      if peek().kind == .eof { throw unclosed(open, peek(), "')'") }
      args.append(try parseExpr())
      let n = peek()
      if n.kind == .comma { advance() } else if n.kind != .rparen { throw unclosed(open, n, "',' or ')'") }
    }
    nlSkipDepth -= 1
    let close = advance()
    guard fn.arity.contains(args.count) else {
      let want =
        fn.arity.lowerBound == fn.arity.upperBound ? "\(fn.arity.lowerBound)" : "\(fn.arity.lowerBound) or \(fn.arity.upperBound)"
      throw ParseError(
        message: "\(fn.rawValue)() takes \(want) argument\(fn.arity.upperBound == 1 ? "" : "s"), not \(args.count)",
        offset: t.start, length: close.end - t.start)
    }
    return BuiltinExpr(fn, args, pos: pos(t.start, t.end))
  }

  mutating func interpolation(_ t: Token) throws(ParseError) -> Expr {
    var texts: [String] = []
    var exprs: [Expr] = []
    var pendingText = ""
    for part in t.parts {
      switch part {
      case .text(let s): pendingText += s
      case .interpolation(let s, let e):
        texts.append(pendingText)
        pendingText = ""
        exprs.append(try parseSub(s, e))
      }
    }
    texts.append(pendingText)
    if exprs.isEmpty { return LiteralExpr(.string(texts[0]), pos: pos(t.start, t.end)) }
    return InterpolationExpr(texts: texts, exprs: exprs, pos: pos(t.start, t.end))
  }

  /// Parses the expression inside `${…}` (bytes `start..<end`).
  mutating func parseSub(_ start: Int, _ end: Int) throws(ParseError) -> Expr {
    let savedLexer = lexer
    let savedLook = lookahead
    let savedDepth = nlSkipDepth
    let savedEnd = lastEnd
    lexer = Lexer(bytes: bytes, start: start, end: end)
    lookahead = nil
    nlSkipDepth = 1
    defer {
      lexer = savedLexer
      lookahead = savedLook
      nlSkipDepth = savedDepth
      lastEnd = savedEnd
    }
    if peek().kind == .eof { throw ParseError(message: "empty ${} in a string", offset: start - 2, length: 3) }
    let t = peek()
    var rest = Lexer(bytes: bytes, start: t.end, end: end)
    if t.kind == .ident, !["true", "false", "null"].contains(t.text), rest.next().kind == .eof {
      // `"p${i}"`: a variable without its `$`.
      throw ParseError(
        message: "unexpected word '\(t.text)' in ${…} (a variable is written with $)", offset: t.start,
        length: max(1, t.end - t.start), notes: ["hint: write ${$\(t.text)}"])
    }
    let e = try parseExpr()
    let n = peek()
    guard n.kind == .eof else { throw unexpected(n, expected: "'}' to end the ${…}") }
    return e
  }
}
