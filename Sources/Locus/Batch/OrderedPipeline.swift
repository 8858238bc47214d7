import Foundation

/// Runs `produce → transform (in parallel) → consume (in order)` with a bounded number of items in flight.
///
/// One thread produces items, `threads` worker threads transform them, and the calling thread consumes
/// the results strictly in the order they were produced. At most `maxInFlight` items exist between being
/// produced and consumed, so memory does not grow with the input. The first error (from any stage) stops
/// every stage; it is thrown after all threads have finished.
final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    let threads: Int
    let maxInFlight: Int

    private let condition = NSCondition()
    // Guarded by `condition`:
    private var queue: [(sequence: Int, input: Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var produced = 0
    private var producerDone = false
    private var inFlight = 0
    private var failure: (any Error)?
    private var runningWorkers = 0
    /// The largest number of items in flight seen during the run.
    private(set) var peakInFlight = 0

    init(threads: Int, maxInFlight: Int) {
        self.threads = max(1, threads)
        self.maxInFlight = max(1, maxInFlight)
    }

    /// Runs the pipeline to the end.
    /// - Parameters:
    ///   - produce: called once on the producer thread; hands items to `emit`, which blocks while the
    ///     pipeline is full and returns false when the run is stopping (then `produce` should return).
    ///   - makeTransform: called once on each worker thread to make that thread's transform.
    ///   - consume: called on the calling thread with each result in production order; `more` tells whether
    ///     the next result is already waiting (so buffered output can wait to be flushed).
    func run(
        produce: @escaping @Sendable (_ emit: (Input) -> Bool) throws -> Void,
        makeTransform: @escaping @Sendable () throws -> (Input) throws -> Output,
        consume: (_ output: Output, _ more: Bool) throws -> Void
    ) throws {
        start(isWorker: false) { [self] in
            do {
                try produce { input in self.emit(input) }
            } catch {
                fail(error)
            }
            condition.withLock {
                producerDone = true
                condition.broadcast()
            }
        }
        for _ in 0..<threads {
            start(isWorker: true) { [self] in
                do {
                    let transform = try makeTransform()
                    while let (sequence, input) = nextInput() {
                        let output = try transform(input)
                        condition.withLock {
                            results[sequence] = output
                            condition.broadcast()
                        }
                    }
                } catch {
                    fail(error)
                }
            }
        }
        var next = 0
        while true {
            let item: (Output, Bool)? = condition.withLock {
                while failure == nil && results[next] == nil && !(producerDone && next == produced) {
                    condition.wait()
                }
                guard failure == nil, let output = results.removeValue(forKey: next) else { return nil }
                return (output, results[next + 1] != nil)
            }
            guard let (output, more) = item else { break }
            do {
                try consume(output, more)
            } catch {
                fail(error)
                break
            }
            condition.withLock {
                next += 1
                inFlight -= 1
                condition.broadcast()
            }
        }
        // The workers end at once; the producer is not waited for, as it may be blocked reading a pipe that
        // stays silent (`tail -f … | locus geocode | head`). It stops at its next `emit`.
        condition.withLock {
            while runningWorkers > 0 { condition.wait() }
        }
        if let failure { throw failure }
    }

    /// True once the run is stopping (an error, or a closed output): a long transform may check it now and
    /// then and return early, as its output will not be consumed.
    var isStopping: Bool { condition.withLock { failure != nil } }

    /// Stops every stage; the first error wins.
    func fail(_ error: any Error) {
        condition.withLock {
            if failure == nil { failure = error }
            condition.broadcast()
        }
    }

    private func start(isWorker: Bool, _ body: @escaping @Sendable () -> Void) {
        if isWorker { condition.withLock { runningWorkers += 1 } }
        let thread = Thread { [self] in
            body()
            if isWorker {
                condition.withLock {
                    runningWorkers -= 1
                    condition.broadcast()
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func emit(_ input: Input) -> Bool {
        condition.withLock {
            while failure == nil && inFlight >= maxInFlight { condition.wait() }
            guard failure == nil else { return false }
            queue.append((produced, input))
            produced += 1
            inFlight += 1
            peakInFlight = max(peakInFlight, inFlight)
            condition.broadcast()
            return true
        }
    }

    private func nextInput() -> (Int, Input)? {
        condition.withLock {
            while failure == nil && queueHead == queue.count && !producerDone { condition.wait() }
            guard failure == nil, queueHead < queue.count else { return nil }
            let item = queue[queueHead]
            queueHead += 1
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            return item
        }
    }
}
