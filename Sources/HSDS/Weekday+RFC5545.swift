import Model

extension Weekday {
    /// The day as RFC 5545 writes it in BYDAY ("MO"), which HSDS schedules use: read and written.
    var rfc5545Code: String {
        switch self {
        case .monday: "MO"
        case .tuesday: "TU"
        case .wednesday: "WE"
        case .thursday: "TH"
        case .friday: "FR"
        case .saturday: "SA"
        case .sunday: "SU"
        }
    }
}
