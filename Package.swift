// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "dok",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "dok", targets: ["dok"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
  ],
  targets: [
    // JSON values, diagnostics, suggestions: shared by every other target. No dependencies.
    .target(name: "DokCore"),
    // OpenAPI document -> Catalog; compiled catalog cache; argument binding by schema.
    .target(name: "DokSpec", dependencies: ["DokCore", .product(name: "Yams", package: "Yams")]),
    // Transport, both wire forms, replies and errors, connection profiles.
    .target(
      name: "DokClient",
      dependencies: [
        "DokCore", "DokSpec", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]),
    // Closure-backed fakes of the protocols above, for tests.
    .target(
      name: "DokTestSupport",
      dependencies: [
        "DokCore", "DokClient", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),
    // The .dok language: lexer, parser, checker, interpreter. Calls go through a protocol.
    .target(name: "DokScript", dependencies: ["DokCore"]),
    // A simulated Dokploy server.
    .target(
      name: "DokSandbox",
      dependencies: ["DokCore", .product(name: "Hummingbird", package: "hummingbird")]),
    // What `dok run` and the REPL share: the script host over the client, sinks, the runner.
    .target(
      name: "DokRuntime",
      dependencies: [
        "DokCore", "DokSpec", "DokScript", "DokClient", "DokSandbox",
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
      ]),
    // libedit (Debian: libedit-dev), through a shim of fixed-argument wrappers.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // Completion engine, line editor and meta commands.
    .target(name: "DokREPL", dependencies: ["DokCore", "DokSpec", "DokClient", "DokScript", "DokRuntime", "CLibEdit"]),
    // The thin executable.
    .executableTarget(
      name: "dok",
      dependencies: [
        "DokCore", "DokSpec", "DokClient", "DokScript", "DokSandbox", "DokRuntime", "DokREPL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]),
    // In-process micro-benchmarks driven by scripts/bench (not installed).
    .executableTarget(name: "dok-bench", dependencies: ["DokCore", "DokSpec", "DokREPL", "DokScript"]),
    .testTarget(
      name: "DokClientTests",
      dependencies: [
        "DokClient", "DokTestSupport", "DokSpec", "DokCore", .product(name: "Yams", package: "Yams"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),
    .testTarget(name: "DokCoreTests", dependencies: ["DokCore", "DokTestSupport"]),
    // Runbooks (examples/, golden scripts) executed against the in-process sandbox.
    .testTarget(
      name: "DokRuntimeTests",
      dependencies: ["DokRuntime", "DokClient", "DokScript", "DokSandbox", "DokCore", "DokREPL", "DokTestSupport"]),
    .testTarget(name: "DokSpecTests", dependencies: ["DokSpec", "DokTestSupport"], resources: [.copy("Fixtures")]),
    // The REPL driven in-process by a scripted line editor; the completion engine's tests.
    .testTarget(
      name: "DokREPLTests",
      dependencies: ["DokREPL", "DokRuntime", "DokScript", "DokSpec", "DokCore", "DokTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "DokScriptTests", dependencies: ["DokScript"], resources: [.copy("Golden")]),
    .testTarget(name: "DokSandboxTests", dependencies: ["DokSandbox", "DokCore"]),
    // Fuzzing (short), hostile servers, secret hygiene.
    .testTarget(
      name: "DokHardeningTests",
      dependencies: [
        "DokCore", "DokSpec", "DokScript", "DokClient", "DokRuntime", "DokSandbox", "DokTestSupport",
      ]),
    // Black-box tests of the built `dok` binary (exit codes, stdout/stderr, help snapshots).
    .testTarget(name: "DokCLITests", dependencies: ["DokCore", "DokSpec", "DokTestSupport"]),
  ]
)
