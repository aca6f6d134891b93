import TerminalSafety
import Events
import Foundation

/// The input of `dos register-provider`: `{"provider": {...}, "contact": {...}, "venue": {...},
/// "services": [...]}`. The saga fills in the references between them.
public enum RegistrationDocument {
    public static func command(from bytes: [UInt8]) -> Result<PlannedCommand, CommandInputError> {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            return failure("the input is not valid JSON: \(error)")
        }
        guard case .object = document else {
            return failure("the input must be a JSON object with \"provider\", and optionally \"contact\", \"venue\" and \"services\"")
        }
        do {
            let registration = try JSONDecoder().decode(RegisterProvider.self, from: Data(try RawJSON(document).bytes))
            return .success(.registration(registration))
        } catch {
            return failure(DecodingProblem.describe(error))
        }
    }

    private static func failure<Success>(_ message: String) -> Result<Success, CommandInputError> {
        .failure(CommandInputError(message: TerminalText.escape(message)))
    }
}
