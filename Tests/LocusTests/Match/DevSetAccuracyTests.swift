import Foundation
import Testing
@testable import Locus

/// Both dev evaluation files through the matcher on the full London gazetteer, with the borough column and
/// without it, scored with score.py's rules: a returned point within `tolerance_m` of the truth is correct; a
/// located row keeps its promise when within `precision_m` + 50 m of the truth (calibration, per match type).
///
/// The recall bars were issue 5's, lowered by issue 11, which traded recall for honesty (README "Accuracy").
/// Issue 11's bars are 89 % correct at 99.0 % precision on london-dev with the borough column, 98 % precision
/// without it and on more-kinds, and 95 % calibration for every match type in all four runs. Measured at the
/// issue 11 branch (9bb8f87): london-dev 88.26 % at 98.83 % (none 84.81 % at 98.39 %), more-kinds 66.98 % at
/// 98.63 % (none 65.82 % at 98.50 %); calibration at least 95.0 % for every match type (more-kinds none street
/// 95.0 %). Main at ffc6246: 88.29 % at 98.79 % (none 97.94 %), more-kinds 98.63 % (none 98.27 %). The bars
/// below are the branch's figures rounded down; the 89 % at 99.0 % is not reached. With `PostcodeStreetConflict`
/// (honest3): london-dev 88.42 % at 99.13 % (none 84.88 % at 98.74 %), more-kinds 98.75 % (none 98.62 %),
/// corrupted 97.3 % correct at 99.1 %: the 99.0 % precision bar is met, 89 % correct is not. At honest4 (fcf59cb):
/// london-dev 89.07 % at 99.14 % (2639 of 2963 correct, 23 wrong; none 85.59 % at 98.95 %), more-kinds 68.21 % at
/// 98.99 % (none 66.51 % at 98.74 %): issue 11's 89 % at 99.0 % is met and is the overall bar below.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipMessage))
struct DevSetAccuracyTests {
    struct Tally {
        var cases = 0, returned = 0, correct = 0, kept = 0
        var recall: Double { cases == 0 ? 0 : Double(correct) / Double(cases) * 100 }
        var precision: Double { returned == 0 ? 0 : Double(correct) / Double(returned) * 100 }
        var calibration: Double { returned == 0 ? 100 : Double(kept) / Double(returned) * 100 }
    }

    struct Run {
        var strata: [String: Tally] = [:]
        var matchTypes: [String: Tally] = [:]
        var overall = Tally()
    }

    /// Lowest accepted recall (% correct of all cases) per stratum of london-dev with the borough column.
    static let recallBars: [String: Double] = [
        "corrupted": 97, "fhrs_no_postcode": 81, "fhrs_with_postcode": 98, "police_on_or_near": 34,
        "police_style": 85,
    ]
    static let overallRecallBar = 89.0
    static let overallPrecisionBar = 99.0
    /// Without the borough column, and on more-kinds.
    static let noBoroughPrecisionBar = 98.5
    static let moreKindsPrecisionBar = 98.6
    /// Per cent of located rows within `precision_m` + 50 m, compared in whole rows (95 of every 100).
    static let calibrationBar = 95

    static let matcher: Result<Matcher, Error> = Result {
        Matcher(store: try GazetteerStore(path: try TestGazetteer.london()))
    }

    /// Geocodes one dev file, with or without its `hint_area` column as the borough.
    static func run(_ file: String, borough: Bool) throws -> Run {
        let matcher = try matcher.get()
        let reader = CSVReader(source: try ByteSource(path: SharedData.eval("dev/\(file)").path))
        guard let header = try reader.next()?.fields else { throw CocoaError(.fileReadCorruptFile) }
        func column(_ name: String) throws -> Int {
            try #require(header.firstIndex(of: name), "dev set has no column \(name)")
        }
        let (stratum, query, hint, tx, ty, crs, tolerance) = (
            try column("stratum"), try column("query"), try column("hint_area"), try column("truth_x"),
            try column("truth_y"), try column("truth_crs"), try column("tolerance_m"))
        let projector = try ProjectionSpec.wgs84ToBNG.makeProjector()
        var run = Run()
        while let record = try reader.next() {
            let f = record.fields
            var truth = (x: Double(f[tx])!, y: Double(f[ty])!)
            if f[crs] == "EPSG:4326" {
                let p = projector.transform(x: truth.x, y: truth.y)  // longitude first
                truth = (p.x, p.y)
            }
            let result = matcher.geocode(LocationQuery(text: f[query], borough: borough && !f[hint].isEmpty ? f[hint] : nil))
            var tally = Tally(cases: 1)
            if let e = result.easting, let n = result.northing {
                let error = planeDistance(e, n, truth.x, truth.y)
                tally.returned = 1
                tally.correct = error <= Double(f[tolerance])! ? 1 : 0
                tally.kept = error <= (result.precisionMeters ?? 0) + 50 ? 1 : 0
                run.matchTypes[result.level.rawValue, default: Tally()].add(tally)
            }
            run.strata[f[stratum], default: Tally()].add(tally)
            run.overall.add(tally)
        }
        return run
    }

    func expectCalibrated(_ run: Run, _ name: String) {
        for (type, tally) in run.matchTypes {
            #expect(tally.kept * 100 >= Self.calibrationBar * tally.returned,
                    "\(name) \(type): \(tally.calibration) % calibrated")
        }
    }

    @Test func devSetMeetsTheBars() throws {
        let run = try Self.run("london-dev.csv", borough: true)
        #expect(run.overall.cases == 2963)
        for (name, bar) in Self.recallBars {
            let tally = run.strata[name] ?? Tally()
            #expect(tally.recall >= bar, "\(name): \(tally.recall) % correct, bar \(bar) %")
        }
        #expect(run.overall.recall >= Self.overallRecallBar, "overall \(run.overall.recall) % correct")
        #expect(run.overall.precision >= Self.overallPrecisionBar, "overall precision \(run.overall.precision) %")
        expectCalibrated(run, "london-dev, borough")
    }

    @Test func devSetWithoutTheBoroughIsPreciseAndCalibrated() throws {
        let run = try Self.run("london-dev.csv", borough: false)
        #expect(run.overall.precision >= Self.noBoroughPrecisionBar, "precision \(run.overall.precision) %")
        expectCalibrated(run, "london-dev, none")
    }

    @Test func moreKindsArePreciseAndCalibrated() throws {
        for borough in [true, false] {
            let run = try Self.run("london-dev-more-kinds.csv", borough: borough)
            #expect(run.overall.cases == 1293)
            let bar = borough ? Self.moreKindsPrecisionBar : Self.noBoroughPrecisionBar
            #expect(run.overall.precision >= bar, "more-kinds borough \(borough): precision \(run.overall.precision) %")
            expectCalibrated(run, "more-kinds, borough \(borough)")
        }
    }
}

extension DevSetAccuracyTests.Tally {
    mutating func add(_ other: Self) {
        cases += other.cases
        returned += other.returned
        correct += other.correct
        kept += other.kept
    }
}
