/// Whether a service is running, with HSDS 3.0's four values as the JSON strings.
public enum ServiceStatus: String, Codable, CaseIterable, Sendable {
    case active
    case inactive
    case defunct
    case temporarilyClosed = "temporarily closed"
}
