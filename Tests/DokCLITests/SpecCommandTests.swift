import DokCore
import DokSpec
import Foundation
import Testing

@Suite struct SpecCommandTests {
  let spec = DokProcess.realDocument

  @Test func proceduresPrintsEveryOperationSorted() throws {
    let r = try DokProcess.run(["procedures", "--spec", spec])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 597)
    #expect(lines == lines.sorted())
    #expect(lines.contains("application.deploy"))
    #expect(r.stderr.isEmpty)
  }

  @Test func proceduresOfOneRouterAndJSON() throws {
    let r = try DokProcess.run(["procedures", "application", "--spec", spec, "--output", "json"])
    #expect(r.status == 0)
    let v = try JSONParser.parse(r.stdout)
    let names = v.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    #expect(names.contains("application.deploy"))
    #expect(names.allSatisfy { $0.hasPrefix("application.") })
    let bad = try DokProcess.run(["procedures", "aplication", "--spec", spec])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("did you mean application"))
  }

  /// `describe` in its common form skips ArgumentParser (QuickParse); every other form goes
  /// through it. Both must print the same, and what QuickParse does not know must still get
  /// ArgumentParser's own messages.
  @Test func theQuickAndTheFullParseOfDescribeAgree() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dok-quick-\(UUID().uuidString)").path
    let env = DokProcess.isolatedEnvironment(["XDG_CACHE_HOME": cache])
    for format in ["text", "json"] {
      let quick = try DokProcess.run(["describe", "application.deploy", "--spec", spec, "-o", format], environment: env)
      let full = try DokProcess.run(
        ["describe", "--spec", spec, "--output", format, "--", "application.deploy"], environment: env)
      #expect(quick.status == 0 && full.status == 0)
      #expect(quick.stdout == full.stdout)
      #expect(!quick.stdout.isEmpty)
    }
    let typo = try DokProcess.run(["describe", "application.deplyo", "--spec=" + spec], environment: env)
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("did you mean: application.deploy"))
    let unknown = try DokProcess.run(["describe", "application.deploy", "--spec", spec, "--bogus"], environment: env)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("Unknown option '--bogus'"))
    let badFormat = try DokProcess.run(["describe", "application.deploy", "--spec", spec, "-o", "xml"], environment: env)
    #expect(badFormat.status == 2)
    #expect(badFormat.stderr.contains("xml"))
    let missing = try DokProcess.run(["describe", "--spec", spec], environment: env)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("Usage: dok describe"))
  }

  @Test func describeShowsNullableRequiredParameters() throws {
    let r = try DokProcess.run(["describe", "application.saveDockerProvider", "--spec", spec])
    #expect(r.status == 0)
    for name in ["username", "password", "registryUrl"] {
      let row = r.stdout.split(separator: "\n").first { $0.hasPrefix(name + " ") }
      let cols = row?.split(separator: " ", omittingEmptySubsequences: true).map(String.init) ?? []
      #expect(cols == [name, "string", "yes", "yes"], "\(row ?? "")")
    }
    let json = try DokProcess.run(["describe", "application.saveDockerProvider", "--spec", spec, "-o", "json"])
    let v = try JSONParser.parse(json.stdout)
    let username = v["parameters"]?.arrayValue?.first { $0["name"] == "username" }
    #expect(username?["required"] == true && username?["nullable"] == true)
  }

  @Test func describeUnknownSuggestsAndExits2() throws {
    let r = try DokProcess.run(["describe", "application.deplyo", "--spec", spec])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("unknown procedure 'application.deplyo'"))
    #expect(r.stderr.contains("did you mean: application.deploy"))
  }

  @Test(arguments: [
    ("applic", ["application."]),
    ("application.dep", ["application.deploy"]),
    (
      "application.saveBuildType buildType=",
      [
        "buildType=dockerfile", "buildType=heroku_buildpacks", "buildType=paketo_buildpacks", "buildType=nixpacks",
        "buildType=static", "buildType=railpack",
      ]
    ),
  ])
  func completePrintsCandidates(line: String, expected: [String]) throws {
    let r = try DokProcess.run(["complete", "--spec", spec, "--", line])
    #expect(r.status == 0)
    let got = r.stdout.split(separator: "\n").map(String.init)
    if expected.count == 1 { #expect(got.contains(expected[0]), "\(got)") } else { #expect(got == expected) }
  }

  @Test func completeParametersRequiredFirst() throws {
    let r = try DokProcess.run(["complete", "--spec", spec, "--", "application.deploy "])
    #expect(r.stdout.split(separator: "\n").first == "applicationId=")
  }

  @Test func warmStartUsesTheCache() throws {
    let env = DokProcess.isolatedEnvironment()
    let cacheDir = env["XDG_CACHE_HOME"]! + "/dok"
    func entries() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: cacheDir)) ?? []).filter { $0.hasPrefix("catalog-") }
    }
    // `describe` alone reads one procedure from the document and leaves the cache alone.
    let cold = try DokProcess.run(["describe", "application.deploy", "--spec", spec], environment: env)
    #expect(cold.status == 0)
    #expect(entries().isEmpty)
    // A command that loads the whole catalog stores it.
    _ = try DokProcess.run(["procedures", "--spec", spec], environment: env)
    #expect(entries().count == 1)
    // Corrupt it: the next run still works and rewrites it.
    try FileIO.writeAtomically(cacheDir + "/" + entries()[0], Array("junk".utf8))
    let r = try DokProcess.run(["procedures", "--spec", spec], environment: env)
    #expect(r.status == 0)
    #expect(try FileIO.read(cacheDir + "/" + entries()[0]).count > 1000)
    #expect(try DokProcess.run(["describe", "application.deploy", "--spec", spec], environment: env).stdout == cold.stdout)
  }

  @Test func describeAnswersFromTheCacheWhenThereIsOne() throws {
    // Plant a catalog under the document's key: describe must show what the cache holds.
    let env = DokProcess.isolatedEnvironment()
    _ = try DokProcess.run(["procedures", "--spec", spec], environment: env)
    let cacheDir = env["XDG_CACHE_HOME"]! + "/dok"
    let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: cacheDir).first { $0.hasPrefix("catalog-") })
    let planted = try SpecLoader.load(
      Array(
        #"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/application.deploy": {"post": {"summary": "from the cache"}}}}"#
          .utf8))
    try FileIO.writeAtomically(cacheDir + "/" + entry, CatalogCodec.encode(planted))
    let r = try DokProcess.run(["describe", "application.deploy", "--spec", spec], environment: env)
    #expect(r.status == 0)
    #expect(r.stdout.contains("from the cache"))
    let bypass = try DokProcess.run(["describe", "application.deploy", "--spec", spec, "--no-cache"], environment: env)
    #expect(!bypass.stdout.contains("from the cache"))
    #expect(bypass.stdout.contains("applicationId"))
  }
}

@Suite struct BadDocumentCommandTests {
  @Test(arguments: [
    "bad-not-json-or-yaml.txt", "bad-not-openapi.json", "bad-no-paths.json", "bad-broken-ref.json", "bad-wrong-types.json",
  ])
  func badDocumentsExit2WithOneParagraph(name: String) throws {
    let path = DokProcess.packageRoot + "/Tests/DokSpecTests/Fixtures/" + name
    let r = try DokProcess.run(["procedures", "--spec", path])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("error: \(path): not a usable OpenAPI document: "), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func missingFileIsAUsageError() throws {
    let r = try DokProcess.run(["procedures", "--spec", "/nonexistent/openapi.json"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("No such file"))
  }

  @Test func usageErrorsExit2() throws {
    let r = try DokProcess.run(["describe"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("Missing expected argument"))
    let help = try DokProcess.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: dok"))
  }
}
