import DosCommandLine

/// Why a saga ended as it did, in one line for people.
enum SagaOutcome {
    static func reason(_ trace: SagaTrace) -> String {
        if let step = trace.failedStep {
            let undone = trace.completedCompensations.count
            let compensation = undone > 0 ? " (\(undone) earlier step\(undone == 1 ? "" : "s") compensated)" : ""
            return "step \"\(step.name)\" failed: \(step.reason ?? trace.reason ?? "no reason given")" + compensation
        }
        return trace.reason ?? "no reason given"
    }
}
