// swift-tools-version:6.0
// scened: a terminal editor for Workfront Fusion / Make scenario blueprints.
// No package dependencies: only the Swift toolchain and system ncurses (libncurses-dev).
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "scened",
    products: [
        .executable(name: "scened", targets: ["scened"]),
    ],
    targets: [
        // Header-only system library (module map + shim.h). No pkgConfig on purpose:
        // SwiftPM drops pkg-config's -D_XOPEN_SOURCE; shim.h enables the wide API itself.
        .systemLibrary(name: "CNcursesW", path: "Sources/CNcursesW"),
        // The model: lossless JSON document, blueprint tree, catalog, upgrades, connections.
        // The shipped catalog is data: Catalog/Data/*.json, compiled in (ShippedCatalog.swift).
        .target(name: "BlueprintKit", resources: [.embedInCode("Catalog/Data")], swiftSettings: strict),
        // Talking to the Workfront Fusion and Make APIs (pull/push of whole teams): HTTP through the
        // system curl, paging, retries, the remote manifest. Foundation only, no terminal code.
        .target(name: "PlatformAPI", dependencies: ["BlueprintKit"], swiftSettings: strict),
        // Terminal-independent UI: state, actions, key table, views into a screen buffer.
        // Themes/*.theme are compiled in (Sources/EditorUI/Themes links to the top-level Themes folder).
        .target(name: "EditorUI", dependencies: ["BlueprintKit"], exclude: ["Themes/README.md"],
                resources: [.embedInCode("Themes")], swiftSettings: strict),
        // The only code that imports ncurses.
        .target(name: "CursesTerminal", dependencies: ["CNcursesW", "EditorUI"], swiftSettings: strict),
        // Thin executable: arguments, subcommands, wiring.
        // Release builds link the Swift runtime statically: no dynamic symbol lookup at
        // start and direct calls into it (`check` of a 50 MB file 72 → 66 ms, start 5.6 → 4.2 ms).
        .executableTarget(name: "scened", dependencies: ["CursesTerminal", "EditorUI", "BlueprintKit", "PlatformAPI"], swiftSettings: strict,
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        // Large synthetic blueprints for the benchmark and tests (not part of scened itself).
        .target(name: "BlueprintGen", swiftSettings: strict),
        // `swift run -c release scened-bench`: the performance table in README.md.
        .executableTarget(name: "scened-bench", dependencies: ["BlueprintGen", "BlueprintKit", "EditorUI", "CursesTerminal", "CNcursesW"], swiftSettings: strict),
        // FuzzCorpus/ holds the fuzzers' replay inputs; FuzzReplayTests reads them by path.
        .testTarget(name: "BlueprintKitTests", dependencies: ["BlueprintKit"], exclude: ["FuzzCorpus"], swiftSettings: strict),
        .testTarget(name: "EditorUITests", dependencies: ["EditorUI", "BlueprintKit", "BlueprintGen"], exclude: ["Golden", "FuzzCorpus"], swiftSettings: strict),
        // Runs the real binary in tmux; no module dependencies.
        .testTarget(name: "EndToEndTests", swiftSettings: strict),
        // Unit tests of PlatformAPI and end-to-end pull/push against FakePlatform/fake_platform.py on 127.0.0.1.
        .testTarget(name: "PlatformAPITests", dependencies: ["PlatformAPI", "BlueprintKit"], exclude: ["FakePlatform"], swiftSettings: strict),
        .testTarget(name: "BlueprintGenTests", dependencies: ["BlueprintGen", "BlueprintKit"], swiftSettings: strict),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcursesW", "EditorUI"], swiftSettings: strict),
    ]
)
