#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error, redrawn at most a few times a second: rows, rows/s and,
/// when the input's size is known, percent done and time left.
final class ProgressReporter {
    private let totalBytes: Int?
    private let start: Double
    private var lastDraw: Double
    private let interval: Double
    private var drew = false

    init(totalBytes: Int?, interval: Double = 0.25) {
        self.totalBytes = totalBytes.flatMap { $0 > 0 ? $0 : nil }
        self.start = monotonicSeconds()
        self.lastDraw = start
        self.interval = interval
    }

    /// Redraws when the interval has passed since the last drawing.
    func update(rows: Int, bytesConsumed: Int) {
        let now = monotonicSeconds()
        guard now - lastDraw >= interval else { return }
        lastDraw = now
        draw(Self.line(rows: rows, bytesConsumed: bytesConsumed, totalBytes: totalBytes, elapsed: now - start))
    }

    /// Clears the line, so the summary starts clean.
    func finish() {
        if drew { draw("") }
    }

    /// The progress text, e.g. `1200000 rows  240000 rows/s  48.0%  ETA 0:05`.
    static func line(rows: Int, bytesConsumed: Int, totalBytes: Int?, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        var text = "\(rows) rows  \(BatchSummary.fixed(rate, 0)) rows/s"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytesConsumed) / Double(totalBytes))
            text += "  \(BatchSummary.fixed(100 * fraction, 1))%"
            if fraction > 0 && elapsed > 0 {
                let left = Int((elapsed / fraction - elapsed).rounded())
                let seconds = left % 60
                text += "  ETA \(left / 3600 > 0 ? "\(left / 3600):" : "")"
                    + "\(left / 3600 > 0 && (left / 60) % 60 < 10 ? "0" : "")\((left / 60) % 60):"
                    + "\(seconds < 10 ? "0" : "")\(seconds)"
            }
        }
        return text
    }

    private func draw(_ text: String) {
        drew = true
        var line = "\r\u{1B}[K" + text
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}

/// Seconds on a clock that never jumps.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
