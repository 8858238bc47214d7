import Foundation
import Testing
@testable import Locus

/// Grid references with their WGS84 positions through OSTN15 (`locus reproject --decimals 9` with the pack's
/// grid; the Helmert's, 1-2 m away, were used before the grid was on PROJ's path), rounded to 6 places.
private let places: [(grid: String, lat: String, lon: String)] = [
    ("530000 180000", "51.503992", "-0.128329"),
    ("531234 181234", "51.514797", "-0.110100"),
    ("525500 175250", "51.462319", "-0.194817"),
    ("540001 190001", "51.591472", "0.019650"),
    ("510999 169999", "51.418149", "-0.405111"),
]

/// `count` rows `id,address`: every sixth row unmatched, the others cycling through `places`.
private func numberedInput(_ count: Int) -> (input: String, expected: String) {
    var input = "id,address\n", expected = "id,address,\(addedHeader)\n"
    input.reserveCapacity(count * 24)
    expected.reserveCapacity(count * 140)
    for i in 0..<count {
        if i % 6 == 5 {
            input += "\(i),NO GRID \(i)\n"
            expected += "\(i),NO GRID \(i),,,,,none,0.0,,NO GRID \(i)|-|-,,,,,test.no_grid_reference\n"
        } else {
            let place = places[i % 6]
            let parts = place.grid.split(separator: " ")
            input += "\(i),\(place.grid)\n"
            expected += "\(i),\(place.grid),\(place.lat),\(place.lon),\(parts[0]).0,\(parts[1]).0,street,87.3,50,"
                + "\(place.grid)|-|-,,Westminster,,E01004736,street.spelling\n"
        }
    }
    return (input, expected)
}

@Suite struct BatchPipelineTests {
    @Test func hundredThousandRowsExactly() throws {
        let (input, expected) = numberedInput(100_000)
        let run = try runBatch(input, options: batchOptions { $0.threads = 2 })
        #expect(run.output.count == expected.count)
        #expect(run.output == expected)
        #expect(run.summary.rows == 100_000)
        #expect(run.summary.rowsByMatchType["none"] == 100_000 / 6)
    }

    @Test(arguments: [OutputFormat.csv, .jsonl, .geojson])
    func outputIsByteIdenticalWhateverTheThreadCount(format: OutputFormat) throws {
        let (input, _) = numberedInput(5_000)
        var outputs: [String] = []
        for threads in [1, 2, 4] {
            let options = batchOptions {
                $0.threads = threads
                $0.chunkRows = 37
                $0.format = format
                $0.targetCRS = "EPSG:3857"
            }
            let run = try runBatch(input, options: options, withUnmatched: true,
                                   geocoder: GridReferenceGeocoder(jitterMicroseconds: 20))
            outputs.append(run.output + "\u{0}" + run.unmatched!)
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }

    @Test func rowsComeOutInInputOrderWithJitteredWorkers() throws {
        let (input, expected) = numberedInput(3_000)
        let run = try runBatch(input, options: batchOptions { $0.threads = 4; $0.chunkRows = 5 },
                               geocoder: GridReferenceGeocoder(jitterMicroseconds: 50))
        #expect(run.output == expected)
    }

    @Test func chunksInFlightNeverExceedTheBound() throws {
        let (input, _) = numberedInput(4_000)
        let options = batchOptions {
            $0.threads = 4
            $0.chunkRows = 10
            $0.maxChunksInFlight = 3
        }
        let run = try runBatch(input, options: options, geocoder: GridReferenceGeocoder(jitterMicroseconds: 20))
        #expect(run.summary.peakChunksInFlight >= 1 && run.summary.peakChunksInFlight <= 3)
    }

    @Test func pipelineBoundsTheProducerAheadOfASlowConsumer() throws {
        let pipeline = OrderedPipeline<Int, Int>(threads: 3, maxInFlight: 4)
        let produced = Counter()
        var consumed: [Int] = []
        var worstLead = 0
        try pipeline.run(
            produce: { emit in
                for i in 0..<200 {
                    guard emit(i) else { return }
                    produced.increment()
                }
            },
            makeTransform: { { $0 * 2 } },
            consume: { value, _ in
                usleep(200)
                consumed.append(value)
                worstLead = max(worstLead, produced.value - consumed.count)
            })
        #expect(consumed == (0..<200).map { $0 * 2 })
        #expect(worstLead <= 4)
        #expect(pipeline.peakInFlight == 4)
    }

    /// Memory is bounded by what is in flight: the pipeline keeps no reference to an input once a worker has
    /// taken it (a chunk of rows must be freed when its transform ends, not hundreds of chunks later).
    @Test func inputsAreReleasedOnceTransformed() throws {
        final class Tracked: @unchecked Sendable {
            let live: Counter, freed: Counter
            init(live: Counter, freed: Counter) { self.live = live; self.freed = freed; live.increment() }
            deinit { freed.increment() }
        }
        let live = Counter(), freed = Counter()
        let pipeline = OrderedPipeline<Tracked, Int>(threads: 2, maxInFlight: 4)
        var worstAlive = 0
        try pipeline.run(
            produce: { emit in
                for _ in 0..<500 { guard emit(Tracked(live: live, freed: freed)) else { return } }
            },
            makeTransform: { { _ in 1 } },
            consume: { _, _ in worstAlive = max(worstAlive, live.value - freed.value) })
        #expect(freed.value == 500)
        // In flight (4), plus one being made by the producer and one per worker.
        #expect(worstAlive <= 4 + 1 + 2)
    }

    @Test func anErrorInAnyStageStopsEveryStage() {
        struct Boom: Error {}
        for failing in ["produce", "transform", "consume"] {
            let pipeline = OrderedPipeline<Int, Int>(threads: 2, maxInFlight: 4)
            let error = thrownError {
                try pipeline.run(
                    produce: { emit in
                        for i in 0..<1_000_000 {
                            if failing == "produce" && i == 50 { throw Boom() }
                            guard emit(i) else { return }
                        }
                    },
                    makeTransform: {
                        { value in
                            if failing == "transform" && value == 70 { throw Boom() }
                            return value
                        }
                    },
                    consume: { value, _ in if failing == "consume" && value == 90 { throw Boom() } })
            }
            #expect(error is Boom, "\(failing)")
        }
    }

    @Test func theFirstRowsOfAnOpenPipeComeOutBeforeItEnds() throws {
        var inputPipe: [Int32] = [0, 0], outputPipe: [Int32] = [0, 0]
        #expect(pipe(&inputPipe) == 0 && pipe(&outputPipe) == 0)
        _ = "address\n530000 180000\n".withCString { write(inputPipe[1], $0, strlen($0)) }
        let source = ByteSource(fileDescriptor: inputPipe[0], name: "stdin")
        let sink = ByteSink(fileDescriptor: outputPipe[1], name: "stdout")
        let done = DispatchSemaphore(value: 0)
        let projection = try CoordinateProjection.proj(targetCRS: nil)
        let box = UncheckedBox((source, sink))
        Thread {
            _ = try? BatchGeocoder(options: batchOptions { $0.threads = 2 }, projection: projection)
                .run(input: box.value.0, output: box.value.1, geocoder: GridReferenceGeocoder())
            done.signal()
        }.start()
        // The header and the one row arrive while the input is still open.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.filter({ $0 == 0x0A }).count < 2 {
            var descriptor = pollfd(fd: outputPipe[0], events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 10_000) > 0 else { break }
            let n = read(outputPipe[0], &buffer, buffer.count)
            guard n > 0 else { break }
            received += buffer[0..<n]
        }
        #expect(String(decoding: received, as: UTF8.self)
            == "address,\(addedHeader)\n530000 180000,\(matchedColumns("530000 180000|-|-"))\n")
        close(inputPipe[1])
        #expect(done.wait(timeout: .now() + 10) == .success)
        close(inputPipe[0])
        close(outputPipe[0])
        close(outputPipe[1])
    }

    @Test func aClosedOutputPipeEndsTheRunEvenWhileTheInputPipeIsSilent() throws {
        ignoreSIGPIPE()
        var inputPipe: [Int32] = [0, 0], outputPipe: [Int32] = [0, 0]
        #expect(pipe(&inputPipe) == 0 && pipe(&outputPipe) == 0)
        _ = "address\n530000 180000\n".withCString { write(inputPipe[1], $0, strlen($0)) }
        close(outputPipe[0])
        let started = Date()
        let error = thrownError {
            _ = try BatchGeocoder(options: batchOptions { $0.threads = 2 }, projection: .proj(targetCRS: nil)).run(
                input: ByteSource(fileDescriptor: inputPipe[0], name: "stdin"),
                output: ByteSink(fileDescriptor: outputPipe[1], name: "stdout"), geocoder: GridReferenceGeocoder())
        }
        #expect(error as? OutputError == .brokenPipe)
        #expect(Date().timeIntervalSince(started) < 5)
        // Lets the reading thread, still waiting on the silent pipe, finish.
        close(inputPipe[1])
        close(outputPipe[1])
    }

    @Test func aClosedOutputPipeStopsTheRunAsBrokenPipe() throws {
        ignoreSIGPIPE()
        let (input, _) = numberedInput(200_000)
        let inputPath = temporaryPath()
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        var outputPipe: [Int32] = [0, 0]
        #expect(pipe(&outputPipe) == 0)
        let sink = ByteSink(fileDescriptor: outputPipe[1], name: "stdout")
        // Like `| head -c 100`: read a little, then close the reading end.
        let readEnd = outputPipe[0]
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 100)
            _ = read(readEnd, &buffer, 100)
            close(readEnd)
        }
        reader.start()
        let started = Date()
        let error = thrownError {
            _ = try BatchGeocoder(options: batchOptions { $0.threads = 2 }, projection: .proj(targetCRS: nil))
                .run(input: ByteSource(path: inputPath), output: sink, geocoder: GridReferenceGeocoder())
        }
        close(outputPipe[1])
        #expect(error as? OutputError == .brokenPipe)
        #expect(BatchOutcome(failure: error!) == .outputClosed)
        #expect(Date().timeIntervalSince(started) < 5)
    }
}

/// What a program using the library does to see a closed pipe as `OutputError.brokenPipe` (as `locus` does at
/// start): the library leaves the process's signals alone.
func ignoreSIGPIPE() {
    signal(SIGPIPE, SIG_IGN)
}

/// A thread-safe counter for tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// Hands a non-Sendable value to another thread in a test where only that thread uses it.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
