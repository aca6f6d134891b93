/// The vocabulary a taxonomy term belongs to: what kind of label it is.
public enum Vocabulary: String, Codable, CaseIterable, Sendable {
    case category, type, deliverable, tag, function
}
