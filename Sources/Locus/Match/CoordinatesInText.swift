import Foundation

/// Coordinates written as the whole text: an OS grid reference (`TQ 3003 8001`, `TQ30038001`), a British
/// National Grid easting and northing (`530030 180010`, `E 530030 N 180010`), or WGS 84 degrees
/// (`51.5074, -0.1278`, either order). The point itself is the answer (`match_type` `coordinates`), once it
/// is checked to lie in London (within `CoordinatesInText.londonReach` of a London postcode unit).
enum CoordinatesInText {
    /// A point read from a text: BNG metres, or longitude/latitude still to be projected.
    enum Reading: Equatable {
        case grid(x: Double, y: Double, precision: Double, written: String)
        case degrees(longitude: Double, latitude: Double, precision: Double)
    }

    /// A point farther than this from every London postcode unit is not in London (metres).
    static let londonReach = 1000.0

    /// The coordinates the whole of `text` is, if it is nothing else.
    static func read(_ text: String) -> Reading? {
        guard mayBeCoordinates(text) else { return nil }
        let upper = text.uppercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !upper.isEmpty, upper.count <= 60 else { return nil }
        if let g = gridReference(upper) { return g }
        let numbers = upper.split(whereSeparator: { " ,;/".contains($0) }).map(String.init)
            .filter { $0 != "E" && $0 != "N" }
        let cleaned = numbers.map { $0.hasPrefix("E") || $0.hasPrefix("N") ? String($0.dropFirst()) : $0 }
        guard cleaned.count == 2, let a = Double(cleaned[0]), let b = Double(cleaned[1]) else { return nil }
        // Easting and northing in metres: six digits each, in the BNG range around London.
        if (400_000...700_000).contains(a), (100_000...300_000).contains(b), !cleaned[0].contains("-") {
            return .grid(x: a, y: b, precision: 1, written: "\(cleaned[0]) \(cleaned[1])")
        }
        // Degrees: latitude about 51.3–51.7, longitude about −0.6–0.4, in either order; at least 3 decimals.
        let decimals = cleaned.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.min() ?? 0
        guard decimals >= 3 else { return nil }
        let precision = max(1, 111_000 / pow(10, Double(decimals)))
        if (49...61).contains(a), (-9...3).contains(b) { return .degrees(longitude: b, latitude: a, precision: precision) }
        if (49...61).contains(b), (-9...3).contains(a) { return .degrees(longitude: a, latitude: b, precision: precision) }
        return nil
    }

    /// False when `text` cannot be coordinates, from one pass over its bytes (most texts are words): more
    /// ASCII letters than two numbers can carry (a grid square's two, or `E`/`N` and an exponent on each of two
    /// numbers and two lone `E` and `N`), or fewer than two ASCII digits.
    static func mayBeCoordinates(_ text: String) -> Bool {
        var letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                letters += 1
                if letters > 6 { return false }
            default: break
            }
        }
        return digits >= 2
    }

    /// `TQ 3003 8001`, `TQ30038001`, `TQ 30038 80010`: two letters, then an even number of digits (2–10).
    static func gridReference(_ text: String) -> Reading? {
        let compact = text.filter { !$0.isWhitespace }
        guard compact.count >= 4, let first = compact.first, let second = compact.dropFirst().first,
              first.isLetter, second.isLetter else { return nil }
        let digits = compact.dropFirst(2)
        // ASCII digits only: `Character.isNumber` holds for other scripts' digits (`४`), which `Double` rejects.
        guard digits.allSatisfy({ $0.isASCII && $0.isWholeNumber }), digits.count % 2 == 0,
              (2...10).contains(digits.count), let square = square(first, second) else { return nil }
        // Written in two groups, they must be of equal length (`TQ 3003 8001`).
        let groups = text.split(separator: " ").dropFirst()
        if groups.count == 2, groups.first!.count != groups.last!.count { return nil }
        let n = digits.count / 2
        let unit = pow(10, Double(5 - n))
        guard let east = Double(String(digits.prefix(n))), let north = Double(String(digits.suffix(n))) else { return nil }
        let e = east * unit, nOffset = north * unit
        // The reference names a square: its centre, with its half-diagonal as the radius.
        let x = square.x + e + unit / 2, y = square.y + nOffset + unit / 2
        return .grid(x: x, y: y, precision: max(1, unit * 0.71),
                     written: "\(first)\(second) \(digits.prefix(n)) \(digits.suffix(n))")
    }

    /// The south-west corner of a 100 km square (`TQ` → 500000, 100000).
    static func square(_ a: Character, _ b: Character) -> (x: Double, y: Double)? {
        func index(_ c: Character) -> Int? {
            guard let v = c.asciiValue, v >= 65, v <= 90, c != "I" else { return nil }
            let i = Int(v) - 65
            return i > 8 ? i - 1 : i
        }
        guard let l1 = index(a), let l2 = index(b) else { return nil }
        let e = ((l1 - 2) % 5) * 5 + (l2 % 5)
        let n = (19 - (l1 / 5) * 5) - (l2 / 5)
        guard e >= 0, n >= 0, e < 7, n < 13 else { return nil }
        return (Double(e) * 100_000, Double(n) * 100_000)
    }
}

extension Matcher {
    /// The result for a text that is coordinates, or nil when it is not (`CoordinatesInText`).
    func coordinateResult(_ text: String) -> GeocodeResult? {
        guard let reading = CoordinatesInText.read(text) else { return nil }
        var point: (x: Double, y: Double, precision: Double, matched: String)
        switch reading {
        case let .grid(x, y, precision, written):
            point = (x, y, precision, written)
        case let .degrees(longitude, latitude, precision):
            guard let projector = try? ProjectionSpec.wgs84ToBNG.makeProjector(),
                  case let out = projector.transform(x: longitude, y: latitude), out.status == .ok else {
                return .unmatched([Fault(Scoring.coordinatesOutsideLondon)])
            }
            point = ((out.x * 10).rounded() / 10, (out.y * 10).rounded() / 10, precision,
                     String(format: "%.6f, %.6f", latitude, longitude))
        }
        guard let unit = try? store.nearestPostcode(x: point.x, y: point.y, within: CoordinatesInText.londonReach),
              let borough = unit.boroughID else {
            return .unmatched([Fault(Scoring.coordinatesOutsideLondon)])
        }
        return GeocodeResult(
            easting: point.x, northing: point.y, level: .coordinates, score: 100, precisionMeters: point.precision.rounded(),
            matched: point.matched, borough: store.borough(id: borough)?.shortName, faults: [])
    }
}
