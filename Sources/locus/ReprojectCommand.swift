import ArgumentParser
import Foundation
import Locus

struct ReprojectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproject",
        abstract: "Reproject the coordinates of a CSV file with PROJ (e.g. British National Grid to WGS 84).",
        discussion: """
            Every input row is written, in order, with all its columns, then x, y (longitude, latitude for a \
            geographic target) and status: ok, empty, not_a_number, outside_area (outside the CRS's area of \
            use) or transform_failed. A summary goes to standard error: rows, statuses and the PROJ operation(s) \
            used with their stated accuracy. Without the OSTN15 grid PROJ uses the ~2 m Helmert for BNG; \
            see --info for how to install the grid.

            Exit status: 0 all rows processed (even with bad coordinates; also when the output pipe closes), \
            64 unusable arguments (unknown CRS, missing column, name clash), 65 input not valid (no header, \
            bad encoding), 66 input not found or unreadable, 69 PROJ data missing, 73 cannot create the \
            output, 74 read or write error, 70 internal error.
            """)

    @Argument(help: "The CSV file to read; '-' or nothing reads standard input.")
    var input: String?

    @Option(name: .shortAndLong, help: "The CSV file to write (replaced whole at the end); default standard output.")
    var output: String?

    @Option(help: "The CRS of the input coordinates: EPSG:nnnn, WKT or a PROJ string.")
    var from: String

    @Option(help: "The CRS to write: EPSG:nnnn, WKT or a PROJ string.")
    var to: String

    @Option(name: .customLong("x-column"), help: "The input column holding x (easting or longitude).")
    var xColumn: String?

    @Option(name: .customLong("y-column"), help: "The input column holding y (northing or latitude).")
    var yColumn: String?

    @Option(help: "Put before the added column names (x, y, status), e.g. wgs84_.")
    var prefix: String = ""

    @Option(name: .customLong("proj-data"),
            help: "A folder searched first for PROJ grids such as uk_os_OSTN15_NTv2_OSGBtoETRS.tif (repeatable).")
    var projData: [String] = []

    @Option(help: "Decimals written (default 8 for degrees, 3 for metres).")
    var decimals: Int?

    @Option(help: "The field delimiter: comma, tab, semicolon or pipe (as geocode takes), or one ASCII character.")
    var delimiter = AnyDelimiter.named(.comma)

    @Option(help: "The input encoding: utf-8, windows-1252 or latin-1.")
    var encoding = TextEncoding.utf8

    @Flag(help: "Print the CRSs, the operations PROJ may use with their accuracy, missing grids and search paths, then exit.")
    var info = false

    func validate() throws {
        if !info && (xColumn == nil || yColumn == nil) {
            throw ValidationError("give the coordinate columns: --x-column NAME --y-column NAME")
        }
        if let decimals, !(0...12).contains(decimals) { throw ValidationError("--decimals must be 0 to 12") }
    }

    func run() throws {
        let spec = ProjectionSpec(from: from, to: to, searchPaths: projData)
        let options = CSVReprojection.Options(
            spec: spec, xColumn: xColumn ?? "", yColumn: yColumn ?? "", prefix: prefix, decimals: decimals)
        let job: CSVReprojection
        do { job = try CSVReprojection(options: options) } catch { throw fail(error) }
        if info {
            print(job.projector.infoLines(folderHint: "pass --proj-data FOLDER or set PROJ_DATA").joined(separator: "\n"))
            return
        }
        let source: ByteSource
        do { source = try ByteSource(path: input ?? "-") } catch { throw fail(.input(error)) }
        var file: AtomicOutputFile?
        let sink: ByteSink
        if let output, output != "-" {
            do { file = try AtomicOutputFile(targetPath: output) } catch { throw fail(.output(error)) }
            sink = file!.sink
        } else {
            sink = ByteSink(fileDescriptor: STDOUT_FILENO, name: "stdout")
        }
        let reader = CSVReader(source: source, delimiter: delimiter.byte, encoding: encoding)
        let summary: CSVReprojection.Summary
        do throws(ReprojectionError) {
            summary = try job.run(reader: reader, writer: CSVWriter(sink: sink, delimiter: delimiter.byte))
            do { try file?.commit() } catch { throw .output(error) }
        } catch {
            file?.discard()
            throw fail(error)
        }
        let lines = job.summaryLines(summary, gridHint: "see `locus reproject --info` to install it")
        FileHandle.standardError.write(Data(lines.map { "locus reproject: \($0)\n" }.joined().utf8))
    }

    /// Prints `error` to stderr (unless it is a closed pipe) and returns the exit code to throw.
    private func fail(_ error: ReprojectionError) -> ExitCode {
        if case .output(.brokenPipe) = error { return ExitStatus.success.exitCode }
        FileHandle.standardError.write(Data("locus reproject: error: \(ErrorMessage.of(error))\n".utf8))
        return ExitStatus.of(error).exitCode
    }
}
