/// What happened to one point.
public enum PointStatus: UInt8, Sendable, CaseIterable, Comparable {
    case ok
    /// The coordinate fields were empty (set by the CSV layer).
    case empty
    /// A coordinate was not a finite number (set by the CSV layer, or by the projector for NaN/inf input).
    case notANumber
    /// The point lies outside the source or target CRS's area of use: no numbers are given for it.
    case outsideArea
    /// PROJ could not transform the point (no usable operation, or an infinite result).
    case transformFailed

    /// The code written in the `status` column.
    public var code: String {
        switch self {
        case .ok: return "ok"
        case .empty: return "empty"
        case .notANumber: return "not_a_number"
        case .outsideArea: return "outside_area"
        case .transformFailed: return "transform_failed"
        }
    }

    public static func < (a: PointStatus, b: PointStatus) -> Bool { a.rawValue < b.rawValue }
}

/// A grid file a coordinate operation needs.
package struct GridInfo: Sendable, Hashable {
    /// The name PROJ's database gives (`uk_os_OSTN15_NTv2_OSGBtoETRS.tif`).
    package var name: String
    /// Where PROJ found it, when it did.
    package var path: String?
    /// Whether PROJ can open it now.
    var isAvailable: Bool
}

/// A coordinate operation PROJ may use between the two CRSs, with the accuracy its authority states.
package struct OperationInfo: Sendable, Hashable {
    /// PROJ's name, e.g. "Inverse of British National Grid + OSGB36 to WGS 84 (6)".
    package var name: String
    /// Stated accuracy in metres; nil when unknown (a ballpark operation), 0 for an exact conversion.
    package var accuracy: Double?
    /// The grids it needs (empty for a Helmert or a pure conversion).
    package var grids: [GridInfo]
    /// True for PROJ's "ballpark" fallback that ignores datum differences (errors up to ~100 m or more).
    var isBallpark: Bool
    /// The name of its area of use.
    var areaName: String?

    var usesGrid: Bool { !grids.isEmpty }

    /// "… OSGB36 to WGS 84 (9), 1 m, grid OSTN15_NTv2_OSGBtoETRS.gsb" or "…, 2 m, no grid".
    package var label: String {
        var text = name + ", " + OperationInfo.accuracyText(accuracy)
        if grids.isEmpty {
            text += ", no grid"
        } else {
            text += ", grid " + grids.map { g in g.path.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? g.name }
                .joined(separator: " + ")
        }
        if isBallpark { text += " (ballpark: datum shift ignored)" }
        return text
    }

    /// "1 m", "0.5 m", "exact" or "unknown accuracy".
    static func accuracyText(_ accuracy: Double?) -> String {
        guard let accuracy else { return "unknown accuracy" }
        if accuracy == 0 { return "exact" }
        let rounded = (accuracy * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded)) m" : "\(rounded) m"
    }
}

/// How many points one operation transformed.
package struct OperationUsage: Sendable, Hashable {
    /// The operation.
    package var operation: OperationInfo
    /// Points it transformed.
    package var points: Int
}

/// What a projector did over a run: the operations actually used (per point, as PROJ chose them) and the
/// status counts. The batch layer prints it in summaries and writes it into metadata.
public struct ProjectionReport: Sendable, Equatable {
    /// Operations used, most points first. Empty when no point was transformed.
    package var operations: [OperationUsage] = []
    /// Points per status (only statuses that occurred).
    public var statusCounts: [PointStatus: Int] = [:]

    /// A report of nothing yet.
    public init() {}

    /// All points seen.
    public var totalPoints: Int { statusCounts.values.reduce(0, +) }
    /// Points transformed with status ok.
    public var okPoints: Int { statusCounts[.ok] ?? 0 }

    /// The worst stated accuracy among the operations used (nil if unknown or none used).
    var worstAccuracy: Double? {
        guard !operations.isEmpty else { return nil }
        var worst = 0.0
        for usage in operations {
            guard let accuracy = usage.operation.accuracy else { return nil }
            worst = max(worst, accuracy)
        }
        return worst
    }

    /// True only when every transformed point went through an operation with a grid.
    var allPointsUsedGrids: Bool { !operations.isEmpty && operations.allSatisfy { $0.operation.usesGrid } }

    /// Adds `count` points done by `operation`.
    mutating func record(_ operation: OperationInfo, points count: Int) {
        guard count > 0 else { return }
        if let i = operations.firstIndex(where: { $0.operation == operation }) {
            operations[i].points += count
        } else {
            operations.append(OperationUsage(operation: operation, points: count))
        }
        operations.sort { $0.points > $1.points }
    }

    mutating func record(_ status: PointStatus, count: Int = 1) {
        guard count > 0 else { return }
        statusCounts[status, default: 0] += count
    }

    /// Combines the reports of several projectors (one per thread).
    func merging(_ other: ProjectionReport) -> ProjectionReport {
        var merged = self
        for usage in other.operations { merged.record(usage.operation, points: usage.points) }
        for (status, count) in other.statusCounts { merged.record(status, count: count) }
        return merged
    }

    /// One line per operation: "OSGB36 to WGS 84 (9), 1 m, grid …: 998 points".
    public var operationLines: [String] {
        operations.map { "\($0.operation.label): \($0.points) point\($0.points == 1 ? "" : "s")" }
    }

    /// "ok 998, outside_area 2".
    var statusLine: String {
        statusCounts.sorted { $0.key < $1.key }.map { "\($0.key.code) \($0.value)" }.joined(separator: ", ")
    }
}
