import Foundation

/// The gazetteer lookups the matcher makes, each remembered once read: crime records name the same streets,
/// postcodes and words over and over, and a gazetteer read costs far more than a dictionary hit. Shared by all
/// threads of one matcher; a failed read counts as "nothing found".
final class MatchLookups: Sendable {
    let store: GazetteerStore
    private let postcodes = LookupCache<String, PostcodeUnit?>()
    private let nearUnit = LookupCache<Int64, [Int64: Double]>()
    private let inArea = LookupCache<String, Set<Int64>>()
    private let localityNames = LookupCache<String, [GazetteerLocality]>()
    private let streetNames = LookupCache<String, [GazetteerStreet]>()
    private let streetByID = LookupCache<Int64, GazetteerStreet?>()
    private let frequencies = LookupCache<String, Int>()
    private let postings = LookupCache<String, [Int64]>()
    private let typos = LookupCache<String, [(token: String, distance: Int)]>()
    private let addressesOnStreet = LookupCache<Int64, [AddressPoint]>()
    private let pointsOnStreet = LookupCache<Int64, [StreetPoint]>()
    private let junctionsOfStreet = LookupCache<Int64, [GazetteerJunction]>()
    private let landmarkNames = LookupCache<String, [GazetteerLandmark]>()
    private let boroughNearStreet = LookupCache<Int64, Int64?>()

    init(store: GazetteerStore) { self.store = store }

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

    func localities(named name: String) -> [GazetteerLocality] {
        localityNames.value(name) { (try? store.localities(named: name)) ?? [] }
    }

    func streets(named name: String) -> [GazetteerStreet] {
        streetNames.value(name) { (try? store.streets(named: name)) ?? [] }
    }

    func street(id: Int64) -> GazetteerStreet? {
        streetByID.value(id) { (try? store.street(id: id)) ?? nil }
    }

    /// How many streets contain the word.
    func streetFrequency(_ token: String) -> Int {
        frequencies.value(token) { (try? store.documentFrequency(token: token, kind: .street)) ?? 0 }
    }

    /// The streets containing the word.
    func streetPostings(_ token: String) -> [Int64] {
        postings.value(token) { (try? store.entities(token: token, kind: .street)) ?? [] }
    }

    func typoCandidates(_ word: String) -> [(token: String, distance: Int)] {
        typos.value(word) { (try? store.typoCandidates(word)) ?? [] }
    }

    /// Every address point on a street, by number.
    func addresses(streetID: Int64) -> [AddressPoint] {
        addressesOnStreet.value(streetID) { (try? store.addresses(streetID: streetID)) ?? [] }
    }

    /// The address points whose number (or range) covers `number`, as `GazetteerStore.addresses` finds them.
    func addresses(streetID: Int64, number: Int) -> [AddressPoint] {
        addresses(streetID: streetID).filter { a in
            guard let first = a.number else { return false }
            return first <= number && (a.numberEnd ?? first) >= number
        }.sorted { $0.id < $1.id }
    }

    func points(streetID: Int64) -> [StreetPoint] {
        pointsOnStreet.value(streetID) { (try? store.points(streetID: streetID)) ?? [] }
    }

    func junctions(streetID: Int64) -> [GazetteerJunction] {
        junctionsOfStreet.value(streetID) { (try? store.junctions(streetID: streetID)) ?? [] }
    }

    func landmarks(named name: String) -> [GazetteerLandmark] {
        landmarkNames.value(name) { (try? store.landmarks(named: name)) ?? [] }
    }

    /// The borough of the postcode nearest a street's centroid within `reach` metres.
    func boroughNear(_ street: GazetteerStreet, reach: Double) -> Int64? {
        boroughNearStreet.value(street.id) {
            ((try? store.nearestPostcode(x: street.x, y: street.y, within: reach)) ?? nil)?.boroughID
        }
    }
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
