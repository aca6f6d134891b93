/// One line of `dos doctor`: what was checked, which version is really loaded, and whether it is usable.
public struct DoctorCheck: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case ok
        /// Usable, with something worth knowing (e.g. no terminal to draw on here).
        case warning
        case failed
    }

    public var name: String
    public var status: Status
    public var version: String?
    public var detail: String

    public init(name: String, status: Status, version: String? = nil, detail: String) {
        self.name = name
        self.status = status
        self.version = version
        self.detail = detail
    }
}

/// The whole report, printed as aligned text or as JSON.
public struct DoctorReport: Sendable, Codable {
    public var checks: [DoctorCheck]

    public init(checks: [DoctorCheck]) { self.checks = checks }

    public var hasFailures: Bool { checks.contains { $0.status == .failed } }

    public var text: String {
        let nameWidth = checks.map(\.name.count).max() ?? 0
        let versionWidth = checks.map { ($0.version ?? "-").count }.max() ?? 0
        return checks.map { check in
            let name = check.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let version = (check.version ?? "-").padding(toLength: versionWidth, withPad: " ", startingAt: 0)
            let status = check.status.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return "\(status) \(name)  \(version)  \(check.detail)"
        }.joined(separator: "\n")
    }
}
