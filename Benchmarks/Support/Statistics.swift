/// Medians and percentiles of measured samples, for every benchmark.
public enum Statistics {
    public static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    /// Nearest-rank percentile; NaN for no samples.
    public static func percentile(_ values: [Double], _ percent: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
