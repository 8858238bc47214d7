import Testing
@testable import Locus

/// Issue 17: one column resolver for geocode (and reverse) and reproject; where their rules differ, a parameter.
@Suite struct ColumnRuleTests {
    let header = ["id", " Easting ", "NORTHING", "northing", "2"]

    @Test func bothCommandsFindANameExactlyThenIgnoringCaseAndSpaces() throws {
        for rule in [ColumnRule.batch, .reprojection] {
            #expect(try rule.index(of: "NORTHING", in: header, width: 5) == 2)
            #expect(try rule.index(of: "easting", in: header, width: 5) == 1)
            #expect(try rule.index(of: "2", in: header, width: 5) == 4, "an exact name before a number")
            #expect(throws: ColumnRule.Miss.unknownName) { try rule.index(of: "lat", in: header, width: 5) }
        }
    }

    @Test func theBatchRuleTakesTheFirstOfSeveralAndNumbers() throws {
        #expect(try ColumnRule.batch.index(of: "Northing", in: header, width: 5) == 2)
        #expect(try ColumnRule.batch.index(of: "1", in: header, width: 5) == 0)
        #expect(throws: ColumnRule.Miss.numberOutOfRange(6)) { try ColumnRule.batch.index(of: "6", in: header, width: 5) }
        #expect(try ColumnRule.batch.index(of: "3", in: nil, width: 3) == 2)
        #expect(throws: ColumnRule.Miss.needsNumber) { try ColumnRule.batch.index(of: "id", in: nil, width: 3) }
    }

    @Test func theReprojectionRuleRefusesSeveralAndNumbers() throws {
        #expect(throws: ColumnRule.Miss.unknownName) { try ColumnRule.reprojection.index(of: "Northing", in: header, width: 5) }
        #expect(throws: ColumnRule.Miss.unknownName) { try ColumnRule.reprojection.index(of: "1", in: header, width: 5) }
        #expect(throws: (any Error).self) {
            try CSVReprojection.column("Northing", .y, in: header, input: "in.csv")
        }
        #expect(try CSVReprojection.column("easting", .x, in: header, input: "in.csv") == 1)
    }
}
