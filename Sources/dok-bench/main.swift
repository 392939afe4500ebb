import DokCore
import DokREPL
import DokScript
import DokSpec
import Foundation

// In-process measurements for scripts/bench. Prints one JSON object per benchmark on stdout.

func nowNanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ sorted: [UInt64], _ p: Double) -> Double {
  let i = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
  return Double(sorted[max(0, i)]) / 1000
}

func completionBenchmark(spec: String) throws {
  let catalog = try SpecLoader.load(FileIO.read(spec))
  let result: JSON = [
    "project": ["projectId": "p1", "name": "web", "environments": [["environmentId": "e1", "name": "production"]]],
    "environment": ["environmentId": "e1"],
  ]
  var ids = LiveIDIndex()
  ids.record(result)
  let ctx = CompletionContext(catalog: catalog, variables: [("_", result), ("1", result), ("p", result)], liveIDs: ids.all)
  let lines = [
    "applic", "application.dep", "application.deploy ", "application.saveBuildType buildType=", "$1.project.",
    "$p.project.environments[0].", "application.one applicationId=", "compose.", ":se", "", "post", "$",
    "application.saveDockerProvider applicationId=x dockerImage=nginx ", "for $a in application.o",
  ]
  var samples: [UInt64] = []
  samples.reserveCapacity(10_000)
  var total = 0
  for i in 0..<10_000 {
    let line = lines[i % lines.count]
    let t0 = nowNanos()
    total &+= Completer.complete(line: line, context: ctx).candidates.count
    samples.append(nowNanos() - t0)
  }
  samples.sort()
  print(
    #"{"benchmark":"completion","count":10000,"p50_us":\#(percentile(samples, 0.5)),"p99_us":\#(percentile(samples, 0.99)),"max_us":\#(Double(samples.last!) / 1000),"candidates":\#(total)}"#
  )
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "load" where args.count == 2:
  let bytes = try FileIO.read(args[1])
  var best = [UInt64](repeating: .max, count: 5)
  var first: [UInt64] = []
  for _ in 0..<20 {
    let t0 = nowNanos()
    let root = try JSONParser.parse(bytes, skipKeys: ["responses"])
    let t1 = nowNanos()
    let catalog = try SpecLoader.catalog(from: root)
    let t2 = nowNanos()
    let encoded = CatalogCodec.encode(catalog)
    let t3 = nowNanos()
    _ = CatalogCodec.decode(encoded)
    let t4 = nowNanos()
    _ = DocumentHash.hex(bytes)
    let t5 = nowNanos()
    for (i, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4].enumerated() { best[i] = min(best[i], d) }
    if first.isEmpty { first = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4] }
  }
  print("first: " + first.map { String(Double($0) / 1e6) }.joined(separator: " "))
  let names = ["parse_ms", "catalog_ms", "encode_ms", "decode_ms", "hash_ms"]
  print("{" + zip(names, best).map { "\"\($0)\":\(Double($1) / 1e6)" }.joined(separator: ",") + "}")
case "loop" where args.count == 2:
  // Runs a script with no calls in-process and reports the best wall time of a few runs.
  struct NoCalls: ScriptHost {
    func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON {
      throw CallError(kind: .transport, message: "no calls in this benchmark")
    }
    func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic] { [] }
  }
  let source = try FileIO.readText(args[1])
  var best = UInt64.max
  var result = ""
  for _ in 0..<5 {
    let session = Interpreter(host: NoCalls())
    let t0 = nowNanos()
    let outcome = await session.execute(source: source, file: args[1])
    best = min(best, nowNanos() - t0)
    result = session.variable("s")?.compactText ?? "exit \(outcome.exitCode)"
  }
  print(#"{"benchmark":"loop","best_ms":\#(Double(best) / 1e6),"s":\#(JSONWriter.quoted(result))}"#)
case "parse" where args.count == 2:
  // Parses a script (no check, no run) and reports the best wall time of a few runs.
  let source = try FileIO.readText(args[1])
  var best = UInt64.max
  var problems = 0
  for _ in 0..<5 {
    let t0 = nowNanos()
    let program = Script.parse(source: source, file: args[1])
    best = min(best, nowNanos() - t0)
    problems = program.diagnostics.count
  }
  print(#"{"benchmark":"parse","best_ms":\#(Double(best) / 1e6),"errors":\#(problems)}"#)
case "deploy":
  try await DeployBenchmark.run()
case "complete" where args.count == 2:
  try completionBenchmark(spec: args[1])
default:
  Output.stderr("usage: dok-bench complete SPEC\n")
  exit(ExitStatus.usage.code)
}
