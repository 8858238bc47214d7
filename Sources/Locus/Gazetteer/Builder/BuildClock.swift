import Foundation

/// How long one phase of a gazetteer build took: wall seconds, and CPU seconds of the whole process (all
/// threads) over the same span, so a phase slowed by other processes on a shared machine shows as wall > CPU.
public struct GazetteerBuildPhase: Sendable, Equatable {
    /// The phase (`reading sources`, `streets`, …).
    public var name: String
    var wallSeconds: Double
    var cpuSeconds: Double

    /// `  12.34 s wall   11.90 s CPU  name`.
    public var line: String {
        String(format: "%8.2f s wall %8.2f s CPU  %@", wallSeconds, cpuSeconds, name)
    }
}

/// Records the phases of a build in order (`locus gazetteer build --timings` prints them). Phases may nest
/// (an importer inside `reading sources`); each is listed with its own span. Thread-safe.
public final class BuildClock: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [GazetteerBuildPhase] = []

    /// A clock with no phase recorded.
    public init() {}

    /// The phases recorded so far, in the order they ended.
    public var phases: [GazetteerBuildPhase] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Runs `body` and records it as the phase `name`.
    public func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let wall = Date(), cpu = Self.processCPUSeconds()
        defer { record(name, wall: Date().timeIntervalSince(wall), cpu: Self.processCPUSeconds() - cpu) }
        return try body()
    }

    /// Records a phase measured elsewhere.
    public func record(_ name: String, wall: Double, cpu: Double) {
        lock.lock()
        recorded.append(GazetteerBuildPhase(name: name, wallSeconds: wall, cpuSeconds: cpu))
        lock.unlock()
    }

    /// User + system CPU seconds of the whole process so far.
    static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
