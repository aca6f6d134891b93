import Model

/// `dos get KIND ID` as a table: one row per field, `FIELD  VALUE`, every field of the entry.
public enum EntryDetail {
    public static func table(_ entity: Entity) -> TextTable {
        // Values may be long paragraphs: VALUE is the last column, so it is never cut.
        TextTable(headers: ["FIELD", "VALUE"], rows: EntryFields.of(entity).map { [$0.key, EntryFields.plainText($0.value)] })
    }
}
