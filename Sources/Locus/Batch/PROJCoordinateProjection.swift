import Foundation

// The batch pipeline's only contact with PROJ, through the library's `Projector` (one per worker thread).

extension CoordinateProjection {
    /// BNG (EPSG:27700) to WGS84 lon/lat, and to `targetCRS` when given: each worker thread makes its own
    /// `Projector`s and converts a chunk's points in one batch.
    public static func proj(targetCRS: String?) throws(BatchError) -> CoordinateProjection {
        // Made once here to check the CRS and describe the operation; each worker makes its own.
        let probe = try ProjectorConverter(targetCRS: targetCRS)
        return CoordinateProjection(
            targetCRS: targetCRS, targetIsAngular: probe.toTarget?.targetIsGeographic ?? false,
            operation: probe.operationDescription(),
            makeConverter: { () throws(BatchError) in try ProjectorConverter(targetCRS: targetCRS) })
    }
}

/// The projectors of one worker thread.
private final class ProjectorConverter: CoordinateConverter {
    let toWGS84: Projector
    let toTarget: Projector?

    /// Each worker thread makes its own, all at once (each `Projector` has its own PROJ context).
    init(targetCRS: String?) throws(BatchError) {
        do {
            toWGS84 = try ProjectionSpec.bngToWGS84.makeProjector()
        } catch {
            throw Self.batchError(error, crs: "EPSG:4326")
        }
        do {
            toTarget = try targetCRS.map { (crs) throws(ProjectionError) in try ProjectionSpec.fromBNG(to: crs).makeProjector() }
        } catch {
            throw Self.batchError(error, crs: targetCRS ?? "")
        }
    }

    /// PROJ without its database is unavailable (exit 69, as a missing gazetteer); a system PROJ does not know
    /// or cannot reach from BNG is a bad `--crs`; anything else is Locus's fault.
    static func batchError(_ error: ProjectionError, crs: String) -> BatchError {
        switch error {
        case .projUnavailable:
            return .projUnavailable(reason: error.description)
        case .unknownCRS, .notACRS:
            return .unusableCRS(crs: crs, reason: "PROJ does not know \(crs) as a coordinate system; give an "
                              + "EPSG code it knows, for example EPSG:3857 (web maps) or EPSG:32630 (UTM 30N)")
        case .noOperation:
            return .unusableCRS(crs: crs, reason: error.description)
        case .searchPathMissing:
            return .internalFailure(error.description)
        }
    }

    func convert(_ batch: inout CoordinateBatch) {
        // Points the projector cannot convert come back as NaN.
        batch.longitude = batch.easting
        batch.latitude = batch.northing
        _ = toWGS84.transform(x: &batch.longitude, y: &batch.latitude)
        if let toTarget {
            batch.x = batch.easting
            batch.y = batch.northing
            _ = toTarget.transform(x: &batch.x, y: &batch.y)
        }
    }

    /// The operations PROJ uses for a point in central London, in words, for the summary.
    func operationDescription() -> String {
        [(toWGS84, "EPSG:4326"), (toTarget, toTarget?.spec.target ?? "")].compactMap { projector, name in
            guard let projector else { return nil }
            _ = projector.transform(x: 530_000, y: 180_000)
            let label = projector.report.operations.first?.operation.label ?? "no operation"
            projector.resetReport()
            return "EPSG:27700 to \(name): \(label)"
        }.joined(separator: "; ")
    }
}
