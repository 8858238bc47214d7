import Foundation
import GRDB
import Testing
@testable import Locus

/// A district written without its letter (`W1`) is the union of its lettered sub-districts (`W1A` … `W1W`).
struct PostcodeDistrictsTests {
    static func area(_ code: String, x: Double, y: Double, units: Int, live: Int? = nil, borough: Int64? = 1)
        -> PostcodeArea {
        PostcodeArea(row: Row(["district": code, "x": x, "y": y, "min_x": x - 100, "min_y": y - 100,
                               "max_x": x + 100, "max_y": y + 100, "units": units, "live_units": live ?? units,
                               "borough_id": borough]), key: "district")
    }

    @Test func aDistrictWithLetteredSubDistrictsIsTheirUnion() {
        let districts = [
            "W1": Self.area("W1", x: 528300, y: 181700, units: 1, live: 0),  // one terminated unit
            "W1A": Self.area("W1A", x: 528900, y: 181300, units: 3),
            "W1D": Self.area("W1D", x: 529700, y: 181000, units: 1, borough: 2),
            "W10": Self.area("W10", x: 524000, y: 181800, units: 50),
            "E1": Self.area("E1", x: 534500, y: 181500, units: 10),
            "E1W": Self.area("E1W", x: 534800, y: 180500, units: 10),
            "SE1": Self.area("SE1", x: 532000, y: 179500, units: 10),
        ]
        let out = PostcodeDistricts.withSubDistricts(districts)
        let w1 = try! #require(out["W1"])
        #expect(w1.parts == ["W1", "W1A", "W1D"])
        #expect(w1.minX == 528200 && w1.maxX == 529800 && w1.minY == 180900 && w1.maxY == 181800)
        #expect(w1.units == 5 && w1.liveUnits == 4 && w1.boroughID == nil)
        #expect(abs(w1.x - (528300 + 3 * 528900 + 529700) / 5) < 1e-6)
        // W10 is a district of its own, not a sub-district of W1; E1 takes E1W in; others are unchanged.
        #expect(out["W10"] == districts["W10"] && out["W1A"] == districts["W1A"] && out["SE1"] == districts["SE1"])
        #expect(out["E1"]?.parts == ["E1", "E1W"] && out["E1"]?.boroughID == 1)
    }

    @Test func aDistrictKnownOnlyByItsSubDistrictsIsAdded() {
        let out = PostcodeDistricts.withSubDistricts([
            "EC1A": Self.area("EC1A", x: 531900, y: 181600, units: 2),
            "EC1V": Self.area("EC1V", x: 532000, y: 182600, units: 2),
        ])
        #expect(out["EC1"]?.parts == ["EC1A", "EC1V"] && out["EC1"]?.units == 4)
        #expect(out.count == 3)
    }

    /// README's own example: `W1` as written no longer conflicts with Oxford Circus (W1B/W1D/W1C).
    @Test func oxfordCircusInW1OnTheLondonGazetteer() throws {
        let matcher = Matcher(store: try GazetteerStore(path: try TestGazetteer.london()))
        let r = matcher.geocode(LocationQuery(text: "J/O OXFORD ST & REGENT ST W1"))
        #expect(r.level == .junction)
        #expect(!r.faults.contains { $0.code == Scoring.postcodeConflict })
        let (x, y) = (try #require(r.easting), try #require(r.northing))
        #expect(planeDistance(x, y, 529030, 181240) < 150)  // Oxford Circus
    }
}
