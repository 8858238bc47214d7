/// Streets and localities derived from the mentions every source made, and the areas (boroughs, wards,
/// sectors, districts) derived from the postcode units. Everything is ordered so that the same sources
/// always give the same ids.
struct DerivedPlaces {
    struct Area {
        var key: String
        var x = 0.0, y = 0.0
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var units = 0
        var liveUnits = 0
        var boroughVotes: [String: Int] = [:]

        mutating func add(_ px: Double, _ py: Double, live: Bool, borough: String?) {
            x += px; y += py
            minX = min(minX, px); minY = min(minY, py); maxX = max(maxX, px); maxY = max(maxY, py)
            units += 1
            if live { liveUnits += 1 }
            if let borough { boroughVotes[borough, default: 0] += 1 }
        }

        var centroid: (Double, Double) { units == 0 ? (0, 0) : ((x / Double(units)).rounded(), (y / Double(units)).rounded()) }
        var borough: String? { boroughVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
    }

    struct Street {
        var name: String
        var borough: String?
        var mentions: [Int]
        var x = 0.0, y = 0.0, minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        var sources: String = ""
        var locality: Int?
    }

    struct Locality {
        var name: String
        var display: String
        var x: Double, y: Double
        var borough: String?
        var points: Int
        var sources: String
    }

    var sectors: [String: Area] = [:]
    var districts: [String: Area] = [:]
    var boroughs: [String: Area] = [:]
    var wards: [String: Area] = [:]
    var streets: [Street] = []
    /// Street index (0-based) of every street mention.
    var streetOfMention: [Int] = []
    var localities: [Locality] = []
    var localityByName: [String: [Int]] = [:]
    private var localityGrid: PointGrid?

    /// Single-linkage distance that splits same-name streets into separate streets.
    static let streetLinkage = 1000.0
    /// Single-linkage distance that splits same-name localities.
    static let localityLinkage = 3000.0

    init(_ draft: GazetteerDraft) {
        for code in draft.postcodeOrder {
            let unit = draft.postcodes[code]!
            let live = unit.status == .live
            sectors[SourcePostcode.sector(code), default: Area(key: SourcePostcode.sector(code))]
                .add(unit.x, unit.y, live: live, borough: unit.borough)
            districts[SourcePostcode.district(code), default: Area(key: SourcePostcode.district(code))]
                .add(unit.x, unit.y, live: live, borough: unit.borough)
            if live, let borough = unit.borough {
                boroughs[borough, default: Area(key: borough)].add(unit.x, unit.y, live: true, borough: borough)
            }
            if let ward = unit.ward {
                wards[ward, default: Area(key: ward)].add(unit.x, unit.y, live: live, borough: unit.borough)
            }
        }
        deriveLocalities(draft)
        deriveStreets(draft)
    }

    /// The borough of a point: that of the nearest postcode unit within 2 km.
    static func borough(_ draft: GazetteerDraft, _ x: Double, _ y: Double) -> String? {
        draft.nearestPostcode(x, y).flatMap { draft.postcodes[$0]?.borough }
    }

    private mutating func deriveLocalities(_ draft: GazetteerDraft) {
        let mentions = draft.localityMentions
        let byName = Dictionary(grouping: mentions.indices) { mentions[$0].name }
        for name in byName.keys.sorted() where !name.isEmpty {
            let members = byName[name]!
            for cluster in SingleLinkage.clusters(members.map { (mentions[$0].x, mentions[$0].y) },
                                                  within: Self.localityLinkage) {
                let group = cluster.map { mentions[members[$0]] }
                let x = (group.map(\.x).reduce(0, +) / Double(group.count)).rounded()
                let y = (group.map(\.y).reduce(0, +) / Double(group.count)).rounded()
                var spellings: [String: Int] = [:]
                for m in group { spellings[m.display, default: 0] += 1 }
                let display = spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                localities.append(Locality(
                    name: name, display: display, x: x, y: y, borough: Self.borough(draft, x, y),
                    points: group.count, sources: Set(group.map(\.source)).sorted().joined(separator: ",")))
            }
        }
        for (index, locality) in localities.enumerated() { localityByName[locality.name, default: []].append(index) }
        localityGrid = PointGrid(xs: localities.map(\.x), ys: localities.map(\.y), cellSize: 1000)
    }

    /// The locality called `name` nearest to (x, y), within 5 km.
    func locality(named name: String?, near x: Double, _ y: Double) -> Int? {
        guard let name, let candidates = localityByName[CanonicalText.string(name)] else { return nil }
        var best: (Int, Double)?
        for i in candidates {
            let d = planeDistance(localities[i].x, localities[i].y, x, y)
            if d <= 5000 && (best == nil || d < best!.1) { best = (i, d) }
        }
        return best?.0
    }

    private mutating func deriveStreets(_ draft: GazetteerDraft) {
        let mentions = draft.streetMentions
        var boroughOf: [String?] = []
        boroughOf.reserveCapacity(mentions.count)
        for m in mentions { boroughOf.append(m.borough ?? Self.borough(draft, m.x, m.y)) }
        let groups = Dictionary(grouping: mentions.indices.filter { !mentions[$0].name.isEmpty }) {
            mentions[$0].name + "|" + (boroughOf[$0] ?? "")
        }
        var found: [Street] = []
        for key in groups.keys {
            let members = groups[key]!
            for cluster in SingleLinkage.clusters(members.map { (mentions[$0].x, mentions[$0].y) },
                                                  within: Self.streetLinkage) {
                let ids = cluster.map { members[$0] }
                let xs = ids.map { mentions[$0].x }, ys = ids.map { mentions[$0].y }
                var street = Street(name: mentions[ids[0]].name, borough: boroughOf[ids[0]], mentions: ids)
                street.x = (xs.reduce(0, +) / Double(xs.count)).rounded()
                street.y = (ys.reduce(0, +) / Double(ys.count)).rounded()
                street.minX = xs.min()!; street.maxX = xs.max()!; street.minY = ys.min()!; street.maxY = ys.max()!
                street.sources = Set(ids.map { mentions[$0].kind }).sorted().joined(separator: ",")
                found.append(street)
            }
        }
        found.sort { ($0.name, $0.borough ?? "", $0.minX, $0.minY) < ($1.name, $1.borough ?? "", $1.minX, $1.minY) }
        streetOfMention = Array(repeating: -1, count: mentions.count)
        for (index, var street) in found.enumerated() {
            for m in street.mentions { streetOfMention[m] = index }
            street.locality = nearestLocality(street.x, street.y, within: 3000)
            streets.append(street)
        }
    }

    /// The nearest locality of any name within `radius`.
    func nearestLocality(_ x: Double, _ y: Double, within radius: Double) -> Int? {
        localityGrid?.nearest(x, y, within: radius)?.index
    }
}
