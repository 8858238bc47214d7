// `locus-fuzz`: random and mutated locations through the normaliser and the matcher, random CSV documents
// through the reader, with fixed seeds; prints progress, the slowest case and every failure. A crash prints the
// seed and index of the case running (`--show` makes it again).
//
//   locus-fuzz [--locations N] [--csv N] [--seed S] [--from F] [--gazetteer G | --no-matcher] [--threads T]
//   locus-fuzz --show location|csv --seed S --index I
import Foundation
import Locus

struct Options {
    var locations = 1_000_000
    var csv = 100_000
    var seed: UInt64 = 15
    var gazetteer: String? = ProcessInfo.processInfo.environment["LOCUS_GAZETTEER"]
    var matcher = true
    var threads = 1
    /// The first case index run (cases `from..<from + N`): shards of one seed run disjoint ranges.
    var from = 0
    var show: String?
    var index = 0
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    func value(_ name: String) -> String {
        guard let v = arguments.next() else { fail("\(name) needs a value") }
        return v
    }
    func number(_ name: String) -> Int {
        guard let n = Int(value(name).replacingOccurrences(of: "_", with: "")), n >= 0 else {
            fail("\(name) needs a whole number")
        }
        return n
    }
    while let argument = arguments.next() {
        switch argument {
        case "--locations": options.locations = number(argument)
        case "--csv": options.csv = number(argument)
        case "--seed": options.seed = UInt64(number(argument))
        case "--gazetteer": options.gazetteer = value(argument)
        case "--no-matcher": options.matcher = false
        case "--threads": options.threads = max(1, number(argument))
        case "--from": options.from = number(argument)
        case "--show": options.show = value(argument)
        case "--index": options.index = number(argument)
        case "-h", "--help":
            print("""
                usage: locus-fuzz [--locations N] [--csv N] [--seed S] [--from F] [--gazetteer G | --no-matcher]
                                  [--threads T]
                       locus-fuzz --show location|csv --seed S --index I
                """)
            exit(0)
        default: fail("unknown argument \(argument)")
        }
    }
    return options
}

/// Prints a line at once (standard output is not buffered here, so progress shows in a log as it happens).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("locus-fuzz: \(message)\n".utf8))
    exit(64)
}

/// Prints the case running when the process is killed by a trap or fault, then dies of the same signal.
/// Only `write` is called, on a buffer allocated beforehand.
nonisolated(unsafe) let crashBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)

func installCrashReport() {
    for signalNumber in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
        signal(signalNumber) { received in
            let (kind, seed, index) = Fuzzer.current
            var length = 0
            func put(_ text: StaticString) {
                text.withUTF8Buffer { for b in $0 { crashBuffer[length] = b; length += 1 } }
            }
            func put(_ value: UInt64) {
                var digits: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
                var v = value, count = 0
                repeat { digits[count] = UInt8(48 + v % 10); v /= 10; count += 1 } while v > 0
                while count > 0 { count -= 1; crashBuffer[length] = digits[count]; length += 1 }
            }
            put("\nlocus-fuzz: CRASH in ")
            put(kind == 2 ? "csv" : "location")
            put(" case, --seed ")
            put(seed)
            put(" --index ")
            put(UInt64(index))
            put("\n")
            _ = write(2, crashBuffer, length)
            signal(received, SIG_DFL)
            raise(received)
        }
    }
}

let options = parseOptions()

if let show = options.show {
    if show == "csv" {
        let (document, expected) = Fuzzer.csvInput(seed: options.seed, index: options.index)
        print(String(decoding: document, as: UTF8.self).debugDescription)
        if let expected { print("written records: \(expected.map(\.fields))") }
    } else {
        print(String(decoding: Fuzzer.locationInput(seed: options.seed, index: options.index), as: UTF8.self)
            .debugDescription)
    }
    exit(0)
}

var matcher: Matcher?
if options.matcher {
    let candidates = [options.gazetteer, "gazetteer/london.sqlite", "/work/gaz/london.sqlite"].compactMap { $0 }
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
        fail("no gazetteer: give --gazetteer G (or --no-matcher)")
    }
    do {
        matcher = Matcher(store: try GazetteerStore(path: URL(fileURLWithPath: path)))
        say("gazetteer \(path)")
    } catch {
        fail("cannot open the gazetteer \(path): \(error)")
    }
}
installCrashReport()
let fuzzer = Fuzzer(matcher: matcher)
say("seed \(options.seed), cases from \(options.from), \(options.locations) locations, \(options.csv) CSV documents, "
    + "\(options.threads) threads")

/// Runs `total` cases in blocks, on `threads` threads, printing after each round of blocks.
func runBlocks(_ total: Int, _ what: String, _ body: @escaping @Sendable (Range<Int>) -> FuzzReport) -> FuzzReport {
    let block = 10_000
    var report = FuzzReport(what: what)
    let started = Date()
    var start = options.from
    let end = options.from + total
    while start < end {
        let ranges = (0..<options.threads).map { t in
            min(end, start + t * block)..<min(end, start + (t + 1) * block)
        }.filter { !$0.isEmpty }
        let reports = LockedReports()
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in reports.put(i, body(ranges[i])) }
        for r in reports.sorted() { report.merge(r) }
        start = ranges.last!.upperBound
        let slowest = report.slowest.map { FuzzReportFormat.ms($0.seconds) } ?? "-"
        say("  \(what): \(report.cases) cases, \(Int(Date().timeIntervalSince(started))) s, slowest \(slowest) ms CPU, "
            + "failures \(report.failureCount)")
    }
    return report
}

final class LockedReports: @unchecked Sendable {
    private var reports: [Int: FuzzReport] = [:]
    private let lock = NSLock()
    func put(_ i: Int, _ r: FuzzReport) { lock.lock(); reports[i] = r; lock.unlock() }
    func sorted() -> [FuzzReport] { reports.keys.sorted().map { reports[$0]! } }
}

enum FuzzReportFormat {
    static func ms(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1000) }
}

let seed = options.seed
let locations = runBlocks(options.locations, "locations") { fuzzer.runLocations(seed: seed, range: $0) }
let documents = runBlocks(options.csv, "csv") { fuzzer.runCSV(seed: seed, range: $0) }
say("\(locations)")
say("\(documents)")
exit(locations.failureCount + documents.failureCount == 0 ? 0 : 1)
