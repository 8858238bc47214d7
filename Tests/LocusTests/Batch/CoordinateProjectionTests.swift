import Foundation
import Testing
@testable import Locus

/// The batch's PROJ converters: one per worker thread, made all at once.
@Suite struct CoordinateProjectionTests {
    /// Many threads make their converters at the same moment (as the workers of a run do) and each converts
    /// a point correctly: PROJ's shared state (its search path) is read safely.
    @Test func convertersMadeConcurrentlyAllWork() throws {
        let projection = try CoordinateProjection.proj(targetCRS: "EPSG:3857")
        let threads = 16
        let results = Results(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { i in
            do {
                let converter = try projection.makeConverter()
                var batch = CoordinateBatch()
                batch.append(easting: 530_000, northing: 180_000)
                converter.convert(&batch)
                results.set(i, [batch.longitude[0], batch.latitude[0], batch.x[0], batch.y[0]])
            } catch {
                results.set(i, [])
            }
        }
        let all = results.values
        #expect(all.allSatisfy { $0.count == 4 })
        #expect(Set(all).count == 1, "every thread got the same point")
        let point = try #require(all.first)
        // cs2cs EPSG:27700 EPSG:4326 and EPSG:3857 give these, within PROJ's Helmert 2 m.
        #expect(abs(point[0] - -0.128354) < 0.0001 && abs(point[1] - 51.503991) < 0.0001)
        #expect(abs(point[2] - -14_288.3) < 10 && abs(point[3] - 6_710_932.8) < 10)
    }

    /// PROJ's default search path is read from many threads at once, as every projector made does.
    @Test func searchPathsReadFromManyThreadsAtOnce() {
        let expected = PROJ.defaultSearchPaths()
        let mismatches = Results(count: 1)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            for _ in 0..<500 where PROJ.defaultSearchPaths() != expected { mismatches.set(0, [1]) }
        }
        #expect(!expected.isEmpty)
        #expect(mismatches.values[0].isEmpty)
    }
}

/// Per-thread results gathered under a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[Double]]
    init(count: Int) { storage = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [Double]) { lock.withLock { storage[i] = value } }
    var values: [[Double]] { lock.withLock { storage } }
}
