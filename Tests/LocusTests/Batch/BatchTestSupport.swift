import Foundation
import Testing
@testable import Locus

/// A deterministic stand-in for the matcher (the pipeline's contract is "any Geocoding"): the last two
/// numbers of at least five digits in the text are read as BNG easting and northing. Without them the row
/// is unmatched. `matched` echoes the query so tests can see what the pipeline asked.
struct GridReferenceGeocoder: Geocoding {
    /// Microseconds to sleep per row whose easting is odd, to shuffle worker timing.
    var jitterMicroseconds: UInt32 = 0

    func geocode(_ query: LocationQuery) -> GeocodeResult {
        let numbers = query.text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { token in
            token.count >= 5 ? Double(token) : nil
        }
        let echo = "\(query.text)|\(query.postcode ?? "-")|\(query.borough ?? "-")"
        guard numbers.count >= 2 else {
            return GeocodeResult(matched: echo, faults: [Fault("test.no_grid_reference", penalty: 100)])
        }
        let easting = numbers[numbers.count - 2], northing = numbers[numbers.count - 1]
        if jitterMicroseconds > 0 && Int(easting) % 2 == 1 { usleep(jitterMicroseconds) }
        return GeocodeResult(
            easting: easting, northing: northing, level: .street, score: 87.25, precisionMeters: 49.6,
            matched: echo, postcode: query.postcode, borough: query.borough ?? "Westminster", ward: nil,
            lsoa: "E01004736", faults: [Fault("street.spelling", penalty: 5)])
    }
}

/// What a batch run wrote.
struct BatchRun {
    var output: String
    var unmatched: String?
    var summary: BatchSummary
}

/// A fresh path in the temporary folder.
func temporaryPath(_ suffix: String = ".csv") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("locus-batch-\(UUID().uuidString)\(suffix)").path
}

/// Runs the pipeline on `input` bytes with the real PROJ and the grid-reference geocoder.
func runBatch(
    _ input: [UInt8], options: BatchOptions = BatchOptions(), withUnmatched: Bool = false,
    geocoder: any Geocoding = GridReferenceGeocoder()
) throws -> BatchRun {
    let inputPath = temporaryPath(), outputPath = temporaryPath(), unmatchedPath = temporaryPath()
    try Data(input).write(to: URL(fileURLWithPath: inputPath))
    defer {
        for path in [inputPath, outputPath, unmatchedPath] { try? FileManager.default.removeItem(atPath: path) }
    }
    let summary: BatchSummary
    do {
        let output = try ByteSink(path: outputPath)
        let unmatched = withUnmatched ? try ByteSink(path: unmatchedPath) : nil
        summary = try BatchGeocoder(options: options, projection: .proj(targetCRS: options.targetCRS))
            .run(input: ByteSource(path: inputPath), output: output, unmatched: unmatched, geocoder: geocoder)
    }
    let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
    return BatchRun(output: read(outputPath), unmatched: withUnmatched ? read(unmatchedPath) : nil, summary: summary)
}

func runBatch(
    _ text: String, options: BatchOptions = BatchOptions(), withUnmatched: Bool = false,
    geocoder: any Geocoding = GridReferenceGeocoder()
) throws -> BatchRun {
    try runBatch(Array(text.utf8), options: options, withUnmatched: withUnmatched, geocoder: geocoder)
}

func batchOptions(_ configure: (inout BatchOptions) -> Void) -> BatchOptions {
    var options = BatchOptions()
    configure(&options)
    return options
}

/// The error a throwing call throws, or nil.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The added CSV columns of a matched test row at 530000, 180000 (PROJ, OSTN15 OSGB36 → WGS 84 through the
/// pack's grid: 51.503992170 -0.128328893), with the test geocoder's fixed values.
func matchedColumns(_ echo: String, postcode: String = "", borough: String = "Westminster") -> String {
    "51.503992,-0.128329,530000.0,180000.0,street,87.3,50,\(echo),\(postcode),\(borough),,E01004736,street.spelling"
}

/// The added CSV columns of a row the test geocoder does not match.
func unmatchedColumns(_ echo: String, extraFaults: [String] = []) -> String {
    ",,,,none,0.0,,\(echo),,,,,\((extraFaults + ["test.no_grid_reference"]).joined(separator: ";"))"
}

let addedHeader = "latitude,longitude,easting,northing,match_type,score,precision_m,matched,postcode,borough,ward,lsoa,faults"
