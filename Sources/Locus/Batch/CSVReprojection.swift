/// What `locus reproject` does: reads a CSV with two coordinate columns, appends the reprojected x, y and a
/// status per row, and counts what happened. Rows stream through in batches; every input row comes out, in order.
package struct CSVReprojection {
    /// What to reproject, from which columns, and how to write it.
    package struct Options: Sendable {
        /// The source and target CRSs and where PROJ looks for grids.
        package var spec: ProjectionSpec
        /// Names of the input columns holding x (easting or longitude) and y (northing or latitude).
        package var xColumn: String
        /// The y column's name.
        package var yColumn: String
        /// Put before the added column names (`x`, `y`, `status`).
        package var prefix: String
        /// Decimals written: nil chooses 8 for degrees (about 1 mm) and 3 for metres.
        package var decimals: Int?
        /// Rows per call to PROJ.
        package var batchSize: Int

        /// Options with `batchSize` at least 1.
        package init(spec: ProjectionSpec, xColumn: String, yColumn: String, prefix: String = "",
                    decimals: Int? = nil, batchSize: Int = 4096) {
            self.spec = spec
            self.xColumn = xColumn
            self.yColumn = yColumn
            self.prefix = prefix
            self.decimals = decimals
            self.batchSize = max(1, batchSize)
        }
    }

    /// What a run did.
    package struct Summary: Sendable {
        /// Data rows read (the header excluded).
        package var rows = 0
        /// Operations used and the status counts.
        package var report = ProjectionReport()
        /// Rows that broke the CSV rules (kept, with Locus's best reading), and the first one's line.
        var malformedRows = 0
        var firstMalformedLine: Int?
        /// Rows with more fields than the header (kept whole, so their added columns come later).
        var longRows = 0
    }

    /// What the run was told.
    package let options: Options
    /// The PROJ transformation the rows go through.
    package let projector: Projector

    /// Makes the projector (fails on an unknown CRS or a missing PROJ data folder).
    package init(options: Options) throws(ReprojectionError) {
        self.options = options
        do { projector = try options.spec.makeProjector() } catch { throw .projection(error) }
    }

    /// The added column names.
    package var addedColumns: [String] { ["x", "y", "status"].map { options.prefix + $0 } }

    /// Reads every record of `reader`, writes the header and rows to `writer` (flushing it), returns the summary.
    package func run(reader: CSVReader, writer: CSVWriter) throws(ReprojectionError) -> Summary {
        var summary = Summary()
        let first: CSVRecord?
        do { first = try reader.next() } catch { throw .input(error) }
        guard let header = first?.fields else { throw .noHeader(input: reader.source.name) }
        let xIndex = try Self.column(options.xColumn, .x, in: header, input: reader.source.name)
        let yIndex = try Self.column(options.yColumn, .y, in: header, input: reader.source.name)
        for name in addedColumns where header.contains(name) {
            throw .columnClash(name: name, input: reader.source.name)
        }
        let decimals = options.decimals ?? (projector.targetIsGeographic ? 8 : 3)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        CSVWriter.encode(header + addedColumns, delimiter: writer.delimiter, into: &out)

        var batch: [CSVRecord] = []
        batch.reserveCapacity(options.batchSize)
        var xs = [Double](repeating: 0, count: options.batchSize)
        var ys = xs
        var status = [PointStatus](repeating: .ok, count: options.batchSize)
        while true {
            batch.removeAll(keepingCapacity: true)
            do {
                while batch.count < options.batchSize, let record = try reader.next() { batch.append(record) }
            } catch { throw .input(error) }
            if batch.isEmpty { break }
            let n = batch.count
            for (i, record) in batch.enumerated() {
                if record.fault != nil {
                    summary.malformedRows += 1
                    if summary.firstMalformedLine == nil { summary.firstMalformedLine = record.line }
                }
                if record.fields.count > header.count { summary.longRows += 1 }
                let x = xIndex < record.fields.count ? CoordinateText.parse(record.fields[xIndex]) : (.nan, .empty)
                let y = yIndex < record.fields.count ? CoordinateText.parse(record.fields[yIndex]) : (.nan, .empty)
                xs[i] = x.value
                ys[i] = y.value
                status[i] = x.status == .ok ? y.status : (y.status == .notANumber ? .notANumber : x.status)
            }
            xs.withUnsafeMutableBufferPointer { xb in
                ys.withUnsafeMutableBufferPointer { yb in
                    status.withUnsafeMutableBufferPointer { sb in
                        projector.transform(x: .init(rebasing: xb[0..<n]), y: .init(rebasing: yb[0..<n]),
                                            status: .init(rebasing: sb[0..<n]))
                    }
                }
            }
            for i in 0..<n {
                var fields = batch[i].fields
                while fields.count < header.count { fields.append("") }
                let ok = status[i] == .ok
                fields.append(ok ? CoordinateText.format(xs[i], decimals: decimals) : "")
                fields.append(ok ? CoordinateText.format(ys[i], decimals: decimals) : "")
                fields.append(status[i].code)
                CSVWriter.encode(fields, delimiter: writer.delimiter, into: &out)
            }
            summary.rows += n
            do { try writer.sink.write(out) } catch { throw .output(error) }
            out.removeAll(keepingCapacity: true)
        }
        do {
            try writer.sink.write(out)
            try writer.flush()
        } catch { throw .output(error) }
        summary.report = projector.report
        return summary
    }

    /// The summary for stderr: rows and statuses, the CRSs, each operation used with its accuracy and points,
    /// and a note when a more accurate operation was left out for want of its grid; `gridHint`, when given, is
    /// added to that note (the command line says how to install the grid there).
    package func summaryLines(_ summary: Summary, gridHint: String? = nil) -> [String] {
        let report = summary.report
        var lines = ["\(summary.rows) row\(summary.rows == 1 ? "" : "s"): "
                     + (report.statusLine.isEmpty ? "nothing to transform" : report.statusLine)]
        lines.append("from \(projector.sourceName) to \(projector.targetName)")
        lines += report.operationLines.map { "operation " + $0 }
        let missing = projector.unavailableBetterOperations()
        if report.okPoints > 0, !report.allPointsUsedGrids, let better = missing.first {
            lines.append("note: \(better.name) (\(OperationInfo.accuracyText(better.accuracy))) needs "
                         + better.grids.filter { !$0.isAvailable }.map(\.name).joined(separator: ", ")
                         + ", which was not found" + (gridHint.map { "; " + $0 } ?? ""))
        }
        if summary.malformedRows > 0 {
            lines.append("\(summary.malformedRows) row(s) broke the CSV rules (first at line "
                         + "\(summary.firstMalformedLine ?? 0)); they were kept as read")
        }
        if summary.longRows > 0 {
            lines.append("\(summary.longRows) row(s) had more fields than the header; the added columns follow them")
        }
        return lines
    }

    /// The index of column `name` by `ColumnRule.reprojection`: exact, else the only match ignoring case and
    /// surrounding spaces; never a number.
    static func column(_ name: String, _ axis: CoordinateColumn, in header: [String], input: String)
        throws(ReprojectionError) -> Int {
        do { return try ColumnRule.reprojection.index(of: name, in: header, width: header.count) } catch {
            throw .missingColumn(name: name, axis: axis, input: input, available: header)
        }
    }
}

/// Why a reprojection run could not be done (a bad row is never an error: it gets a status).
package enum ReprojectionError: Error, CustomStringConvertible {
    case projection(ProjectionError)
    case input(InputError)
    case output(OutputError)
    /// The input has no header row.
    case noHeader(input: String)
    /// A coordinate column named by the user is not in the header.
    case missingColumn(name: String, axis: CoordinateColumn, input: String, available: [String])
    /// An added column name is already an input column.
    case columnClash(name: String, input: String)

    package var description: String {
        switch self {
        case let .projection(error): return error.description
        case let .input(error): return error.description
        case let .output(error): return error.description
        case let .noHeader(input):
            return "\(input) is empty: the first line must name the columns"
        case let .missingColumn(name, axis, input, available):
            return "\(input) has no column '\(name)' (the \(axis) column); its columns are: "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case let .columnClash(name, input):
            return "\(input) already has a column '\(name)'; choose a prefix for the added columns"
        }
    }
}

/// Which coordinate column of a reprojection a problem is about.
package enum CoordinateColumn: String, Sendable, Equatable {
    /// The column holding x (easting or longitude).
    case x
    /// The column holding y (northing or latitude).
    case y
}
