// swift-tools-version:6.1
import PackageDescription

// The layers, bottom to top (an arrow means "may import"):
//   Model, EventLog (no domain) ← Events ← DosCommandLine ← dos;  EventLog ← EventLogSQLite, EventLogKafka ← dos
// C is seen only in the system-library targets (CNCurses, CRdKafka); GRDB covers SQLite.
let package = Package(
    name: "dos",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "dos", targets: ["dos"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C libraries (ncursesw without pkg-config: its cflags carry feature macros SwiftPM refuses)
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CRdKafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),

        // Shared modules
        .target(name: "Model"),
        // Text from the stream made safe for a terminal (no domain).
        .target(name: "TerminalSafety"),
        .target(name: "Events", dependencies: ["Model", "EventLog"]),
        .target(name: "EventLog"),
        // Opening SQLite databases shared between processes (no domain).
        .target(name: "SQLiteSupport", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "EventLogSQLite", dependencies: [
            "EventLog", "SQLiteSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The same contract on an Apache Kafka cluster, through librdkafka.
        .target(name: "EventLogKafka", dependencies: ["EventLog", "CRdKafka"]),

        // Services: they import the EventLog contract, never a backend, and never each other.
        .target(name: "ServiceKit", dependencies: ["Model", "Events", "EventLog"]),
        .target(name: "Validator", dependencies: ["ServiceKit", "Model", "Events", "EventLog"]),
        .target(name: "DataStore", dependencies: [
            "Model", "Events", "EventLog", "ServiceKit", "SQLiteSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        .target(name: "SagaCoordinator", dependencies: [
            "Model", "Events", "EventLog", "ServiceKit", "SQLiteSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        .target(name: "Notifications", dependencies: [
            "Model", "Events", "EventLog", "ServiceKit", "SQLiteSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // Command-line logic (no argument parsing, no backend choice)
        .target(name: "DosCommandLine", dependencies: [
            "Model", "Events", "EventLog", "ServiceKit", "Validator", "DataStore", "SagaCoordinator", "Notifications", "CNCurses", "CRdKafka",
            "TerminalSafety",
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // Open Referral HSDS 3.0: the standard's records mapped to and from dos entries (no I/O).
        .target(name: "HSDS", dependencies: ["Model", "Events"]),
        // The importer ("scraper"): source plugins, and a run that turns records into commands.
        .target(name: "Importer", dependencies: ["HSDS", "DosCommandLine", "Model", "Events", "EventLog", "TerminalSafety"]),
        // HTTP clients of the stream: the REST gateway and the read-only HSDS API.
        .target(name: "HTTPGateway", dependencies: [
            "HSDS", "DosCommandLine", "Model", "Events", "EventLog", "TerminalSafety",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),

        // The console, bottom to top: a terminal-free widget kit (cells, keys, themes, config),
        // the curses driver that shows its frames, and the console's views over the directory.
        .target(name: "ConsoleKit", dependencies: ["TerminalSafety", .product(name: "Yams", package: "Yams")]),
        .target(name: "ConsoleTerminal", dependencies: ["ConsoleKit", "CNCurses"]),
        .target(name: "Console", dependencies: [
            "ConsoleKit", "ConsoleTerminal", "TerminalSafety", "DosCommandLine", "Model", "Events", "EventLog",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // The one executable: argument parsing and wiring; the only place a backend is chosen.
        .executableTarget(name: "dos", dependencies: [
            "DosCommandLine", "Events", "EventLog", "EventLogSQLite", "EventLogKafka", "Console", "ConsoleKit", "ConsoleTerminal",
            "HSDS", "Importer", "HTTPGateway", "Model",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks live apart from tests; run with `make bench`.
        .target(name: "BenchmarkSupport", path: "Benchmarks/Support"),
        .executableTarget(name: "LogBenchmark", dependencies: [
            "Events", "EventLog", "EventLogSQLite", "BenchmarkSupport",
        ], path: "Benchmarks/LogBenchmark"),
        .executableTarget(name: "PipelineBenchmark", dependencies: [
            "DosCommandLine", "Events", "EventLog", "EventLogSQLite", "Model", "ServiceKit",
        ], path: "Benchmarks/PipelineBenchmark"),
        .executableTarget(name: "KafkaBenchmark", dependencies: [
            "EventLog", "EventLogKafka", "Events", "BenchmarkSupport",
        ], path: "Benchmarks/KafkaBenchmark"),
        .executableTarget(name: "ImportBenchmark", dependencies: ["BenchmarkSupport"], path: "Benchmarks/ImportBenchmark"),
        .executableTarget(name: "ConsoleBenchmark", dependencies: [
            "Console", "ConsoleKit", "Events", "EventLog", "EventLogSQLite", "Model", "TestSupport", "BenchmarkSupport",
        ], path: "Benchmarks/ConsoleBenchmark"),

        // Tests
        .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
        .testTarget(name: "EventsTests", dependencies: ["Events", "Model", "TestSupport"]),
        // Helpers for tests that run the real `dos` binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The one conformance suite every EventLog backend must pass (a support library, not a test bundle).
        .target(name: "EventLogConformance", dependencies: ["EventLog", "TestSupport"], path: "Tests/EventLogConformance"),
        // librdkafka's mock Kafka cluster as a loopback broker with fault injection, for tests.
        .executableTarget(name: "dos-kafka-mock", dependencies: ["CRdKafka"], path: "Tests/KafkaMockBroker"),
        .testTarget(name: "EventLogKafkaTests", dependencies: ["EventLogConformance", "EventLogKafka", "EventLog", "TestSupport"]),
        .testTarget(name: "EventLogSQLiteTests", dependencies: ["EventLogConformance", "EventLogSQLite", "EventLog", "dos"]),
        .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport"]),
        .testTarget(name: "ValidatorTests", dependencies: ["Validator", "ServiceKit", "Model", "Events", "EventLog", "EventLogSQLite"]),
        .testTarget(name: "DataStoreTests", dependencies: ["DataStore", "Model", "Events", "EventLog", "EventLogSQLite", "ServiceKit", "TestSupport"]),
        .testTarget(name: "SagaCoordinatorTests", dependencies: [
            "SagaCoordinator", "Validator", "DataStore", "ServiceKit", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport",
        ]),
        .testTarget(name: "NotificationsTests", dependencies: [
            "Notifications", "ServiceKit", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport",
        ]),
        .testTarget(name: "DosCommandLineTests", dependencies: [
            "DosCommandLine", "TerminalSafety", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport", "dos",
        ]),
        .testTarget(name: "HSDSTests", dependencies: ["HSDS", "Model", "Events", "TestSupport"]),
        .testTarget(name: "ImporterTests", dependencies: [
            "Importer", "HSDS", "DosCommandLine", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport", "dos",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "HTTPGatewayTests", dependencies: [
            "HTTPGateway", "DosCommandLine", "Model", "Events", "EventLog", "EventLogSQLite", "TestSupport", "dos",
        ]),
        .testTarget(name: "ConsoleKitTests", dependencies: ["ConsoleKit", "TerminalSafety", "TestSupport"]),
        .testTarget(name: "ConsoleTerminalTests", dependencies: ["ConsoleTerminal", "ConsoleKit", "CNCurses"]),
        .testTarget(name: "ConsoleTests", dependencies: [
            "Console", "ConsoleKit", "DosCommandLine", "Model", "Events", "EventLog", "EventLogSQLite", "EventLogKafka", "ServiceKit",
            "TestSupport", "dos", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Golden"]),
    ]
)
