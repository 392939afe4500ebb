import DokCore
import Foundation
import Testing

/// `dok run` and `dok check` through the built binary, against the built-in sandbox.
@Suite struct RunCommandTests {
  func script(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dok-run-\(UUID().uuidString).dok").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func runPrintsAndExitsZero() throws {
    let f = try script("$p = project.create name=cli\nprint \"made\", $p.project.name, $greeting\n")
    let r = try DokProcess.run(["run", f, "greeting=hi"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "made cli hi\n")
    #expect(r.stderr.hasPrefix("dok: no server configured: using the built-in sandbox"))
  }

  @Test(arguments: [
    ("assert 1 == 2", Int32(1)), ("exit 7", 7), ("$x = 1 +", 2), ("application.nope", 2),
    ("application.one applicationId=nope", 3), ("wait until false every 10ms timeout 50ms", 5), ("print 1 / 0", 6),
  ])
  func exitCodesFollowTheContract(source: String, code: Int32) throws {
    let r = try DokProcess.run(["run", try script(source + "\n")])
    #expect(r.status == code, "\(source): \(r.stderr)")
  }

  @Test func syntaxErrorsNameFileLineColumnWithACaretAndNothingRuns() throws {
    let f = try script("print \"ran\"\n$x = (1 +\nprint \"also\"\n$y = ]\n")
    let r = try DokProcess.run(["run", f])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty, "nothing ran")
    #expect(r.stderr.contains("\(f):4:6: error:"), "\(r.stderr)")
    #expect(r.stderr.contains("$y = ]\n     ^"), "\(r.stderr)")
  }

  @Test func checkReportsUnknownProceduresWithoutRunning() throws {
    let f = try script("project.create name=x\napplication.deplyo applicationId=a\napplication.deploy aplicationId=a\n")
    let r = try DokProcess.run(["check", f])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(f):2:1: error: unknown procedure 'application.deplyo'"), "\(r.stderr)")
    #expect(r.stderr.contains("did you mean application.deploy"), "\(r.stderr)")
    #expect(r.stderr.contains("\(f):3:"), "\(r.stderr)")
    let ok = try DokProcess.run(["check", try script("project.all\n")])
    #expect(ok.status == 0)
  }

  @Test func stdinAndTheShortForm() throws {
    let r = try DokProcess.run(["run", "-"], stdin: "print 6 * 7\n")
    #expect(r.status == 0)
    #expect(r.stdout == "42\n")
    let f = try script("print \"short\", $n\n")
    let short = try DokProcess.run([f, "n=3"])
    #expect(short.stdout == "short 3\n")
  }

  @Test func traceAndReports() throws {
    let f = try script(
      "$a = project.create name=rep\nassert $a.project.name == \"rep\"\nassert 1 == 2, \"bad math\"\nprint \"after\"\n")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-rep-\(UUID().uuidString)").path
    let r = try DokProcess.run([
      "run", "--trace", "--keep-going", "--report", "junit=\(dir)/r.xml", "--report", "tap=\(dir)/r.tap", f,
    ])
    #expect(r.status == 1)
    #expect(r.stdout == "after\n", "keep-going ran the rest")
    #expect(r.stderr.contains("\(f):1:1: $a = project.create name=rep  => {"), "\(r.stderr)")
    let junit = try String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8)
    #expect(junit.contains("tests=\"2\""), "\(junit)")
    #expect(junit.contains("failures=\"1\""), "\(junit)")
    #expect(junit.contains("bad math"))
    let tap = try String(contentsOfFile: "\(dir)/r.tap", encoding: .utf8)
    #expect(tap.hasPrefix("TAP version") || tap.hasPrefix("1..2"), "\(tap)")
    #expect(tap.contains("not ok 2"), "\(tap)")
  }

  @Test func traceAndReportsLeakNoDatabasePassword() throws {
    let f = try script(
      """
      $p = project.create name=secrets
      $db = postgres.create name=db databaseName=app databaseUser=app databasePassword="pw-s3cret-42" environmentId=$p.environment.environmentId
      $one = postgres.one postgresId=$db.postgresId
      assert len($one.databasePassword) == 12
      print "created", $one.name

      """)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-sec-\(UUID().uuidString)").path
    let r = try DokProcess.run(["run", "--trace", "--report", "junit=\(dir)/r.xml", "--report", "tap=\(dir)/r.tap", f])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("databasePassword=***"))
    for text in [
      r.stdout, r.stderr, try String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8),
      try String(contentsOfFile: "\(dir)/r.tap", encoding: .utf8),
    ] {
      #expect(!text.contains("pw-s3cret-42"))
    }
  }

  @Test func secretsCopiedOutOfRepliesStayMasked() throws {
    // The password is copied out of a reply into variables, strings and a failed assert.
    let f = try script(
      """
      $p = project.create name=derived
      $db = postgres.create name=db databaseName=app databaseUser=app databasePassword="pw-derived-77" environmentId=$p.environment.environmentId
      $one = postgres.one postgresId=$db.postgresId
      $pw = $one.databasePassword
      $line = "password is ${$pw}!"
      assert len($pw) > 3
      assert $pw == "not it", "compared"
      print "done"

      """)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-sec-\(UUID().uuidString)").path
    let r = try DokProcess.run([
      "run", "--trace", "--keep-going", "--report", "junit=\(dir)/r.xml", "--report", "tap=\(dir)/r.tap", f,
    ])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout == "done\n")
    #expect(r.stderr.contains(#"$pw = $one.databasePassword  => "***""#), "\(r.stderr)")
    #expect(r.stderr.contains("password is ***!"), "\(r.stderr)")
    #expect(r.stderr.contains("assertion failed"), "\(r.stderr)")
    let junit = try String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8)
    #expect(junit.contains("compared"))
    for text in [r.stderr, junit, try String(contentsOfFile: "\(dir)/r.tap", encoding: .utf8)] {
      #expect(!text.contains("pw-derived-77"), "\(text)")
    }
    // Without --trace or reports nothing is learned: an assert message shows the operator the value.
    let plain = try DokProcess.run(["run", "--keep-going", f])
    #expect(plain.stderr.contains("pw-derived-77"), "\(plain.stderr)")
  }

  /// Regression: under `--keep-going` a failed assert is reported as it happens, and that
  /// report lacked the source line and caret that every other diagnostic has.
  @Test func keepGoingAssertFailuresQuoteTheirLineWithACaret() throws {
    let f = try script("$x = 1\nassert $x == 2, \"x is two\"\nprint \"after\"\n")
    let r = try DokProcess.run(["run", "--keep-going", f])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout == "after\n")
    #expect(r.stderr.contains("\(f):2:8: assertion failed: $x == 2"), "\(r.stderr)")
    #expect(r.stderr.contains("\nassert $x == 2, \"x is two\"\n       ^~~~~~~~~~~~~~~~~~~\n  x is two"), "\(r.stderr)")
  }

  @Test func optionsAfterTheFileAreExplained() throws {
    let r = try DokProcess.run(["run", try script("print 1\n"), "--trace"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("put dok's options before FILE"))
  }

  @Test
  func everyExampleChecksAgainstTheRealDocument() throws {
    let dir = DokProcess.packageRoot + "/examples"
    let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".dok") }
    #expect(!names.isEmpty, "no runbooks in \(dir)")
    for name in names {
      let r = try DokProcess.run(["check", "--spec", DokProcess.realDocument, dir + "/" + name])
      #expect(r.status == 0, "\(name): \(r.stderr)")
    }
  }
}
