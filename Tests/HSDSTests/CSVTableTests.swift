import Testing
@testable import HSDS

@Suite struct CSVTableTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable(parsing: "\u{FEFF}id,name,notes\r\n1,\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\n2,,\n")
        #expect(table.columns == ["id", "name", "notes"])
        #expect(table.rows == [["1", "Smith, J", "said \"hi\"\nthen left"], ["2", "", ""]])
        #expect(table.dictionaries[1] == ["id": "2"])
    }

    @Test func writingThenReadingGivesTheSameTable() throws {
        let table = CSVTable(columns: ["a", "b"], rows: [["x,y", "\"quoted\""], [" padded ", "line\nbreak"], ["", "plain"]])
        #expect(try CSVTable(parsing: table.text) == table)
    }

    @Test func brokenQuotingIsAnErrorWithItsLine() {
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: "a,b\n1,\"open\n") }
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: "a,b\n1,\"x\"y\n") }
        #expect(throws: CSVTable.ParseError.self) { try CSVTable(parsing: "") }
    }
}
