import EventLogConformance
import Testing

/// The shared conformance suite, run on the embedded SQLite log.
@Suite struct SQLiteConformanceTests {
    @Test func positionsIncreaseAndRecordsReadBackExactly() async throws {
        try await AppendAndReadConformance.positionsIncreaseAndRecordsReadBackExactly(SQLiteBackend().conformance)
    }

    @Test func startedBatchesKeepTheirOrder() async throws {
        try await AppendAndReadConformance.startedBatchesKeepTheirOrder(SQLiteBackend().conformance)
    }

    @Test func perKeyOrderHoldsWithConcurrentWriters() async throws {
        try await AppendAndReadConformance.perKeyOrderHoldsWithConcurrentWriters(SQLiteBackend().conformance)
    }

    @Test func readsFromOffsetAndFromEnd() async throws {
        try await AppendAndReadConformance.readsFromOffsetAndFromEnd(SQLiteBackend().conformance)
    }

    @Test func readsFromTime() async throws {
        try await AppendAndReadConformance.readsFromTime(SQLiteBackend().conformance)
    }

    @Test func deduplicatesByEventID() async throws {
        try await AppendAndReadConformance.deduplicatesByEventID(SQLiteBackend().conformance)
    }

    @Test func mergesSubscribedTopicsAndIgnoresOthers() async throws {
        try await AppendAndReadConformance.mergesSubscribedTopicsAndIgnoresOthers(SQLiteBackend().conformance)
    }

    @Test func pollWaitsForNewRecordsAndTimesOut() async throws {
        try await AppendAndReadConformance.pollWaitsForNewRecordsAndTimesOut(SQLiteBackend().conformance)
    }

    @Test func rejectsInvalidTopicsAndOversizedRecords() async throws {
        try await AppendAndReadConformance.rejectsInvalidTopicsAndOversizedRecords(SQLiteBackend().conformance)
    }

    @Test func groupResumesFromCommitAfterRestart() async throws {
        try await GroupConformance.groupResumesFromCommitAfterRestart(SQLiteBackend().conformance)
    }

    @Test func newGroupStartsWhereOptionsSay() async throws {
        try await GroupConformance.newGroupStartsWhereOptionsSay(SQLiteBackend().conformance)
    }

    @Test func oneMemberAtATimeAndTakeoverOnClose() async throws {
        try await GroupConformance.oneMemberAtATimeAndTakeoverOnClose(SQLiteBackend().conformance)
    }

    @Test func closeFromCancelledTaskReleasesTheGroup() async throws {
        try await GroupConformance.closeFromCancelledTaskReleasesTheGroup(SQLiteBackend().conformance)
    }

    @Test func silentMemberLosesGroupAndItsCommitFails() async throws {
        try await GroupConformance.silentMemberLosesGroupAndItsCommitFails(SQLiteBackend().conformance)
    }

    @Test func reportsEndAndCommittedOffsets() async throws {
        try await GroupConformance.reportsEndAndCommittedOffsets(SQLiteBackend().conformance)
    }
}

/// The cross-process part of the suite; one at a time, as each starts several `dos` processes.
@Suite(.serialized) struct SQLiteCrossProcessConformanceTests {
    @Test func twoProcessesAppendWithoutLossOrDuplicates() async throws {
        try await CrossProcessConformance.twoProcessesAppendWithoutLossOrDuplicates(SQLiteBackend().conformance)
    }

    @Test func acknowledgedAppendsSurviveKill() async throws {
        try await CrossProcessConformance.acknowledgedAppendsSurviveKill(SQLiteBackend().conformance)
    }

    @Test func killedConsumerResumesWithoutLoss() async throws {
        try await CrossProcessConformance.killedConsumerResumesWithoutLoss(SQLiteBackend().conformance)
    }

    @Test func followerInAnotherProcessReceivesNewEvents() async throws {
        try await CrossProcessConformance.followerInAnotherProcessReceivesNewEvents(SQLiteBackend().conformance)
    }

    @Test func groupHeldByAnotherProcessIsReported() async throws {
        try await CrossProcessConformance.groupHeldByAnotherProcessIsReported(SQLiteBackend().conformance)
    }

    @Test func commandLineGroupContinuesAcrossRuns() async throws {
        try await CrossProcessConformance.commandLineGroupContinuesAcrossRuns(SQLiteBackend().conformance)
    }
}
