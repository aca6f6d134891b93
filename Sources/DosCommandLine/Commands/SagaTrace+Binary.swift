import Events
import Foundation
import Model

/// A saga's trace in `BinaryWriter`'s form, for the console's checkpoint.
public extension SagaTrace {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(kind)
        writer.write(startedAt)
        writer.write(endedAt)
        writer.write(stepCount)
        writer.write(finalStage?.rawValue)
        writer.write(isCompensating)
        writer.write(reason)
        writer.writeList(steps) { writer, step in
            writer.write(step.index)
            writer.write(step.name)
            writer.write(step.isCompensation)
            writer.write(step.startedAt)
            writer.write(step.endedAt)
            writer.write(step.outcome.rawValue)
            writer.write(step.reason)
        }
        writer.write(lastSeen)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(id: try reader.readString(), kind: try reader.readString())
        startedAt = try reader.readOptionalDate()
        endedAt = try reader.readOptionalDate()
        stepCount = try reader.readOptionalInt()
        finalStage = try reader.readOptional { try $0.readEnum(SagaStage.self) }
        isCompensating = try reader.readBool()
        reason = try reader.readOptionalString()
        steps = try reader.readList { reader in
            Step(
                index: try reader.readInt(), name: try reader.readString(), isCompensation: try reader.readBool(),
                startedAt: try reader.readOptionalDate(), endedAt: try reader.readOptionalDate(),
                outcome: try reader.readEnum(Step.Outcome.self), reason: try reader.readOptionalString())
        }
        lastSeen = try reader.readOptionalDate()
    }
}
