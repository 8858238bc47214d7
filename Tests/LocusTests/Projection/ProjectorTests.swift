import Foundation
import Testing
@testable import Locus

/// The projector on PROJ's installed database (no shared data needed).
@Suite struct ProjectorTests {
    /// Points over Greater London and beyond, in BNG.
    static let bngPoints: [(x: Double, y: Double)] = [
        (530624.974, 178388.464), (532287, 164871), (529090, 179645), (503070.269, 156160.732),
        (383_000, 398_000), (91492.146, 11318.804), (651_000, 314_000), (326_000, 674_000),
    ]

    @Test func roundTripsStayWithinOneCentimetre() throws {
        let forward = try ProjectionSpec.bngToWGS84.makeProjector()
        let back = try ProjectionSpec.wgs84ToBNG.makeProjector()
        var x = Self.bngPoints.map(\.x), y = Self.bngPoints.map(\.y)
        #expect(forward.transform(x: &x, y: &y).allSatisfy { $0 == .ok })
        #expect(x.allSatisfy { $0 > -9 && $0 < 2 } && y.allSatisfy { $0 > 49 && $0 < 61 }, "longitude first")
        #expect(back.transform(x: &x, y: &y).allSatisfy { $0 == .ok })
        var worst = 0.0
        for (i, p) in Self.bngPoints.enumerated() { worst = max(worst, hypot(x[i] - p.x, y[i] - p.y)) }
        print("BNG → WGS 84 → BNG round trip: largest difference \(worst) m")
        #expect(worst < 0.01)
    }

    @Test func pointsFarOutsideTheAreaOfUseGetAnErrorNotNumbers() throws {
        let forward = try ProjectionSpec.bngToWGS84.makeProjector()
        var x: [Double] = [5_000_000, 530_000, -3_000_000], y: [Double] = [180_000, 180_000, 9_000_000]
        let status = forward.transform(x: &x, y: &y)
        #expect(status == [.outsideArea, .ok, .outsideArea])
        #expect(x[0].isNaN && y[0].isNaN && x[2].isNaN)
        #expect(forward.report.statusCounts == [.ok: 1, .outsideArea: 2])

        let back = try ProjectionSpec.wgs84ToBNG.makeProjector()
        let china = back.transform(x: 120, y: 30)
        #expect(china.status == .outsideArea && china.x.isNaN)
        let london = back.transform(x: -0.12, y: 51.5)
        #expect(london.status == .ok)
        let offTheGlobe = back.transform(x: -0.12, y: 95)
        #expect(offTheGlobe.status == .outsideArea)
    }

    @Test func nonFiniteInputIsNotANumber() throws {
        let projector = try ProjectionSpec.bngToWGS84.makeProjector()
        var x: [Double] = [.nan, .infinity, 530_000], y: [Double] = [180_000, 180_000, 180_000]
        var status: [PointStatus] = [.ok, .ok, .empty]
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                status.withUnsafeMutableBufferPointer { projector.transform(x: xs, y: ys, status: $0) }
            }
        }
        #expect(status == [.notANumber, .notANumber, .empty], "points already marked are left alone")
        #expect(projector.report.totalPoints == 3 && projector.report.operations.isEmpty)
    }

    @Test func webMercatorAndProjStringTargetsWork() throws {
        let mercator = try ProjectionSpec.fromBNG(to: "EPSG:3857").makeProjector()
        let m = mercator.transform(x: 530624.974, y: 178388.464)
        #expect(m.status == .ok)
        #expect(abs(m.x - -13_350) < 50 && abs(m.y - 6_708_317) < 50, "\(m)")
        #expect(!mercator.targetIsGeographic)

        let utm = try ProjectionSpec.fromBNG(to: "+proj=utm +zone=30 +datum=WGS84 +units=m +no_defs").makeProjector()
        let u = utm.transform(x: 530624.974, y: 178388.464)
        #expect(u.status == .ok)
        #expect(abs(u.x - 699_940) < 5 && abs(u.y - 5_708_180) < 5, "\(u)")

        let wkt = try ProjectionSpec(from: "EPSG:27700", to: """
            GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563]],\
            CS[ellipsoidal,2],AXIS["latitude",north,ANGLEUNIT["degree",0.0174532925199433]],\
            AXIS["longitude",east,ANGLEUNIT["degree",0.0174532925199433]]]
            """).makeProjector()
        let w = wkt.transform(x: 530624.974, y: 178388.464)
        #expect(wkt.targetIsGeographic && w.status == .ok && abs(w.x - -0.12) < 0.01 && abs(w.y - 51.49) < 0.01,
                "longitude first even though the WKT lists latitude first")
    }

    @Test func theReportNamesTheOperationAndItsAccuracy() throws {
        let projector = try ProjectionSpec(from: "EPSG:27700", to: "EPSG:4326",
                                           searchPaths: [], includeDefaultSearchPaths: true).makeProjector()
        var x = [530_000.0, 531_000], y = [180_000.0, 181_000]
        _ = projector.transform(x: &x, y: &y)
        let usage = try #require(projector.report.operations.first)
        #expect(usage.points == 2)
        #expect(usage.operation.accuracy != nil)
        #expect(projector.report.operationLines.first?.hasSuffix(": 2 points") == true)
        #expect(projector.candidates.contains { $0.name.contains("OSGB36 to WGS 84 (6)") && $0.accuracy == 2 })
        #expect(projector.sourceName == "OSGB36 / British National Grid" && projector.targetName == "WGS 84")
        projector.resetReport()
        #expect(projector.report.totalPoints == 0)
    }

    @Test func unknownCRSIsATypedErrorSayingWhatToGive() throws {
        #expect(throws: ProjectionError.self) { try ProjectionSpec(from: "EPSG:999999", to: "EPSG:4326").makeProjector() }
        do {
            _ = try ProjectionSpec(from: "EPSG:27700", to: "not a crs").makeProjector()
            Issue.record("expected an error")
        } catch {
            guard case .unknownCRS(let role, let text, _) = error else { Issue.record("\(error)"); return }
            #expect(role == "target" && text == "not a crs")
            #expect(error.description.contains("EPSG:nnnn"))
        }
        let operation = "urn:ogc:def:coordinateOperation:EPSG::1314"
        #expect(throws: ProjectionError.notACRS(role: "source", text: operation)) {
            try ProjectionSpec(from: operation, to: "EPSG:4326").makeProjector()
        }
        #expect(throws: ProjectionError.searchPathMissing(path: "/no/such/folder")) {
            try ProjectionSpec.bngToWGS84.searching("/no/such/folder").makeProjector()
        }
    }
}
