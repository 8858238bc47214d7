import Foundation

/// The gazetteer lookups the matcher makes, each remembered once read: crime records name the same streets,
/// postcodes and words over and over, and a gazetteer read costs far more than a dictionary hit. The hottest
/// tables come from a memory index once it is read (in the background); until then, and for the other
/// tables, from SQLite. Shared by all threads of one matcher; a failed read counts as "nothing found".
final class MatchLookups: Sendable {
    let store: GazetteerStore
    let memory: MemoryIndexSlot
    private let postcodes = LookupCache<String, PostcodeUnit?>()
    private let nearUnit = LookupCache<Int64, [Int64: Double]>()
    private let inArea = LookupCache<String, Set<Int64>>()
    private let localityNames = LookupCache<String, [GazetteerLocality]>()
    private let streetNames = LookupCache<String, [GazetteerStreet]>()
    private let streetByID = LookupCache<Int64, GazetteerStreet?>()
    private let frequencies = LookupCache<String, Int>()
    private let postings = LookupCache<String, [Int64]>()
    private let typos = LookupCache<String, [(token: String, distance: Int)]>()
    private let addressesOnStreet = LookupCache<Int64, StreetAddresses>()
    private let pointsOnStreet = LookupCache<Int64, [StreetPoint]>()
    private let junctionsOfStreet = LookupCache<Int64, [GazetteerJunction]>()
    let shapes = LookupCache<Int64, StreetShape>()
    /// `continuedReach` by street (`HonestRadius`).
    let continued = LookupCache<Int64, Double>()
    private let landmarkNames = LookupCache<String, [GazetteerLandmark]>()
    private let boroughNearStreet = LookupCache<Int64, Set<Int64>>()
    private let readingsOfText = LookupCache<String, [StreetReading]>()
    private let boroughsNamed = LookupCache<String, [Int64]>()
    private let localityNamesCanonical = LookupCache<Int64, String>()
    /// Indexes read from the whole gazetteer once, whatever the queries: shared by lookups that forget.
    let whole: WholeGazetteerIndexes
    private var reach: LookupCache<Int, StreetReach> { whole.reach }
    /// Where the street lines reach (`LineCoverage`), read once.
    var lineCoverage: LookupCache<Int, LineCoverage> { whole.lineCoverage }
    private var stationIndex: LookupCache<Int, StationIndex> { whole.stationIndex }
    /// The landmark names by loose key (`PlaceKeys`).
    var placeKeys: LookupCache<Int, PlaceKeyIndex> { whole.placeKeys }

    /// Lookups that go to SQLite before the memory index is read (about a hundred queries).
    static let lookupsBeforePreload = 1_000

    /// `preload`: read the memory index in the background once the run is more than a few rows.
    init(store: GazetteerStore, preload: Bool) {
        self.store = store
        memory = MemoryIndexSlot(store: preload ? store : nil, lookupsFirst: Self.lookupsBeforePreload)
        whole = WholeGazetteerIndexes()
    }

    /// Lookups with nothing remembered of any query yet, sharing `other`'s memory index and the indexes read
    /// from the whole gazetteer (they depend on no query).
    init(sharingIndexOf other: MatchLookups) {
        store = other.store
        memory = other.memory
        whole = other.whole
    }

    /// The gazetteer's stations by station key, read once.
    func stations() -> StationIndex {
        stationIndex.value(0) { StationIndex(landmarks: (try? store.stationLandmarks()) ?? []) }
    }

    func postcode(_ code: String) -> PostcodeUnit? {
        postcodes.value(code) { (try? store.postcode(code)) ?? nil }
    }

    func streetsNear(unit: Int64) -> [Int64: Double] {
        nearUnit.value(unit) {
            var near: [Int64: Double] = [:]
            for (id, d) in (try? store.streetsNear(postcodeID: unit)) ?? [] where near[id] == nil { near[id] = d }
            return near
        }
    }

    func streets(inArea area: String) -> Set<Int64> {
        inArea.value(area) { Set((try? store.streets(inPostcodeArea: area)) ?? []) }
    }

    /// Borough ids for a name in any written form (`Richmond upon Thames`, `RICHMOND`).
    func boroughIDs(named name: String) -> [Int64] {
        boroughsNamed.value(name) { MatchEvidence.boroughIDs(named: name, store: store) }
    }

    /// A locality's name in canonical words (`CanonicalText.string`), as street names are written.
    func canonicalName(of locality: GazetteerLocality) -> String {
        localityNamesCanonical.value(locality.id) { CanonicalText.string(locality.name) }
    }

    func localities(named name: String) -> [GazetteerLocality] {
        localityNames.value(name) { (try? store.localities(named: name)) ?? [] }
    }

    func streets(named name: String) -> [GazetteerStreet] {
        if let index = memory.index { return index.streets(named: name) }
        return streetNames.value(name) { (try? store.streets(named: name)) ?? [] }
    }

    /// The street readings of a written street, found by `search` once.
    func streetReadings(_ text: String, search: () -> [StreetReading]) -> [StreetReading] {
        readingsOfText.value(text, search)
    }

    func street(id: Int64) -> GazetteerStreet? {
        if let index = memory.index { return index.street(id: id) }
        return streetByID.value(id) { (try? store.street(id: id)) ?? nil }
    }

    /// The words of a street's name.
    func words(of street: GazetteerStreet) -> [String] {
        memory.index?.words(ofStreet: street.id) ?? street.name.split(separator: " ").map(String.init)
    }

    /// How many streets contain the word.
    func streetFrequency(_ token: String) -> Int {
        if let index = memory.index { return index.streetFrequency(token) }
        return frequencies.value(token) { (try? store.documentFrequency(token: token, kind: .street)) ?? 0 }
    }

    /// The streets containing the word.
    func streetPostings(_ token: String) -> [Int64] {
        if let index = memory.index { return index.streetPostings(token) }
        return postings.value(token) { (try? store.entities(token: token, kind: .street)) ?? [] }
    }

    func typoCandidates(_ word: String) -> [(token: String, distance: Int)] {
        typos.value(word) { (try? store.typoCandidates(word)) ?? [] }
    }

    /// The numbered address points of a street, read once.
    func addresses(streetID: Int64) -> StreetAddresses {
        addressesOnStreet.value(streetID) {
            StreetAddresses(memory.index?.addresses(streetID: streetID) ?? (try? store.addresses(streetID: streetID)) ?? [])
        }
    }

    func points(streetID: Int64) -> [StreetPoint] {
        if let index = memory.index { return index.points(streetID: streetID) }
        return pointsOnStreet.value(streetID) { (try? store.points(streetID: streetID)) ?? [] }
    }

    func junctions(streetID: Int64) -> [GazetteerJunction] {
        junctionsOfStreet.value(streetID) { (try? store.junctions(streetID: streetID)) ?? [] }
    }

    func landmarks(named name: String) -> [GazetteerLandmark] {
        landmarkNames.value(name) { (try? store.landmarks(named: name)) ?? [] }
    }

    /// How far a place on a street may be from its centroid (read from the gazetteer once).
    var streetReach: StreetReach { reach.value(0) { StreetReach(store: store) } }

    /// The boroughs of the postcode units within `reach` metres of a street's centroid: a street along a
    /// boundary has units of both boroughs near it, the nearest being either's.
    func boroughsNear(_ street: GazetteerStreet, reach: Double) -> Set<Int64> {
        boroughNearStreet.value(street.id) { (try? store.boroughsOfPostcodes(x: street.x, y: street.y, within: reach)) ?? [] }
    }
}

/// The numbered address points of one street, sorted by number then id, searched without copying.
final class StreetAddresses: Sendable {
    /// Points with a number, by (number, id).
    let numbered: [AddressPoint]
    /// Their numbers, ids and range ends (the number when not a range), apart: searched without touching the
    /// points themselves.
    let numbers: [Int], ids: [Int64], ends: [Int]
    /// The longest range (`152-154` spans 2), bounding the backward search for ranges covering a number.
    private let longestSpan: Int
    /// The localities the numbered points' premises records name.
    let localityIDs: Set<Int64>

    init(_ points: [AddressPoint]) {
        numbered = points.filter { $0.number != nil }.sorted { ($0.number!, $0.id) < ($1.number!, $1.id) }
        numbers = numbered.map { $0.number! }
        ids = numbered.map(\.id)
        ends = numbered.map { $0.numberEnd ?? $0.number! }
        longestSpan = zip(numbers, ends).reduce(0) { max($0, $1.1 - $1.0) }
        localityIDs = Set(numbered.compactMap(\.localityID))
    }

    /// The index of the first point numbered above `number`.
    func firstIndex(above number: Int) -> Int {
        var low = 0, high = numbers.count
        while low < high {
            let mid = (low + high) / 2
            if numbers[mid] <= number { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The points whose number (or range) covers `number`, by id (as `GazetteerStore.addresses` finds them).
    func covering(_ number: Int) -> [AddressPoint] {
        var found: [AddressPoint] = []
        var i = firstIndex(above: number) - 1
        while i >= 0, numbers[i] >= number - longestSpan {
            if ends[i] >= number { found.append(numbered[i]) }
            i -= 1
        }
        return found.count > 1 ? found.sorted { $0.id < $1.id } : found
    }
}

/// The matcher's indexes built from the whole gazetteer, each once: the reach of its streets, where its street
/// lines reach, its stations, its place names by loose key.
final class WholeGazetteerIndexes: Sendable {
    let reach = LookupCache<Int, StreetReach>(capacity: 1)
    let lineCoverage = LookupCache<Int, LineCoverage>(capacity: 1)
    let stationIndex = LookupCache<Int, StationIndex>(capacity: 1)
    let placeKeys = LookupCache<Int, PlaceKeyIndex>(capacity: 1)
}

/// A dictionary shared between threads, emptied when it reaches `capacity` so memory stays bounded.
final class LookupCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private var entries: [Key: Value] = [:]
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// The remembered value, else `make()`'s, remembered. `make` runs outside the lock.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let found = entries[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = made
        lock.unlock()
        return made
    }
}
