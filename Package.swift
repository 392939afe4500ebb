// swift-tools-version:6.0
import PackageDescription

// Which target may depend on which is decided in docs/ARCHITECTURE.md (its dependency table);
// scripts/check-architecture fails when this file or an `import` disagrees with it.
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
    .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
  ],
  targets: [
    // JSON values, diagnostics and their reporter, exit statuses, suggestions, interrupts, the
    // platform shim: shared by every other target. No dependencies.
    .target(name: "DokCore"),
    // OpenAPI document -> Catalog; compiled catalog cache; argument binding by schema.
    .target(name: "DokSpec", dependencies: ["DokCore", .product(name: "Yams", package: "Yams")]),
    // Turning values into text for people: output formats, YAML, curl, describe, tables.
    .target(name: "DokPresentation", dependencies: ["DokCore", "DokSpec"]),
    // Transport, both wire forms, replies and errors, connection profiles.
    .target(
      name: "DokClient",
      dependencies: [
        "DokCore", "DokSpec", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "NIOTLS", package: "swift-nio"),
      ]),
    // Test servers (scripted and hostile), package paths and the bundled document as a file, the queueing
    // server's document, an awaited teardown; tests only.
    .target(
      name: "DokTestSupport",
      dependencies: [
        "DokCore", "DokployDocument", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),
    // A Dokploy that queues deploys like the real one, with its log WebSockets (Hummingbird); tests only.
    .target(
      name: "DokTestDokploy",
      dependencies: [
        "DokCore", "DokTestSupport", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOWebSocket", package: "swift-nio"), .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
      ]),
    // The .dok language: lexer, parser, checker, interpreter. Calls go through a protocol.
    .target(name: "DokScript", dependencies: ["DokCore"]),
    // The real Dokploy OpenAPI document, compiled into the binary (see its PROVENANCE.md).
    .target(name: "DokployDocument", exclude: ["PROVENANCE.md"]),
    // A simulated Dokploy server.
    .target(
      name: "DokSandbox",
      dependencies: [
        "DokCore", "DokployDocument", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
      ]),
    // What `dok run` and the REPL share: the script host over a caller, sinks, the runner, following
    // deploys and logs. Knows no transport: calls and log streams come through protocols.
    .target(
      name: "DokRuntime",
      dependencies: [
        "DokCore", "DokSpec", "DokScript", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]),
    // The runtime over a live server: the client's session as the runtime's caller, and its log
    // streams over Dokploy's WebSockets.
    .target(
      name: "DokLive",
      dependencies: [
        "DokClient", "DokRuntime", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOWebSocket", package: "swift-nio"),
        .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // Release builds leave ICU's 34 MB data out of the static link (see docs/PERFORMANCE.md).
    .target(name: "CNoICUData", cSettings: [.define("DOK_OMIT_ICU_DATA", .when(configuration: .release))]),
    // libedit (Debian: libedit-dev), through a shim of fixed-argument wrappers.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // Completion engine, line editor and meta commands.
    .target(name: "DokREPL", dependencies: ["DokCore", "DokSpec", "DokScript", "DokRuntime", "DokPresentation", "CLibEdit"]),
    // The thin executable: commands, the process's exit, and the sandbox fallback.
    .executableTarget(
      name: "dok",
      dependencies: [
        "DokCore", "DokSpec", "DokPresentation", "DokClient", "DokScript", "DokSandbox", "DokRuntime", "DokLive", "DokREPL",
        "DokployDocument", "CNoICUData", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]),
    // The misbehaving server terminal-tests/hostile.sh runs (DokTestSupport's HostileCase; not installed).
    .executableTarget(name: "dok-hostile-server", dependencies: ["DokCore", "DokTestSupport"]),
    // In-process micro-benchmarks driven by scripts/bench (not installed).
    .executableTarget(
      name: "dok-bench",
      dependencies: [
        "DokCore", "DokSpec", "DokREPL", "DokScript", "DokRuntime", "DokLive", "DokClient", "DokTestDokploy",
      ]),
    .testTarget(name: "DokClientTests", dependencies: ["DokClient", "DokPresentation", "DokTestSupport", "DokSpec", "DokCore"]),
    .testTarget(name: "DokCoreTests", dependencies: ["DokCore", "DokTestSupport"]),
    .testTarget(
      name: "DokPresentationTests", dependencies: ["DokPresentation", "DokCore", .product(name: "Yams", package: "Yams")]),
    // Runbooks (examples/, golden scripts) executed against the in-process sandbox.
    .testTarget(
      name: "DokRuntimeTests",
      dependencies: [
        "DokRuntime", "DokLive", "DokClient", "DokScript", "DokSandbox", "DokSpec", "DokCore", "DokTestSupport", "DokTestDokploy",
      ],
      // Golden files are read from the package root (PackagePaths), not bundled.
      exclude: ["Golden"]),
    // The REPL driven in-process by a scripted line editor; the completion engine's tests.
    .testTarget(
      name: "DokREPLTests",
      dependencies: ["DokREPL", "DokRuntime", "DokScript", "DokSpec", "DokCore", "DokTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DokSpecTests", dependencies: ["DokSpec", "DokPresentation", "DokCore", "DokTestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "DokScriptTests", dependencies: ["DokScript", "DokCore"], resources: [.copy("Golden")]),
    .testTarget(name: "DokSandboxTests", dependencies: ["DokSandbox", "DokployDocument", "DokCore", "DokTestSupport"]),
    // Fuzzing (short) and hostile inputs (scripts, documents).
    .testTarget(name: "DokHardeningTests", dependencies: ["DokCore", "DokSpec", "DokScript", "DokTestSupport"]),
    // Black-box tests of the built `dok` binary (exit codes, stdout/stderr, help snapshots).
    .testTarget(name: "DokCLITests", dependencies: ["DokCore", "DokSpec", "DokTestSupport", "DokTestDokploy"]),
  ]
)
