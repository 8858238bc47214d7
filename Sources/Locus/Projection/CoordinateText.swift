/// Reading and writing coordinate numbers in CSV fields.
enum CoordinateText {
    /// Reads a decimal number (`530624.974`, `-0.1199`, `5.3e5`; spaces around are allowed).
    /// Returns the status `.empty` or `.notANumber` when it cannot.
    @inline(__always)
    static func parse(_ field: String) -> (value: Double, status: PointStatus) {
        var field = field
        return field.withUTF8 { bytes -> (Double, PointStatus) in
            var start = 0, end = bytes.count
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            if start == end { return (.nan, .empty) }
            var sawDigit = false
            for i in start..<end {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 { sawDigit = true; continue }
                // Only sign, point and exponent: no "nan", "inf", hexadecimal or thousands separators.
                if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                    || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { continue }
                return (.nan, .notANumber)
            }
            guard sawDigit,
                  let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)),
                  value.isFinite else { return (.nan, .notANumber) }
            return (value, .ok)
        }
    }

    /// `value` with exactly `decimals` decimals (no exponent); "" for NaN.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}
