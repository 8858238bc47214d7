import Foundation
import Testing
@testable import Locus

/// The CSV reprojection job on files, without the command line.
@Suite struct CSVReprojectionTests {
    /// Runs the job on `text` with batches of `batchSize` rows; returns the output text and the summary.
    static func run(_ text: String, batchSize: Int, prefix: String = "")
        throws -> (output: String, summary: CSVReprojection.Summary) {
        let dir = FileManager.default.temporaryDirectory
        let input = dir.appendingPathComponent("locus-reproject-in-\(UUID().uuidString).csv")
        let output = dir.appendingPathComponent("locus-reproject-out-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: input)
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        let job = try CSVReprojection(options: .init(spec: .bngToWGS84, xColumn: "E", yColumn: "N", prefix: prefix,
                                                     batchSize: batchSize))
        let file = try AtomicOutputFile(targetPath: output.path)
        let summary = try job.run(reader: CSVReader(source: try ByteSource(path: input.path)),
                                  writer: CSVWriter(sink: file.sink))
        try file.commit()
        return (try String(contentsOf: output, encoding: .utf8), summary)
    }

    @Test func rowsKeepTheirOrderAcrossBatches() throws {
        var text = "id,E,N\n"
        for i in 0..<25 {
            switch i % 5 {
            case 1: text += "\(i),,\n"
            case 3: text += "\(i),abc,180000\n"
            case 4: text += "\(i),9000000,180000\n"
            default: text += "\(i),\(520_000 + i * 100),\(180_000 + i * 50)\n"
            }
        }
        let small = try Self.run(text, batchSize: 3)
        let whole = try Self.run(text, batchSize: 4096)
        #expect(small.output == whole.output, "batching does not change the output")
        let rows = small.output.split(separator: "\n")
        #expect(rows.count == 26)
        #expect(rows.dropFirst().map { Int($0.split(separator: ",")[0])! } == Array(0..<25))
        #expect(small.summary.rows == 25)
        #expect(small.summary.report.statusCounts == [.ok: 10, .empty: 5, .notANumber: 5, .outsideArea: 5])
        #expect(small.summary.report.operations.map(\.points).reduce(0, +) == 10)
    }

    @Test func shortRowsArePaddedAndMalformedRowsCounted() throws {
        let result = try Self.run("id,E,N,note\n1,530000,180000\n2,530000,180000,\"open\n", batchSize: 10)
        let rows = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "id,E,N,note,x,y,status")
        #expect(rows[1].hasPrefix("1,530000,180000,,-0.") && rows[1].hasSuffix(",ok"))
        #expect(result.summary.malformedRows == 1 && result.summary.firstMalformedLine == 3)
    }

    @Test func addedColumnNamesMayNotClash() throws {
        #expect(throws: ReprojectionError.self) { _ = try Self.run("E,N,x\n1,2,3\n", batchSize: 10) }
        let renamed = try Self.run("E,N,x\n530000,180000,3\n", batchSize: 10, prefix: "wgs84_")
        #expect(renamed.output.hasPrefix("E,N,x,wgs84_x,wgs84_y,wgs84_status\n"))
    }
}

/// One projector per thread, made from the same Sendable spec, gives the same numbers.
@Suite struct ProjectorPerThreadTests {
    @Test func projectorsOnSeveralThreadsAgree() async throws {
        let spec = ProjectionSpec.bngToWGS84
        let results = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let projector = try spec.makeProjector()
                    var x = (0..<2000).map { 510_000 + Double($0) * 20 }, y = [Double](repeating: 180_000, count: 2000)
                    _ = projector.transform(x: &x, y: &y)
                    return x + y
                }
            }
            var all: [[Double]] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 4 && results.allSatisfy { $0 == results[0] })
    }
}
