import Foundation
import Testing
@testable import Locus

/// Accuracy against the Ordnance Survey's OSTN15 test points and the London reference points,
/// with and without the (London-only, derived) OSTN15 grid on PROJ's search path.
@Suite struct ProjectorAccuracyTests {
    @Test func osTestPointsWithoutGridAreWithinTheHelmertAccuracy() throws {
        let toWGS = try ReprojectionData.spec(from: "EPSG:27700", to: "EPSG:4326", grid: false).makeProjector()
        let toBNG = try ReprojectionData.spec(from: "EPSG:4326", to: "EPSG:27700", grid: false).makeProjector()
        #expect(toWGS.candidates.allSatisfy { !$0.usesGrid })
        var worst = (error: 0.0, id: ""), tp09 = 0.0, errors: [Double] = []
        for p in try ReprojectionData.osTestPoints(osgbToETRS: true) {
            let r = toWGS.transform(x: p.easting, y: p.northing)
            #expect(r.status == .ok, "\(p.id)")
            let error = ReprojectionData.metres(lon1: r.x, lat1: r.y, lon2: p.longitude, lat2: p.latitude)
            if error > worst.error { worst = (error, p.id) }
            errors.append(error)
            if p.id == "TP09" { tp09 = error }
        }
        for p in try ReprojectionData.osTestPoints(osgbToETRS: false) {
            let r = toBNG.transform(x: p.longitude, y: p.latitude)
            #expect(r.status == .ok, "\(p.id)")
            let error = hypot(r.x - p.easting, r.y - p.northing)
            if error > worst.error { worst = (error, p.id) }
            errors.append(error)
            if p.id == "TP09" { tp09 = max(tp09, error) }
        }
        let median = errors.sorted()[errors.count / 2]
        print("OS test points both ways without grid (Helmert): largest error \(worst.error) m at \(worst.id); "
              + "median \(median) m; TP09 \(tp09) m")
        let helmert = try #require(toWGS.report.operations.first?.operation)
        #expect(toWGS.report.operations.count == 1)
        #expect(helmert.name.contains("OSGB36 to WGS 84 (6)") && helmert.accuracy == 2 && !helmert.usesGrid)
        #expect(worst.error < 5.0)
        // The Helmert's stated 2 m holds for the typical point; the far south-west and offshore reach ~5 m.
        #expect(median <= 2.0)
        #expect(tp09 < 2.5)
    }

    @Test func londonPointsWithTheGridAgreeToOneCentimetreAndReportOSTN15() throws {
        let projector = try ReprojectionData.spec(from: "EPSG:27700", to: "EPSG:4326", grid: true).makeProjector()
        #expect(projector.candidates.first?.usesGrid == true)
        let points = try ReprojectionData.londonReference()
        var x = points.map(\.easting), y = points.map(\.northing)
        let status = projector.transform(x: &x, y: &y)
        var worst = 0.0
        for (i, p) in points.enumerated() {
            #expect(status[i] == .ok)
            worst = max(worst, ReprojectionData.metres(lon1: x[i], lat1: y[i], lon2: p.longitude, lat2: p.latitude))
        }
        print("London reference points with the derived grid: largest difference \(worst) m")
        #expect(worst < 0.01)
        let report = projector.report
        #expect(report.operations.count == 1)
        let used = try #require(report.operations.first)
        #expect(used.points == 1000)
        #expect(used.operation.usesGrid && used.operation.accuracy == 1)
        #expect(used.operation.name.contains("OSGB36 to WGS 84 (9)"))
        #expect(used.operation.grids.first?.path?.hasSuffix("OSTN15_NTv2_OSGBtoETRS.gsb") == true)
        #expect(report.allPointsUsedGrids)

        // TP09, the OS test point in London, both ways.
        let tp09 = try #require(try ReprojectionData.osTestPoints(osgbToETRS: true).first { $0.id == "TP09" })
        let r = projector.transform(x: tp09.easting, y: tp09.northing)
        #expect(ReprojectionData.metres(lon1: r.x, lat1: r.y, lon2: tp09.longitude, lat2: tp09.latitude) < 0.01)
        let back = try ReprojectionData.spec(from: "EPSG:4326", to: "EPSG:27700", grid: true).makeProjector()
        let b = back.transform(x: tp09.longitude, y: tp09.latitude)
        #expect(hypot(b.x - tp09.easting, b.y - tp09.northing) < 0.01)
        #expect(back.report.allPointsUsedGrids)
    }

    @Test func londonPointsWithoutTheGridAreWithinTwoAndAHalfMetresAndReportTheHelmert() throws {
        let projector = try ReprojectionData.spec(from: "EPSG:27700", to: "EPSG:4326", grid: false).makeProjector()
        let points = try ReprojectionData.londonReference()
        var x = points.map(\.easting), y = points.map(\.northing)
        _ = projector.transform(x: &x, y: &y)
        let errors = points.indices.map {
            ReprojectionData.metres(lon1: x[$0], lat1: y[$0], lon2: points[$0].longitude, lat2: points[$0].latitude)
        }
        print("London reference points without grid: \(errors.min()!)–\(errors.max()!) m")
        #expect(errors.max()! < 2.5)
        #expect(projector.report.operations.map(\.operation.name).allSatisfy { $0.contains("OSGB36 to WGS 84 (6)") })
        #expect(!projector.report.allPointsUsedGrids && projector.report.worstAccuracy == 2)
    }

    /// With the London-only grid, a point in Manchester is done by the Helmert and must be reported so.
    @Test func pointsOutsideTheGridAreCountedUnderTheHelmert() throws {
        let projector = try ReprojectionData.spec(from: "EPSG:27700", to: "EPSG:4326", grid: true).makeProjector()
        var x = [530624.974, 383_000, 531_000], y = [178388.464, 398_000, 179_000]
        let status = projector.transform(x: &x, y: &y)
        #expect(status == [.ok, .ok, .ok])
        let usage = Dictionary(uniqueKeysWithValues: projector.report.operations.map { ($0.operation.usesGrid, $0.points) })
        #expect(usage[true] == 2)
        #expect(usage[false] == 1)
        let helmert = try #require(projector.report.operations.first { !$0.operation.usesGrid })
        #expect(helmert.operation.name.contains("OSGB36 to WGS 84 (6)"))
        #expect(x[1] > -2.3 && x[1] < -2.2 && y[1] > 53.4 && y[1] < 53.5)
    }
}

@Suite struct ProjectorRoundTripWithGridTests {
    /// With no search path given, Locus's own projector finds the pack's grid (installed in the data folder,
    /// after PROJ's folders): the 1,000 London reference points come out through OSTN15 within 1 cm.
    @Test func theDefaultProjectorUsesThePackGridForLondon() throws {
        let projector = try ProjectionSpec.bngToWGS84.makeProjector()
        let points = try ReprojectionData.londonReference()
        var x = points.map(\.easting), y = points.map(\.northing)
        let status = projector.transform(x: &x, y: &y)
        #expect(status.allSatisfy { $0 == .ok })
        let worst = points.indices.map {
            ReprojectionData.metres(lon1: x[$0], lat1: y[$0], lon2: points[$0].longitude, lat2: points[$0].latitude)
        }.max()!
        print("London reference points through the default projector (pack grid): largest difference \(worst) m")
        #expect(worst < 0.01)
        #expect(projector.report.allPointsUsedGrids)
        #expect(projector.report.operations.first?.operation.name.contains("OSGB36 to WGS 84 (9)") == true)
    }

    @Test func londonReferenceRoundTripsThroughTheGridWithinOneCentimetre() throws {
        let forward = try ReprojectionData.spec(from: "EPSG:27700", to: "EPSG:4326", grid: true).makeProjector()
        let back = try ReprojectionData.spec(from: "EPSG:4326", to: "EPSG:27700", grid: true).makeProjector()
        let points = try ReprojectionData.londonReference()
        var x = points.map(\.easting), y = points.map(\.northing)
        _ = forward.transform(x: &x, y: &y)
        _ = back.transform(x: &x, y: &y)
        let worst = points.indices.map { hypot(x[$0] - points[$0].easting, y[$0] - points[$0].northing) }.max()!
        print("London reference round trip through the derived OSTN15 grid: largest difference \(worst) m")
        #expect(worst < 0.01)
        #expect(forward.report.allPointsUsedGrids && back.report.allPointsUsedGrids)
    }
}
