/// London's central postcode districts are split into lettered sub-districts (`W1A` … `W1W`, `WC2A` … `WC2N`,
/// `EC1A` … `EC1Y`, `SW1A` … `SW1Y`), yet people write the district without its letter: `OXFORD ST W1`. As
/// written, `W1` names all of them (about 2 km across), not the one terminated unit whose district is literally
/// `W1` (`W1 3PF`, 1997), nor nothing at all (`EC1`).
enum PostcodeDistricts {
    /// `districts` with each district that has lettered sub-districts (`W1` for `W1A`, `W1B`…) replaced by, or
    /// added as, the union of itself (when it exists) and those sub-districts: extent, unit counts, and a
    /// centroid weighted by units. Its `parts` list every code it covers. A district without sub-districts is
    /// unchanged.
    static func withSubDistricts(_ districts: [String: PostcodeArea]) -> [String: PostcodeArea] {
        var lettered: [String: [PostcodeArea]] = [:]
        for (code, area) in districts {
            guard let last = code.unicodeScalars.last, last.properties.isAlphabetic,
                  code.unicodeScalars.count >= 3,
                  let beforeLast = code.unicodeScalars.dropLast().last, ("0"..."9").contains(beforeLast) else { continue }
            lettered[String(code.dropLast()), default: []].append(area)
        }
        var out = districts
        for (code, subDistricts) in lettered {
            let members = (districts[code].map { [$0] } ?? []) + subDistricts.sorted { $0.code < $1.code }
            out[code] = union(code: code, of: members)
        }
        return out
    }

    /// One area covering `members`.
    static func union(code: String, of members: [PostcodeArea]) -> PostcodeArea {
        var area = members[0]
        area.code = code
        let weight = { (a: PostcodeArea) in Double(max(a.units, 1)) }
        let total = members.reduce(0) { $0 + weight($1) }
        area.x = members.reduce(0) { $0 + $1.x * weight($1) } / total
        area.y = members.reduce(0) { $0 + $1.y * weight($1) } / total
        area.minX = members.map(\.minX).min()!; area.minY = members.map(\.minY).min()!
        area.maxX = members.map(\.maxX).max()!; area.maxY = members.map(\.maxY).max()!
        area.units = members.reduce(0) { $0 + $1.units }
        area.liveUnits = members.reduce(0) { $0 + $1.liveUnits }
        // One borough only when every member is in it.
        area.boroughID = Set(members.map(\.boroughID)).count == 1 ? members[0].boroughID : nil
        area.parts = members.map(\.code)
        return area
    }
}
