import Foundation

/// A reproducible random generator (SplitMix64): the same seed gives the same numbers on every machine.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator of case `index` of a run seeded `seed`: each case can be made again on its own.
    init(seed: UInt64, index: Int) {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What a fuzz run found: how many cases ran, the slowest (in CPU time of its thread), and every case that
/// broke a rule.
package struct FuzzReport: Sendable, CustomStringConvertible {
    /// One case, named by the run's seed and its index (`Fuzzer.locationInput(seed:index:)` makes it again).
    package struct Case: Sendable {
        /// The run's seed.
        package var seed: UInt64
        /// The case's index in the run.
        package var index: Int
        /// CPU seconds the case took.
        package var seconds: Double
        /// The rule it broke (or the input, for the slowest).
        package var message: String
    }

    /// What was fuzzed (`locations`, `csv`).
    package var what: String
    /// Cases run.
    package var cases = 0
    /// CPU seconds all cases took.
    package var seconds = 0.0
    /// The slowest case.
    package var slowest: Case?
    /// Cases that broke a rule (at most `Fuzzer.keptFailures` kept; `failureCount` counts all).
    package var failures: [Case] = []
    /// Cases that broke a rule, all counted.
    package var failureCount = 0

    /// An empty report.
    package init(what: String) { self.what = what }

    mutating func add(_ c: Case, failed: Bool) {
        cases += 1
        seconds += c.seconds
        if slowest.map({ c.seconds > $0.seconds }) ?? true { slowest = c }
        if failed {
            failureCount += 1
            if failures.count < Fuzzer.keptFailures { failures.append(c) }
        }
    }

    /// Adds another report's counts (of the same kind of cases).
    package mutating func merge(_ other: FuzzReport) {
        cases += other.cases
        seconds += other.seconds
        if let s = other.slowest, slowest.map({ s.seconds > $0.seconds }) ?? true { slowest = s }
        failureCount += other.failureCount
        failures += other.failures.prefix(max(0, Fuzzer.keptFailures - failures.count))
    }

    package var description: String {
        var out = "\(what): \(cases) cases in \(Self.format(seconds)) s CPU, failures \(failureCount)"
        if let slowest {
            out += "; slowest \(Self.format(slowest.seconds * 1000)) ms (seed \(slowest.seed), index \(slowest.index): "
                + "\(slowest.message))"
        }
        for f in failures { out += "\n  FAILED seed \(f.seed) index \(f.index): \(f.message)" }
        return out
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Random and mutated inputs, with fixed seeds, through the normaliser and the matcher, and random CSV
/// documents through the reader; records the slowest case and every case breaking a rule. `locus-fuzz` runs
/// it at length; the tests run a short fixed-seed run.
///
/// Rules for a location: every span lies inside the text, the canonical form is within
/// `Normaliser.maximumTextBytes` and reads the same again (whole), and the matcher returns a result (a crash
/// stops the process: `Fuzzer.current` names the case running, for a signal handler to print).
/// Rules for a CSV document: fields written by `CSVWriter` read back the same, on the lines they started on;
/// any bytes read to the end without a crash, and a record read cleanly reads the same once written again.
package struct Fuzzer: Sendable {
    /// The normaliser every location goes through.
    package let normaliser = Normaliser()
    /// When set, every location also goes through the matcher.
    package let matcher: Matcher?

    /// The CPU time of the calling thread: a case's cost without the waits of a shared machine (wall time on
    /// two busy cores counts other processes' turns too).
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Failures kept per report (all are counted).
    static let keptFailures = 20

    /// The case running now (kind 1: location, 2: CSV document), for a crash handler; written before each case.
    nonisolated(unsafe) package static var current: (kind: Int, seed: UInt64, index: Int) = (0, 0, 0)

    /// A fuzzer, also running the matcher when one is given.
    package init(matcher: Matcher?) {
        self.matcher = matcher
    }

    // MARK: Locations

    /// Runs location cases `range` of the run seeded `seed`.
    package func runLocations(seed: UInt64, range: Range<Int>) -> FuzzReport {
        var report = FuzzReport(what: matcher == nil ? "normaliser" : "normaliser and matcher")
        for index in range {
            Self.current = (1, seed, index)
            let input = Self.locationInput(seed: seed, index: index)
            let started = Fuzzer.threadCPUSeconds()
            let problem = check(location: input)
            let seconds = Fuzzer.threadCPUSeconds() - started
            report.add(FuzzReport.Case(seed: seed, index: index, seconds: seconds,
                                       message: (problem.map { $0 + ": " } ?? "") + Self.shown(input)),
                       failed: problem != nil)
        }
        return report
    }

    /// The broken rule, or nil.
    package func check(location input: [UInt8]) -> String? {
        let parse = input.withUnsafeBufferPointer { normaliser.parse(utf8: $0) }
        var spans = parse.qualifiers.map(\.span) + parse.subBuildings.map(\.span) + parse.words.map(\.span)
        spans += [parse.buildingName?.span, parse.premisesName?.span, parse.houseNumber?.span, parse.street?.span,
                  parse.crossStreet?.span, parse.postcode?.span].compactMap { $0 }
        spans += parse.otherStreets.map(\.span) + parse.places.map(\.span) + (parse.unread?.longWords ?? [])
        if let bad = spans.first(where: { $0.lowerBound < 0 || $0.upperBound > input.count }) {
            return "span \(bad) outside \(input.count) bytes"
        }
        if parse.canonical.utf8.count > Normaliser.maximumTextBytes {
            return "canonical form of \(parse.canonical.utf8.count) bytes"
        }
        let again = normaliser.parse(parse.canonical)
        if again.canonical != parse.canonical {
            return "canonical form not idempotent: \(Self.shown(Array(parse.canonical.utf8))) reads as "
                + Self.shown(Array(again.canonical.utf8))
        }
        if again.unread != nil { return "canonical form not read whole" }
        if let matcher {
            let text = String(decoding: input, as: UTF8.self)
            let result = matcher.explain(LocationQuery(text: text)).result
            if (result.easting == nil) != (result.northing == nil) { return "half a coordinate" }
        }
        return nil
    }

    /// Words and marks of London police locations, pieced together at random.
    static let pieces: [String] = [
        "O/S", "OPP", "R/O", "NR", "J/O", "J/W", "JCT", "&", "AND", "AT", "/", " / ", ",", ", ", "(", ")", "-", " - ",
        "12", "12A", "3", "146-150", "12/14", "TO", "FLAT", "UNIT", "GND FLR", "ST", "RD", "AVE", "LN", "HIGH", "THE",
        "BROADWAY", "CR0 1AB", "SE28 OGU", "CRO", "E1", "SW1A", "1AA", "SW1A1AA", "W1", "EC1A 1BB", "LONDON",
        "CROYDON", "WEST EALING", "STN", "STATION", "ELEPHANT", "CASTLE", "ON OR NEAR", "NFA", "UNKNOWN", "é", "’",
        "'", "😀", "Ω", ".", ";", "@", "#", "<>", ">T<", "  ", "\t", "\n", "DR", "SAINT", "GARDEN", "NO", "BETWEEN",
        "JUNCTION", "ROAD", "LANE", "PARK", "HILL", "HOUSE", "SCHOOL", "PH", "0", "99999", "123456", "OUTSIDE",
        "BRADWELLAVENUE", "STMARGARETS", "HOUNSLOW", "RICHMOND UPON THAMES", "ASHBURNHAM", "ASHBURNAM", "N", "SOUTH",
        "TESCO", "MCDONALDS", "BUS STOP", "OXFORD CIRCUS", "KINGS CROSS", "ST PAUL'S", "UPPER", "LOWER",
    ]

    /// Real-looking locations, mutated.
    static let corpus: [String] = [
        "O/S 12A HIGH ST, CROYDON CR0 1AB", "J/O OXFORD ST & REGENT ST", "R/O 63 SOMERSET RD",
        "172 ASHBURNHAM ROAD, HAM", "OPP 53 PERRY HILL SE6 4LF", "NR THE LITTLE DRIVER, 125 BOW ROAD, E3 2AN",
        "FLAT 3, JUDE HOUSE, 4 KING ST", "ELEPHANT AND CASTLE STATION", "BTWN 12 AND 14 LONDON RD",
        "O/S 146-150 GEORGE LANE, SOUTH WOODFORD, E18", "Marble Arch / Edgware Road", "NFA",
        "ADJ 5 LANCELOT PARADE LANCELOT ROAD HA0", "IN MCDONALDS, 45 RYE LANE SE15", "HIGH STREET N",
        "UPPER ST MARTINS LANE", "O/S >T< BUS STOP KINGS CROSS", "Kensington Church St / Holland St",
        "12 - 14 PARK AVE", "GND FLR, UNIT 4, 1 THE BROADWAY, W5", "ST JOHNS WOOD RD NW8", "SW1A 1AA",
    ]

    /// Location case `index` of the run seeded `seed`: pieces, a mutated real location, raw bytes, or (one in
    /// fifty) a long text past the normaliser's bound.
    package static func locationInput(seed: UInt64, index: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: seed, index: index)
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<40: return Array(piecesText(count: Int.random(in: 0...14, using: &rng), &rng).utf8)
        case 40..<80: return mutated(Array(corpus.randomElement(using: &rng)!.utf8), &rng)
        case 80..<98:
            return (0..<Int.random(in: 0...48, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        default:
            var bytes = Array(piecesText(count: Int.random(in: 1...6, using: &rng), &rng).utf8)
            let unit = bytes
            let target = Int.random(in: 300...2_000, using: &rng)
            while bytes.count < target { bytes += unit.isEmpty ? [0x41] : unit }
            return mutated(bytes, &rng)
        }
    }

    static func piecesText(count: Int, _ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<count {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<7: text += pieces.randomElement(using: &rng)!
            case 7..<9: text.unicodeScalars.append(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
            default:
                if let scalar = UnicodeScalar(UInt32.random(in: 0xA0...0x2FFF, using: &rng)) {
                    text.unicodeScalars.append(scalar)
                }
            }
            if Bool.random(using: &rng) { text += " " }
        }
        return text
    }

    /// `bytes` with one to four edits: a byte dropped, inserted or changed, neighbours swapped, a piece or a
    /// stretch of itself inserted, a long run of one byte, lower case.
    static func mutated(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<9, using: &rng) {
            case 0 where !bytes.isEmpty: bytes.remove(at: at)
            case 1: bytes.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: at)
            case 2 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 3 where at + 1 < bytes.count: bytes.swapAt(at, at + 1)
            case 4: bytes.insert(contentsOf: pieces.randomElement(using: &rng)!.utf8, at: at)
            case 5 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...12, using: &rng))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
            case 6:
                let run = [UInt8](repeating: [0x41, 0x20, 0x2C, 0x26, 0x2F, 0x2D, 0x31][Int.random(in: 0..<7, using: &rng)],
                                  count: Int.random(in: 1...80, using: &rng))
                bytes.insert(contentsOf: run, at: at)
            default:
                bytes = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            }
        }
        return bytes
    }

    /// The input as a Swift string literal would show it, cut to 200 bytes.
    static func shown(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
        return bytes.count > 200 ? text + "… (\(bytes.count) bytes)" : text
    }
}

/// Writing a CSV document into a pipe and reading it back with `CSVReader`.
extension Fuzzer {
    /// Runs CSV cases `range` of the run seeded `seed`.
    package func runCSV(seed: UInt64, range: Range<Int>) -> FuzzReport {
        var report = FuzzReport(what: "CSV reader")
        for index in range {
            Self.current = (2, seed, index)
            let (document, expected) = Self.csvInput(seed: seed, index: index)
            let started = Fuzzer.threadCPUSeconds()
            let problem = Self.check(csv: document, expected: expected)
            let seconds = Fuzzer.threadCPUSeconds() - started
            report.add(FuzzReport.Case(seed: seed, index: index, seconds: seconds,
                                       message: (problem.map { $0 + ": " } ?? "") + "\(document.count) bytes "
                                        + Self.shown(document)),
                       failed: problem != nil)
        }
        return report
    }

    /// CSV case `index` of the run seeded `seed`: a document written from random records (returned with it,
    /// with the line each starts on), or random CSV-ish bytes (nil).
    package static func csvInput(seed: UInt64, index: Int) -> (document: [UInt8], expected: [(fields: [String], line: Int)]?) {
        var rng = SeededGenerator(seed: seed, index: index)
        let alphabet: [String] = ["a", "b", "Z", " ", ",", "\"", "\n", "\r", "\r\n", ";", "\t", "é", "😀", "O/S", "12"]
        if Bool.random(using: &rng) {
            // Bytes with every character the reader treats specially, and broken UTF-8.
            let special: [UInt8] = [0x61, 0x62, 0x2C, 0x22, 0x22, 0x0A, 0x0D, 0x20, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x00, 0xFF]
            let count = Int.random(in: 0...(Int.random(in: 0..<10, using: &rng) == 0 ? 5_000 : 120), using: &rng)
            return ((0..<count).map { _ in special.randomElement(using: &rng)! }, nil)
        }
        var document: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
        var expected: [(fields: [String], line: Int)] = []
        let crlf = Bool.random(using: &rng)
        var line = 1
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            var fields: [String] = []
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let long = Int.random(in: 0..<40, using: &rng) == 0
                let length = Int.random(in: 0...(long ? 3_000 : 12), using: &rng)
                fields.append((0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined())
            }
            expected.append((fields, line))
            var record: [UInt8] = []
            CSVWriter.encode(fields, into: &record)
            if crlf { record.insert(0x0D, at: record.count - 1) }
            line += record.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            document += record
        }
        // Without the last line end, unless the last record is one empty field (then there is nothing to read).
        if let last = expected.last, last.fields != [""], Bool.random(using: &rng) {
            document.removeLast(crlf ? 2 : 1)
        }
        return (document, expected)
    }

    /// The broken rule, or nil.
    static func check(csv document: [UInt8], expected: [(fields: [String], line: Int)]?) -> String? {
        let read: [CSVRecord]
        do {
            read = try readAll(document)
        } catch {
            return expected == nil ? nil : "written records do not read: \(error)"
        }
        if let expected {
            guard read.count == expected.count else { return "\(read.count) records read, \(expected.count) written" }
            for (r, e) in zip(read, expected) {
                if r.fields != e.fields { return "record on line \(e.line) reads as \(r.fields.debugDescription)" }
                if r.line != e.line { return "record on line \(e.line) said to be on line \(r.line)" }
                if r.fault != nil { return "record on line \(e.line) read with fault \(r.fault!)" }
            }
            return nil
        }
        if zip(read, read.dropFirst()).contains(where: { $0.line > $1.line }) { return "lines out of order" }
        // A record read without a fault, written again, reads the same.
        let clean = read.filter { $0.fault == nil }.map(\.fields)
        var again: [UInt8] = []
        for fields in clean { CSVWriter.encode(fields, into: &again) }
        guard let reread = try? readAll(again) else { return "clean records written again do not read" }
        if reread.map(\.fields) != clean { return "clean records written again read differently" }
        return nil
    }

    /// Every record of `document`, read through a pipe in 1 KB reads (so records cross buffer refills).
    static func readAll(_ document: [UInt8]) throws -> [CSVRecord] {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw InputError.readFailed(name: "pipe", reason: "no pipe") }
        defer { close(ends[0]) }
        // Written from another thread when larger than a pipe holds.
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer: Thread? = document.count <= 16_384 ? nil : Thread { Self.writeAll(document, to: writeEnd) }
        if let writer { writer.start() } else { writeAll(document, to: writeEnd) }
        let reader = CSVReader(source: ByteSource(fileDescriptor: readEnd, name: "pipe", chunkSize: 1024))
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            // Drain so a writer thread is never left blocked.
            var sink = [UInt8](repeating: 0, count: 4096)
            while read(readEnd, &sink, sink.count) > 0 {}
            throw error
        }
        return records
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        close(fd)
    }
}
