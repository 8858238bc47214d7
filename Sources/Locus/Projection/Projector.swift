import CPROJ

/// Reprojects batches of points with PROJ, saying which operation did each point.
///
/// One PROJ context, the two CRSs and PROJ's candidate operations are made once (in `init`) and reused.
/// For every point PROJ's own choice is asked (`proj_get_suggested_operation`: the most accurate operation
/// whose area holds the point), points are grouped by operation and each group goes through
/// `proj_trans_generic` in one call. A point the chosen operation cannot do (outside the grid's coverage)
/// is retried through PROJ's `proj_create_crs_to_crs` object, which falls back as PROJ does, and is counted
/// under the operation PROJ then reports. So the report never claims the grid for a Helmert point.
///
/// Coordinates are x/y: longitude/latitude in degrees for a geographic CRS, easting/northing otherwise.
/// Points outside the source or target CRS's area of use get `.outsideArea` and NaN, never numbers.
///
/// A PROJ context is not thread-safe: use a projector from one thread at a time and make one per thread
/// from a `ProjectionSpec`.
public final class Projector {
    /// What it was made from.
    public let spec: ProjectionSpec
    /// PROJ's names of the CRSs ("OSGB36 / British National Grid", "WGS 84").
    let sourceName: String
    let targetName: String
    /// True when the target gives longitude/latitude in degrees.
    let targetIsGeographic: Bool
    let sourceIsGeographic: Bool
    /// The source and target areas of use in their own x/y (nil when PROJ gives none).
    let sourceArea: AreaOfUse?
    let targetArea: AreaOfUse?
    /// The operations PROJ considers, in its order of preference (grids missing from the search path are left
    /// out, as PROJ does with the network off).
    package let candidates: [OperationInfo]
    /// The folders PROJ searches, in order.
    public let searchPaths: [String]
    /// What this projector has done since it was made or since `resetReport()`.
    public private(set) var report = ProjectionReport()

    private let ctx: OpaquePointer
    /// Receives PROJ's messages for as long as the context lives.
    private let log: PROJ.LogCapture
    private let sourceCRS: OpaquePointer
    private let targetCRS: OpaquePointer
    var context: OpaquePointer { ctx }
    var sourceCRSObject: OpaquePointer { sourceCRS }
    var targetCRSObject: OpaquePointer { targetCRS }
    private let operationList: OpaquePointer
    /// Each candidate normalised to x/y order.
    private let operations: [OpaquePointer?]
    /// PROJ's own chooser-with-fallback, made on first need.
    private var fallback: OpaquePointer?
    private let sourceNorthingFirst: Bool
    private var groups: [[Int32]]
    private var scratchX: [Double] = []
    private var scratchY: [Double] = []
    private var pointsPerOperation: [Int]

    init(spec: ProjectionSpec) throws(ProjectionError) {
        self.spec = spec
        for path in spec.searchPaths where !PROJ.isDirectory(path) {
            throw .searchPathMissing(path: path)
        }
        var paths = spec.searchPaths
        if spec.includeDefaultSearchPaths {
            paths += PROJ.defaultSearchPaths().filter { !paths.contains($0) }
            // The pack's OSTN15 grid, after PROJ's own folders (an official grid there comes first).
            if let grid = OSTN15Grid.searchFolder, !paths.contains(grid) { paths.append(grid) }
        }
        self.searchPaths = paths
        let log = PROJ.LogCapture()
        let ctx = try PROJ.makeContext(searchPaths: paths, log: log)
        var made: [OpaquePointer] = []
        do {
            let source = try PROJ.makeCRS(spec.source, role: "source", ctx: ctx, log: log)
            made.append(source)
            let target = try PROJ.makeCRS(spec.target, role: "target", ctx: ctx, log: log)
            made.append(target)
            let list = try Projector.candidateList(ctx: ctx, source: source, target: target)
            self.ctx = ctx
            self.log = log
            self.sourceCRS = source
            self.targetCRS = target
            self.operationList = list
        } catch {
            made.forEach { proj_destroy($0) }
            proj_context_destroy(ctx)
            throw error
        }
        sourceName = PROJ.name(sourceCRS)
        targetName = PROJ.name(targetCRS)
        sourceIsGeographic = PROJ.isGeographic(sourceCRS, ctx: ctx)
        targetIsGeographic = PROJ.isGeographic(targetCRS, ctx: ctx)
        sourceNorthingFirst = PROJ.isNorthingFirst(sourceCRS, ctx: ctx)
        sourceArea = PROJ.areaOfUse(sourceCRS, ctx: ctx)
        targetArea = PROJ.areaOfUse(targetCRS, ctx: ctx)
        // Index i here is index i of PROJ's list, as `proj_get_suggested_operation` returns it; an operation
        // PROJ cannot hand out stays nil and its points go through PROJ's own fallback.
        var operations: [OpaquePointer?] = []
        var infos: [OperationInfo] = []
        for i in 0..<proj_list_get_count(operationList) {
            guard let op = proj_list_get(ctx, operationList, i) else {
                operations.append(nil)
                infos.append(OperationInfo(name: "unavailable operation", accuracy: nil, grids: [],
                                           isBallpark: false, areaName: nil))
                continue
            }
            infos.append(Projector.describe(op, ctx: ctx))
            if let normalized = proj_normalize_for_visualization(ctx, op) {
                operations.append(normalized)
                proj_destroy(op)
            } else {
                operations.append(op)
            }
        }
        self.operations = operations
        self.candidates = infos
        groups = Array(repeating: [], count: operations.count)
        pointsPerOperation = Array(repeating: 0, count: operations.count)
    }

    deinit {
        operations.forEach { if let op = $0 { proj_destroy(op) } }
        if let fallback { proj_destroy(fallback) }
        proj_list_destroy(operationList)
        proj_destroy(sourceCRS)
        proj_destroy(targetCRS)
        proj_context_destroy(ctx)
    }

    /// PROJ's candidates between the CRSs, found as `proj_create_crs_to_crs` finds them with the network off.
    private static func candidateList(ctx: OpaquePointer, source: OpaquePointer, target: OpaquePointer)
        throws(ProjectionError) -> OpaquePointer {
        guard let factory = proj_create_operation_factory_context(ctx, nil) else {
            throw .projUnavailable(reason: PROJ.lastError(ctx))
        }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_spatial_criterion(ctx, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(
            ctx, factory, PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID)
        guard let list = proj_create_operations(ctx, source, target, factory) else {
            throw .noOperation(source: PROJ.name(source), target: PROJ.name(target), reason: PROJ.lastError(ctx))
        }
        guard proj_list_get_count(list) > 0 else {
            proj_list_destroy(list)
            throw .noOperation(source: PROJ.name(source), target: PROJ.name(target),
                               reason: "no operation whose grids are installed")
        }
        return list
    }

    /// Name, stated accuracy and grids of one operation.
    static func describe(_ op: OpaquePointer, ctx: OpaquePointer) -> OperationInfo {
        let accuracy = proj_coordoperation_get_accuracy(ctx, op)
        var grids: [GridInfo] = []
        for g in 0..<max(0, proj_coordoperation_get_grid_used_count(ctx, op)) {
            var shortName: UnsafePointer<CChar>?, fullName: UnsafePointer<CChar>?
            var available: Int32 = 0
            guard proj_coordoperation_get_grid_used(ctx, op, g, &shortName, &fullName, nil, nil, nil, nil,
                                                    &available) != 0 else { continue }
            let path = fullName.map { String(cString: $0) }
            grids.append(GridInfo(name: shortName.map { String(cString: $0) } ?? "?",
                                  path: path?.isEmpty == false ? path : nil, isAvailable: available != 0))
        }
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        var areaName: UnsafePointer<CChar>?
        let hasArea = proj_get_area_of_use(ctx, op, &west, &south, &east, &north, &areaName) != 0
        return OperationInfo(
            name: PROJ.name(op), accuracy: accuracy >= 0 ? accuracy : nil, grids: grids,
            isBallpark: proj_coordoperation_has_ballpark_transformation(ctx, op) != 0,
            areaName: hasArea ? areaName.map { String(cString: $0) } : nil)
    }

    /// Starts a new report (the operations and status counts so far are forgotten).
    func resetReport() { report = ProjectionReport() }

    // MARK: Transforming

    /// Transforms one point.
    public func transform(x: Double, y: Double) -> (x: Double, y: Double, status: PointStatus) {
        var x = x, y = y, status = PointStatus.ok
        withUnsafeMutablePointer(to: &x) { px in
            withUnsafeMutablePointer(to: &y) { py in
                withUnsafeMutablePointer(to: &status) { ps in
                    transform(x: UnsafeMutableBufferPointer(start: px, count: 1),
                              y: UnsafeMutableBufferPointer(start: py, count: 1),
                              status: UnsafeMutableBufferPointer(start: ps, count: 1))
                }
            }
        }
        return (x, y, status)
    }

    /// Transforms arrays of points in place and returns each point's status.
    public func transform(x: inout [Double], y: inout [Double]) -> [PointStatus] {
        precondition(x.count == y.count, "x and y must have the same number of points")
        var status = [PointStatus](repeating: .ok, count: x.count)
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                status.withUnsafeMutableBufferPointer { ss in transform(x: xs, y: ys, status: ss) }
            }
        }
        return status
    }

    /// Transforms in place the points whose status is `.ok`; the others are left alone (but counted).
    /// A point that cannot be transformed gets its status and NaN coordinates.
    public func transform(x: UnsafeMutableBufferPointer<Double>, y: UnsafeMutableBufferPointer<Double>,
                          status: UnsafeMutableBufferPointer<PointStatus>) {
        precondition(x.count == y.count && y.count == status.count, "x, y and status must have the same count")
        for g in groups.indices { groups[g].removeAll(keepingCapacity: true) }
        var retry: [Int] = []
        let single = operations.count == 1
        for i in 0..<x.count where status[i] == .ok {
            let px = x[i], py = y[i]
            guard px.isFinite && py.isFinite else {
                fail(i, .notANumber, x, y, status)
                continue
            }
            if let area = sourceArea, !area.contains(x: px, y: py) {
                fail(i, .outsideArea, x, y, status)
                continue
            }
            let choice: Int32
            if single {
                choice = 0
            } else {
                let native = sourceNorthingFirst ? proj_coord(py, px, 0, 0) : proj_coord(px, py, 0, 0)
                choice = proj_get_suggested_operation(ctx, operationList, PJ_FWD, native)
            }
            if choice >= 0 { groups[Int(choice)].append(Int32(i)) } else { retry.append(i) }
        }
        for op in operations.indices where !groups[op].isEmpty {
            transformGroup(op, x, y, status, retry: &retry)
        }
        if !retry.isEmpty { transformOneByOne(retry, x, y, status) }
        for op in operations.indices where pointsPerOperation[op] > 0 {
            report.record(candidates[op], points: pointsPerOperation[op])
            pointsPerOperation[op] = 0
        }
        var counts = [Int](repeating: 0, count: PointStatus.allCases.count)
        for s in status { counts[Int(s.rawValue)] += 1 }
        for s in PointStatus.allCases { report.record(s, count: counts[Int(s.rawValue)]) }
    }

    @inline(__always)
    private func fail(_ i: Int, _ reason: PointStatus, _ x: UnsafeMutableBufferPointer<Double>,
                      _ y: UnsafeMutableBufferPointer<Double>, _ status: UnsafeMutableBufferPointer<PointStatus>) {
        status[i] = reason
        x[i] = .nan
        y[i] = .nan
    }

    /// One `proj_trans_generic` call for the points PROJ assigned to operation `op`.
    private func transformGroup(_ op: Int, _ x: UnsafeMutableBufferPointer<Double>,
                                _ y: UnsafeMutableBufferPointer<Double>,
                                _ status: UnsafeMutableBufferPointer<PointStatus>, retry: inout [Int]) {
        let members = groups[op]
        guard let pj = operations[op] else {
            retry += members.map { Int($0) }
            return
        }
        let n = members.count
        if scratchX.count < n {
            scratchX = [Double](repeating: 0, count: n)
            scratchY = [Double](repeating: 0, count: n)
        }
        let stride = MemoryLayout<Double>.stride
        var done = 0
        scratchX.withUnsafeMutableBufferPointer { sx in
            scratchY.withUnsafeMutableBufferPointer { sy in
                for k in 0..<n {
                    let i = Int(members[k])
                    sx[k] = x[i]
                    sy[k] = y[i]
                }
                proj_errno_reset(pj)
                _ = proj_trans_generic(pj, PJ_FWD, sx.baseAddress, stride, n, sy.baseAddress, stride, n,
                                       nil, 0, 0, nil, 0, 0)
                for k in 0..<n {
                    let i = Int(members[k])
                    let rx = sx[k], ry = sy[k]
                    if Projector.isUsable(rx, ry) {
                        if accept(i, rx, ry, x, y, status) { done += 1 }
                    } else {
                        retry.append(i)
                    }
                }
            }
        }
        pointsPerOperation[op] += done
    }

    /// False for PROJ's failure marker (HUGE_VAL, i.e. infinity), NaN and absurd magnitudes.
    @inline(__always)
    private static func isUsable(_ x: Double, _ y: Double) -> Bool {
        x.isFinite && y.isFinite && abs(x) < 1e30 && abs(y) < 1e30
    }

    /// Stores a result after checking it lies in the target CRS's area; returns whether it was kept.
    @inline(__always)
    private func accept(_ i: Int, _ rx: Double, _ ry: Double, _ x: UnsafeMutableBufferPointer<Double>,
                        _ y: UnsafeMutableBufferPointer<Double>,
                        _ status: UnsafeMutableBufferPointer<PointStatus>) -> Bool {
        if let area = targetArea, !area.contains(x: rx, y: ry) {
            fail(i, .outsideArea, x, y, status)
            return false
        }
        x[i] = rx
        y[i] = ry
        return true
    }

    /// Points the chosen operation could not do go through PROJ's chooser, which falls back as PROJ does;
    /// each is counted under the operation PROJ says it used.
    private func transformOneByOne(_ indices: [Int], _ x: UnsafeMutableBufferPointer<Double>,
                                   _ y: UnsafeMutableBufferPointer<Double>,
                                   _ status: UnsafeMutableBufferPointer<PointStatus>) {
        guard let chooser = fallbackTransformation() else {
            for i in indices { fail(i, .transformFailed, x, y, status) }
            return
        }
        for i in indices {
            proj_errno_reset(chooser)
            let result = proj_trans(chooser, PJ_FWD, proj_coord(x[i], y[i], 0, 0))
            let rx = result.xyzt.x, ry = result.xyzt.y
            guard Projector.isUsable(rx, ry) else {
                fail(i, .transformFailed, x, y, status)
                continue
            }
            guard accept(i, rx, ry, x, y, status) else { continue }
            let used = proj_pj_info(chooser).description.map { String(cString: $0) } ?? ""
            if let op = candidates.firstIndex(where: { $0.name == used }) {
                pointsPerOperation[op] += 1
            } else {
                report.record(OperationInfo(name: used.isEmpty ? "unnamed operation" : used, accuracy: nil,
                                            grids: [], isBallpark: false, areaName: nil), points: 1)
            }
        }
    }

    private func fallbackTransformation() -> OpaquePointer? {
        if let fallback { return fallback }
        guard let raw = proj_create_crs_to_crs_from_pj(ctx, sourceCRS, targetCRS, nil, nil) else { return nil }
        let normalized = proj_normalize_for_visualization(ctx, raw)
        proj_destroy(raw)
        fallback = normalized
        return normalized
    }
}
