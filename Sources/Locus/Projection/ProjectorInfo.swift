import CPROJ

extension Projector {
    /// Operations PROJ knows that are more accurate than the best usable one but need a grid that is not on
    /// the search path (for BNG: OSTN15 when only the Helmert is usable).
    func unavailableBetterOperations() -> [OperationInfo] {
        let best = candidates.compactMap(\.accuracy).min() ?? .infinity
        return withAllOperations { all in
            all.filter { op in
                op.grids.contains { !$0.isAvailable } && (op.accuracy ?? .infinity) < best
            }
        }
    }

    /// Human-readable lines for `locus reproject --info`: CRSs, areas, the operations PROJ may use and which
    /// are missing a grid, and the search paths. `folderHint` says how to hand PROJ a folder of grids (the
    /// command line names its option there); by default, the `PROJ_DATA` environment variable.
    public func infoLines(folderHint: String = "set PROJ_DATA to it") -> [String] {
        var lines = ["PROJ \(PROJ.version)"]
        lines.append("source: \(sourceName) (\(Self.shortText(spec.source)))")
        if let area = sourceArea { lines.append("  area of use: \(area.name)") }
        lines.append("target: \(targetName) (\(Self.shortText(spec.target)))"
                     + (targetIsGeographic ? ", written as longitude, latitude in degrees" : ""))
        if let area = targetArea { lines.append("  area of use: \(area.name)") }
        lines.append("operations PROJ may use, best first (each point gets the best one whose area holds it):")
        for (i, op) in candidates.enumerated() {
            lines.append("  \(i + 1). \(op.label)")
            if let area = op.areaName { lines.append("       area: \(area)") }
        }
        let missing = unavailableBetterOperations()
        if missing.isEmpty {
            lines.append("grids: " + (candidates.contains(where: \.usesGrid)
                ? "found (" + candidates.flatMap(\.grids).compactMap(\.path).uniqued().joined(separator: ", ") + ")"
                : "none needed or none better known"))
        } else {
            lines.append("not usable, grid not found:")
            for op in missing {
                let grids = op.grids.filter { !$0.isAvailable }.map(\.name)
                lines.append("  \(op.name), \(OperationInfo.accuracyText(op.accuracy)), needs \(grids.joined(separator: ", "))")
                for grid in grids {
                    lines.append("    install: projsync --file \(grid)  (or download https://cdn.proj.org/\(grid)"
                                 + " into a folder and \(folderHint))")
                }
            }
        }
        lines.append("search paths: " + searchPaths.joined(separator: ", "))
        return lines
    }

    /// Calls `body` with every operation PROJ knows between the CRSs, grids installed or not.
    private func withAllOperations<R>(_ body: ([OperationInfo]) -> R) -> R {
        guard let factory = proj_create_operation_factory_context(context, nil) else { return body([]) }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_spatial_criterion(context, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(context, factory, PROJ_GRID_AVAILABILITY_IGNORED)
        guard let list = proj_create_operations(context, sourceCRSObject, targetCRSObject, factory) else { return body([]) }
        defer { proj_list_destroy(list) }
        var all: [OperationInfo] = []
        for i in 0..<proj_list_get_count(list) {
            guard let op = proj_list_get(context, list, i) else { continue }
            all.append(Self.describe(op, ctx: context))
            proj_destroy(op)
        }
        return body(all)
    }

    static func shortText(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count <= 60 ? oneLine : String(oneLine.prefix(57)) + "..."
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
