import DokCore

extension Parser {
  mutating func parseStatement() throws(ParseError) -> Stmt {
    let t = peek()
    let start = t.start
    let p = pos(t.start, t.end)
    switch t.kind {
    case .variable:
      advance()
      if peek().kind == .assign {
        advance()
        guard t.text != "_", !t.text.allSatisfy(\.isNumber) else {
          throw ParseError(message: "cannot assign to $\(t.text) (it is set by calls)", offset: t.start, length: t.end - t.start)
        }
        let slot = symbols.slot(for: t.text)
        if peek().kind == .ident && peek().text == "deploy" { return try parseDeploy(target: (slot, t.text), start: start) }
        let e = try parseExpr()
        return AssignStmt(slot: slot, name: t.text, expr: e, pos: p, text: statementText(start))
      }
      reset(to: t.start)
    case .ident:
      switch t.text {
      case "print":
        advance()
        switch peek().kind {
        case .newline, .semicolon, .eof, .rbrace:  // `print` alone prints an empty line
          return PrintStmt(exprs: [LiteralExpr(.string(""), pos: p)], pos: p, text: "print")
        default: break
        }
        var exprs = [try parseExpr()]
        while peek().kind == .comma {
          advance()
          exprs.append(try parseExpr())
        }
        return PrintStmt(exprs: exprs, pos: p, text: statementText(start))
      case "if": return try parseIf()
      case "while":
        advance()
        try expectCondition("while")
        let c = try parseExpr()
        let text = statementText(start)
        loopDepth += 1
        defer { loopDepth -= 1 }
        return WhileStmt(condition: c, body: try parseBlock(), pos: p, text: text)
      case "for":
        advance()
        let v = try expect(.variable, "a loop variable like $x")
        guard v.text != "_", !v.text.allSatisfy(\.isNumber) else {
          throw ParseError(message: "cannot use $\(v.text) as a loop variable", offset: v.start, length: v.end - v.start)
        }
        let inTok = peek()
        guard inTok.kind == .ident && inTok.text == "in" else { throw unexpected(inTok, expected: "'in'") }
        advance()
        let iter = try parseExpr()
        let text = statementText(start)
        loopDepth += 1
        defer { loopDepth -= 1 }
        return ForStmt(slot: symbols.slot(for: v.text), iterable: iter, body: try parseBlock(), pos: p, text: text)
      case "break":
        advance()
        return BreakStmt(pos: p, text: "break", afterLostHeader: pendingBraces > 0)
      case "continue":
        advance()
        return ContinueStmt(pos: p, text: "continue", afterLostHeader: pendingBraces > 0)
      case "wait": return try parseWait()
      case "deploy": return try parseDeploy(target: nil, start: start)
      case "sleep":
        advance()
        let e = try parseExpr()
        return SleepStmt(duration: e, pos: p, text: statementText(start))
      case "assert":
        advance()
        let condTok = peek()
        let condStart = condTok.start
        let c = try parseExpr()
        let condText = text(condStart, lastEnd)
        var m: Expr?
        if peek().kind == .comma {
          advance()
          m = try parseExpr()
        }
        return AssertStmt(
          condition: c, message: m, conditionText: condText, conditionPos: pos(condStart, lastEnd), pos: p,
          text: statementText(start))
      case "try":
        advance()
        let body = try parseBlock()
        skipNewlines()
        let c = peek()
        guard c.kind == .ident && c.text == "catch" else { throw unexpected(c, expected: "'catch' after the try block") }
        advance()
        var slot: Int?
        if peek().kind == .variable {
          slot = symbols.slot(for: advance().text)
        }
        let handler = try parseBlock()
        return TryStmt(body: body, slot: slot, handler: handler, pos: p, text: statementText(start))
      case "exit":
        advance()
        var e: Expr?
        switch peek().kind {
        case .newline, .semicolon, .eof, .rbrace: break
        default: e = try parseExpr()
        }
        return ExitStmt(expr: e, pos: p, text: statementText(start))
      case "source":
        advance()
        let e = try parseExpr()
        return SourceStmt(path: e, pos: p, text: statementText(start))
      case "else", "catch", "until", "every", "timeout", "in":
        throw ParseError(message: "unexpected '\(t.text)'", offset: t.start, length: t.end - t.start)
      default:
        if !t.text.contains("."), !Parser.keywords.contains(t.text), Builtin(rawValue: t.text) == nil {
          var notes: [String] = []
          if let hint = Suggest.didYouMean(Suggest.closest(to: t.text, in: Parser.statementWords, limit: 1), quoted: true) {
            notes.append(hint)
          } else {
            notes.append("a call names router.procedure, e.g. application.one")
          }
          throw ParseError(message: "unknown statement '\(t.text)'", offset: t.start, length: t.end - t.start, notes: notes)
        }
      }
    default: break
    }
    let e = try parseExpr()
    return ExprStmt(expr: e, pos: p, text: statementText(start))
  }

  mutating func skipNewlines() {
    // Look past newlines for `else` / `catch`; rewind when the next word is something else.
    let save = lexer.position
    let saveLook = lookahead
    while peek().kind == .newline { advance() }
    let t = peek()
    if t.kind == .ident && (t.text == "else" || t.text == "catch") { return }
    lexer.position = save
    lookahead = saveLook
  }

  /// `while {` / `if {`: the condition is missing (`{` would read as an object literal).
  mutating func expectCondition(_ keyword: String) throws(ParseError) {
    let t = peek()
    switch t.kind {
    case .lbrace, .newline, .eof, .semicolon:
      throw ParseError(
        message: "'\(keyword)' needs a condition before its '{ … }' block", offset: t.start, length: max(1, t.end - t.start))
    default: return
    }
  }

  mutating func parseIf() throws(ParseError) -> Stmt {
    let first = advance()
    let p = pos(first.start, first.end)
    var conds: [Expr] = []
    var bodies: [Block] = []
    var elseBody: Block?
    try expectCondition("if")
    conds.append(try parseExpr())
    let text = statementText(first.start)
    bodies.append(try parseBlock())
    while true {
      skipNewlines()
      let t = peek()
      guard t.kind == .ident && t.text == "else" else { break }
      advance()
      let n = peek()
      if n.kind == .ident && n.text == "if" {
        advance()
        try expectCondition("else if")
        conds.append(try parseExpr())
        bodies.append(try parseBlock())
      } else {
        elseBody = try parseBlock()
        break
      }
    }
    return IfStmt(conditions: conds, bodies: bodies, elseBody: elseBody, pos: p, text: text)
  }

  /// `deploy <call> [every <dur>] [timeout <dur>]` (after `$x =` when `target` is set).
  mutating func parseDeploy(target: (slot: Int, name: String)?, start: Int) throws(ParseError) -> Stmt {
    let first = advance()
    let p = pos(first.start, first.end)
    let t = peek()
    guard let call = try parseUnary() as? CallExpr else {
      throw ParseError(
        message: "deploy needs a call that starts a deploy (deploy application.deploy applicationId=…)", offset: t.start,
        length: max(1, t.end - t.start))
    }
    let (every, timeout) = try parseEveryTimeout()
    return DeployStmt(call: call, every: every, timeout: timeout, target: target, pos: p, text: statementText(start))
  }

  /// `[every <dur>] [timeout <dur>]` in either order, each at most once (`wait`, `deploy`).
  mutating func parseEveryTimeout() throws(ParseError) -> (every: Expr?, timeout: Expr?) {
    var every: Expr?
    var timeout: Expr?
    while true {
      let k = peek()
      guard k.kind == .ident && (k.text == "every" || k.text == "timeout") else { break }
      advance()
      if k.text == "every" {
        if every != nil { throw ParseError(message: "'every' given twice", offset: k.start, length: 5) }
        every = try parseAdditive()
      } else {
        if timeout != nil { throw ParseError(message: "'timeout' given twice", offset: k.start, length: 7) }
        timeout = try parseAdditive()
      }
    }
    return (every, timeout)
  }

  mutating func parseWait() throws(ParseError) -> Stmt {
    let first = advance()
    let p = pos(first.start, first.end)
    var call: CallExpr?
    let t = peek()
    if !(t.kind == .ident && t.text == "until") {
      let e = try parseUnary()
      guard let c = e as? CallExpr else {
        throw ParseError(
          message: "wait needs a call (wait application.one applicationId=… until …) or 'until'", offset: t.start,
          length: max(1, t.end - t.start))
      }
      call = c
    }
    let u = peek()
    guard u.kind == .ident && u.text == "until" else { throw unexpected(u, expected: "'until'") }
    advance()
    let condStart = peek().start
    let cond = try parseExpr()
    let condText = text(condStart, lastEnd)
    let (every, timeout) = try parseEveryTimeout()
    return WaitStmt(
      call: call, condition: cond, conditionText: condText, conditionPos: pos(condStart, condStart + condText.utf8.count),
      every: every, timeout: timeout, pos: p, text: statementText(first.start))
  }
}
