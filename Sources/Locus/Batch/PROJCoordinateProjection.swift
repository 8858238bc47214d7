import CPROJ

// The batch pipeline's only contact with PROJ. When Sources/Locus/Projection/Projector lands, this file is
// the one to replace: `CoordinateProjection.proj(targetCRS:)` should then build on the Projector.

extension CoordinateProjection {
    /// BNG (EPSG:27700) to WGS84 lon/lat, and to `targetCRS` when given, with PROJ: one context and
    /// transformation per worker thread, each chunk converted with one `proj_trans_generic` call.
    public static func proj(targetCRS: String?) throws(BatchError) -> CoordinateProjection {
        // Made once here to check the CRS and describe the operation; each worker makes its own.
        let probe = try PROJCoordinateConverter(targetCRS: targetCRS)
        return CoordinateProjection(
            targetCRS: targetCRS, targetIsAngular: probe.targetIsAngular, operation: probe.operationDescription(),
            makeConverter: { () throws(BatchError) in try PROJCoordinateConverter(targetCRS: targetCRS) })
    }
}

/// A PROJ context with its transformations; used by one thread only.
private final class PROJCoordinateConverter: CoordinateConverter {
    private let context: OpaquePointer
    private let toWGS84: OpaquePointer
    private let toTarget: OpaquePointer?
    let targetIsAngular: Bool
    private let targetCRS: String?

    init(targetCRS: String?) throws(BatchError) {
        self.targetCRS = targetCRS
        guard let context = proj_context_create() else { throw .internalFailure("PROJ cannot create a context") }
        _ = proj_log_level(context, PJ_LOG_NONE)
        _ = proj_context_set_enable_network(context, 0)
        self.context = context
        do {
            toWGS84 = try Self.transformation(context, to: "EPSG:4326", option: nil)
        } catch {
            proj_context_destroy(context)
            throw .internalFailure("PROJ cannot transform EPSG:27700 to EPSG:4326 (is proj-data installed?)")
        }
        guard let targetCRS else {
            toTarget = nil
            targetIsAngular = false
            return
        }
        do {
            toTarget = try Self.transformation(context, to: targetCRS, option: "--crs")
        } catch {
            proj_destroy(toWGS84)
            proj_context_destroy(context)
            throw error
        }
        let crs = proj_create(context, targetCRS)
        let type = crs.map { proj_get_type($0) }
        targetIsAngular = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
            || type == PJ_TYPE_GEOGRAPHIC_CRS
        if let crs { proj_destroy(crs) }
    }

    deinit {
        proj_destroy(toWGS84)
        if let toTarget { proj_destroy(toTarget) }
        proj_context_destroy(context)
    }

    /// EPSG:27700 → `target`, with axes in longitude/latitude, easting/northing order.
    private static func transformation(_ context: OpaquePointer, to target: String, option: String?)
        throws(BatchError) -> OpaquePointer
    {
        guard let raw = proj_create_crs_to_crs(context, "EPSG:27700", target, nil) else {
            throw .badOption(
                option: option ?? "PROJ",
                reason: "PROJ does not know \(target) as a coordinate system it can transform to; check the code")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            throw .internalFailure("PROJ cannot normalise the axis order of the transformation to \(target)")
        }
        return normalized
    }

    func convert(_ batch: inout CoordinateBatch) {
        let count = batch.count
        batch.longitude = batch.easting
        batch.latitude = batch.northing
        Self.transform(toWGS84, &batch.longitude, &batch.latitude, count)
        if let toTarget {
            batch.x = batch.easting
            batch.y = batch.northing
            Self.transform(toTarget, &batch.x, &batch.y, count)
        }
    }

    private static func transform(_ operation: OpaquePointer, _ x: inout [Double], _ y: inout [Double], _ count: Int) {
        guard count > 0 else { return }
        let stride = MemoryLayout<Double>.stride
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                _ = proj_trans_generic(
                    operation, PJ_FWD, xs.baseAddress, stride, count, ys.baseAddress, stride, count,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        // PROJ marks a point it cannot convert with HUGE_VAL.
        for i in 0..<count where !x[i].isFinite || !y[i].isFinite {
            x[i] = .nan
            y[i] = .nan
        }
    }

    /// The operations PROJ picks for a point in central London, in words, for the summary.
    func operationDescription() -> String {
        var parts = [describe(toWGS84, target: "EPSG:4326")]
        if let toTarget, let targetCRS { parts.append(describe(toTarget, target: targetCRS)) }
        return parts.joined(separator: "; ")
    }

    private func describe(_ operation: OpaquePointer, target: String) -> String {
        var x = [530_000.0], y = [180_000.0]
        Self.transform(operation, &x, &y, 1)
        let used = proj_trans_get_last_used_operation(operation)
        defer { if let used { proj_destroy(used) } }
        let info = proj_pj_info(used ?? operation)
        let name = info.description.map { String(cString: $0) } ?? "unknown operation"
        let accuracy = info.accuracy >= 0 ? " (accuracy \(Int(info.accuracy.rounded())) m)" : ""
        return "EPSG:27700 to \(target): \(name)\(accuracy)"
    }
}
