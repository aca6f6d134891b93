import EventLog
import Foundation
import TestSupport

/// What the conformance suite needs to know about a backend under test.
public struct ConformanceBackend: Sendable {
    public let name: String
    /// Opens a new handle on the same store, as a restarted process would.
    public let open: @Sendable () async throws -> any EventLog
    /// Arguments that point the `dos` command line at the same store (`--data-dir D`, `--brokers B`).
    public let commandLineArguments: [String]
    /// The embedded log stores an event id once per topic; Kafka stores what it is sent, and
    /// consumers drop repeats by id.
    public let deduplicatesIDs: Bool
    /// The embedded log numbers every topic from one sequence, so a reader of several topics gets
    /// them in append order; Kafka keeps order within a partition only.
    public let ordersAcrossTopics: Bool

    public init(
        name: String, commandLineArguments: [String], deduplicatesIDs: Bool = true, ordersAcrossTopics: Bool = true,
        open: @escaping @Sendable () async throws -> any EventLog
    ) {
        self.name = name
        self.commandLineArguments = commandLineArguments
        self.deduplicatesIDs = deduplicatesIDs
        self.ordersAcrossTopics = ordersAcrossTopics
        self.open = open
    }

    /// Runs `dos` with the backend's arguments placed after the subcommand words.
    public func dos(_ subcommand: [String], _ arguments: [String] = [], environment: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(DosExecutable.url, subcommand + commandLineArguments + arguments, environment: environment)
    }
}

/// Test data: CloudEvents JSON lines written by hand, so the suite needs no domain module.
public enum TestEvents {
    public static func line(id: String, subject: String, sequence: Int, type: String = "test.sequence") -> String {
        #"{"specversion":"1.0","id":"\#(id)","source":"/conformance","type":"\#(type)","subject":"\#(subject)","data":{"sequence":\#(sequence)}}"#
    }

    public static func record(topic: String, key: String, sequence: Int, id: String = UUID().uuidString) -> OutgoingRecord {
        OutgoingRecord(topic: topic, key: key, id: id, payload: Array(line(id: id, subject: key, sequence: sequence).utf8))
    }

    /// The `sequence` number inside a payload written by `line`.
    public static func sequence(of payload: some Collection<UInt8>) -> Int? {
        let text = String(decoding: payload, as: UTF8.self)
        guard let range = text.range(of: #""sequence":"#) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber || $0 == "-" })
    }

    /// A topic name no earlier test used.
    public static func uniqueTopic(_ stem: String) -> String {
        "test.\(stem).\(UUID().uuidString.prefix(8).lowercased())"
    }
}
