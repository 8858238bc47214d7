import Foundation
import Testing
@testable import Locus

/// The map-point planner on laid-out points: catchments, merges, boroughs, determinism.
struct MapPointPlannerTests {
    typealias Unit = (id: Int64, x: Double, y: Double, borough: Int64)

    static func candidate(_ name: String, _ x: Double, _ y: Double, borough: Int64 = 1, kind: String = "street")
        -> MapPointCandidate {
        MapPointCandidate(kind: kind, refID: 0, name: name, borough: borough, x: x, y: y)
    }

    /// A grid of units every 50 m over a square, in one borough.
    static func units(from x0: Double, _ y0: Double, count: Int, borough: Int64 = 1, firstID: Int64 = 1) -> [Unit] {
        var out: [Unit] = []
        for i in 0..<count { out.append((firstID + Int64(i), x0 + Double(i % 10) * 50, y0 + Double(i / 10) * 50, borough)) }
        return out
    }

    @Test func shortCatchmentsAreMergedIntoTheirNeighbours() {
        // B sits by a single unit (4 estimated addresses < 8): it goes, its unit joins A.
        let candidates = [Self.candidate("A", 0, 0), Self.candidate("B", 1000, 0)]
        let units: [Unit] = Self.units(from: 0, 0, count: 5) + [(100, 1000, 10, 1)]
        let plan = MapPointPlanner(threshold: 8).plan(candidates: candidates, units: units)
        #expect(plan.points.map(\.candidate.name) == ["A"])
        #expect(plan.points[0].units == 6)
        #expect(plan.points[0].reach >= 1000)  // the merged candidate B and its unit are within reach
        #expect(plan.unitPoint.count == 6 && plan.unitPoint.allSatisfy { $0.point == 0 })
    }

    @Test func emptyCatchmentsStay() {
        // A park far from every unit holds none: allowed, and kept.
        let candidates = [Self.candidate("Street", 0, 0), Self.candidate("Park", 5000, 5000, kind: "place")]
        let plan = MapPointPlanner(threshold: 8).plan(candidates: candidates, units: Self.units(from: 0, 0, count: 3))
        #expect(plan.points.map(\.candidate.name) == ["Street", "Park"])
        #expect(plan.points.map(\.units) == [3, 0])
    }

    @Test func catchmentsNeverCrossABorough() {
        // The unit of borough 2 sits next to A (borough 1) but belongs to C, the only map point of borough 2.
        let candidates = [Self.candidate("A", 0, 0), Self.candidate("C", 3000, 0, borough: 2)]
        let units: [Unit] = Self.units(from: 0, 0, count: 4) + [(50, 10, 10, 2), (51, 20, 20, 2)]
        let plan = MapPointPlanner(threshold: 8).plan(candidates: candidates, units: units)
        let byPoint = Dictionary(grouping: plan.unitPoint, by: \.point)
        for (point, members) in byPoint {
            let borough = plan.points[point].candidate.borough
            for member in members {
                #expect(units.first { $0.id == member.postcode }!.borough == borough)
            }
        }
        #expect(plan.points.first { $0.candidate.name == "C" }?.units == 2)
    }

    @Test func everyCatchmentMeetsTheThresholdOrHoldsNone() {
        // Random streets over random units, several thresholds: the planner's promise, and determinism.
        var generator = NormaliserPropertyTests.Seeded(state: 18)
        let units: [Unit] = (0..<3000).map { i in
            (Int64(i + 1), Double.random(in: 0..<5000, using: &generator), Double.random(in: 0..<5000, using: &generator),
             Int64.random(in: 1...3, using: &generator))
        }
        let candidates = (0..<900).map { i in
            Self.candidate("S\(i)", Double.random(in: 0..<5000, using: &generator),
                           Double.random(in: 0..<5000, using: &generator), borough: Int64(i % 3 + 1))
        }
        for threshold in [1, 8, 20, 50] {
            let plan = MapPointPlanner(threshold: threshold).plan(candidates: candidates, units: units)
            #expect(plan.points.allSatisfy { $0.units == 0 || $0.units * MapPointRules.addressesPerUnit >= threshold })
            #expect(plan.unitPoint.count == units.count)
            let again = MapPointPlanner(threshold: threshold).plan(candidates: candidates, units: units)
            #expect(again.points.map(\.candidate.name) == plan.points.map(\.candidate.name))
            #expect(again.unitPoint.map(\.point) == plan.unitPoint.map(\.point))
            // A discrete Voronoi: each unit's map point is the nearest kept one of its borough.
            for (postcode, point) in plan.unitPoint.prefix(300) {
                let unit = units[Int(postcode) - 1]
                let own = plan.points[point].candidate
                let d = (own.x - unit.x) * (own.x - unit.x) + (own.y - unit.y) * (own.y - unit.y)
                let nearer = plan.points.contains { p in
                    p.candidate.borough == unit.borough
                        && (p.candidate.x - unit.x) * (p.candidate.x - unit.x) + (p.candidate.y - unit.y) * (p.candidate.y - unit.y) < d
                }
                #expect(!nearer)
            }
        }
    }

    @Test func streetCentreIsAPointOfTheStreet() {
        let points: [(x: Double, y: Double)] = [(0, 0), (100, 90), (200, 0)]  // a bend: the mean is off the street
        let centre = MapPointPlanner.streetCentre(points, mean: (100, 30))
        #expect(centre.x == 100 && centre.y == 90)
        #expect(MapPointPlanner.isLabelName("HIGH STREET") && !MapPointPlanner.isLabelName("429 433"))
        #expect(GazetteerWriter.labelCase("CLAPHAM HIGH STREET") == "Clapham High Street")
        #expect(GazetteerWriter.labelCase("Abbey Wood Rail Station") == "Abbey Wood Rail Station")
        // `&` (AND in the canonical form), initials and numerals written apart, short joining words.
        let cases = [
            "A AND E": "A&E", "A AND E DEPARTMENT": "A&E Department", "H AND C AND CIRCLE LINES": "H&C and Circle Lines",
            "C E M E": "CEME", "H M PRISON PENTONVILLE": "HM Prison Pentonville", "CHARLES I I STREET": "Charles II Street",
            "KING GEORGE V DOCK": "King George V Dock", "PRET A MANGER": "Pret A Manger", "THE MALL": "The Mall",
            "CHURCH OF SAINT MICHAEL AND ALL ANGELS": "Church of Saint Michael and All Angels",
            "ANCHOR AND HOPE LANE": "Anchor and Hope Lane", "AND": "And", "": "",
        ]
        for (name, label) in cases { #expect(GazetteerWriter.labelCase(name) == label, "\(name)") }
    }
}
