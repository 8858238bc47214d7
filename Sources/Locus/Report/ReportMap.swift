import Foundation

/// The report's map as inline SVG: the boroughs (a `BoroughGrid`, when a gazetteer was given) with their
/// boundaries and London's outline, and the located points, as dots coloured by match type up to
/// `dotLimit`, as hexagons shaded by count above it. Drawn in grid-cell units (y down from the north edge),
/// so the page stays small; strokes and dots keep their screen size when zoomed.
package struct ReportMap: Sendable {
    /// Above this many located points the map shows hexagons instead of dots.
    package static let defaultDotLimit = 5_000
    /// Hexagon circumradius in metres.
    static let hexagonRadius = 400.0

    /// Match type colours, by `MatchLevel.rank` (colour-blind-safe Okabe–Ito hues first).
    static let levelColours = [
        "#332288", "#0072b2", "#56b4e9", "#009e73", "#cc79a7", "#e69f00", "#d55e00", "#8c6d31", "#a0a0a0", "#6b6b6b",
        "#404040", "#000000",
    ]
    /// Borough fills: pale, so points stand out; neighbours never share one.
    static let boroughFills = ["#e8e4d8", "#dfe8dc", "#e4e0ec", "#f1e6d6", "#dbe6ec", "#ece0e0", "#e6ecd8", "#f0ecdc"]
    /// Hexagon shades, light to dark.
    static let hexagonShades = ["#fde0a6", "#fdbb63", "#f98e3a", "#e5592b", "#c0322a", "#8e1b2c", "#5a0f2e"]

    /// The map as an SVG element.
    package var svg: String
    /// The legend's HTML.
    var legend: String
    /// Sentences about what the map leaves out.
    package var notes: [String]
    /// True when the points are drawn as hexagons.
    package var aggregated: Bool
    /// The located points drawn (inside the map's frame).
    var pointsDrawn: Int

    /// The map of `points`, with borough outlines from `grid` when given.
    /// `gazetteerSetting` names the setting that gives a gazetteer, for the note when none was given.
    package init(grid: BoroughGrid?, points: ReportPoints, dotLimit: Int = defaultDotLimit, gazetteerSetting: String? = nil) {
        notes = []
        // The frame: the grid's, else the points' extent with a margin.
        let cell = grid?.cellSize ?? BoroughGrid.defaultCellSize
        let west: Double, north: Double, width: Double, height: Double
        if let grid, grid.width > 0 {
            (west, north, width, height) = (grid.west, grid.north, Double(grid.width), Double(grid.height))
        } else if points.count > 0 {
            let minX = Double(points.eastings.min()!), maxX = Double(points.eastings.max()!)
            let minY = Double(points.northings.min()!), maxY = Double(points.northings.max()!)
            let margin = max(1000, 0.05 * max(maxX - minX, maxY - minY))
            west = minX - margin
            north = maxY + margin
            width = ((maxX - minX + 2 * margin) / cell).rounded(.up)
            height = ((maxY - minY + 2 * margin) / cell).rounded(.up)
        } else {
            (west, north, width, height) = (0, 0, 0, 0)
        }
        var svg = "<svg id=\"map\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"Map of the located rows\">"
        svg += "<rect x=\"-10000\" y=\"-10000\" width=\"20000\" height=\"20000\" fill=\"#f7f9fb\"/>"
        if let grid, grid.width > 0 {
            svg += Self.boroughs(grid)
        } else {
            notes.append("No gazetteer was given, so the map has no borough boundaries"
                + (gazetteerSetting.map { " (give \($0))." } ?? "."))
        }
        // The points, in the frame's units.
        var xs: [Float] = [], ys: [Float] = [], ranks: [UInt8] = []
        xs.reserveCapacity(points.count); ys.reserveCapacity(points.count); ranks.reserveCapacity(points.count)
        var outside = 0
        for i in 0..<points.count {
            let x = (Double(points.eastings[i]) - west) / cell, y = (north - Double(points.northings[i])) / cell
            if x < 0 || y < 0 || x > width || y > height { outside += 1; continue }
            xs.append(Float(x)); ys.append(Float(y)); ranks.append(points.ranks[i])
        }
        if outside > 0 { notes.append("\(outside) located point\(outside == 1 ? " lies" : "s lie") outside the map's frame and \(outside == 1 ? "is" : "are") not drawn.") }
        pointsDrawn = xs.count
        aggregated = xs.count > dotLimit
        let legendPoints: String
        if aggregated {
            let (paths, legendHTML) = Self.hexagons(xs, ys, radius: Self.hexagonRadius / cell)
            svg += paths
            legendPoints = legendHTML
        } else {
            var counts = [Int](repeating: 0, count: MatchLevel.allCases.count)
            var data = [String](repeating: "", count: MatchLevel.allCases.count)
            for i in xs.indices {
                let rank = Int(ranks[i])
                counts[rank] += 1
                data[rank] += "M\(Self.number(Double(xs[i]), 1)) \(Self.number(Double(ys[i]), 1))h0"
            }
            svg += "<g class=\"dots\" fill=\"none\" stroke-linecap=\"round\">"
            // The coarsest first, so the most precise are drawn on top.
            for rank in data.indices.reversed() where !data[rank].isEmpty {
                svg += "<path class=\"dot\" stroke=\"\(Self.levelColours[rank])\" d=\"\(data[rank])\"/>"
            }
            svg += "</g>"
            legendPoints = MatchLevel.allCases.filter { counts[$0.rank] > 0 }.map { level in
                "<li><span class=\"swatch dot\" style=\"background:\(Self.levelColours[level.rank])\"></span>"
                    + "\(level.rawValue) <span class=\"n\">\(Self.grouped(counts[level.rank]))</span></li>"
            }.joined()
        }
        if let grid, grid.width > 0 { svg += Self.labels(grid, fontSize: max(width, height) / 90) }
        svg += Self.scaleBar(width: width, height: height, cell: cell)
        svg += "</svg>"
        self.svg = svg
        var legend = aggregated
            ? "<p class=\"legend-title\">Located rows per \(Int(Self.hexagonRadius)) m hexagon</p><ul class=\"legend\">\(legendPoints)</ul>"
            : "<p class=\"legend-title\">Located rows by match type</p><ul class=\"legend\">\(legendPoints)</ul>"
        if grid != nil && grid!.width > 0 {
            legend += "<p class=\"legend-note\">Boroughs: \(Int(cell)) m cells shaded by the borough most of their "
                + "postcode units lie in; lines mark borough boundaries, the thick line London's edge. "
                + "The Thames is not drawn: the gazetteer holds no river geometry.</p>"
        }
        self.legend = legend
    }

    // MARK: Boroughs

    private static func boroughs(_ grid: BoroughGrid) -> String {
        let colours = grid.colouring()
        // One path per borough: its cells as horizontal runs.
        var runs = [String](repeating: "", count: grid.names.count)
        for row in 0..<grid.height {
            var column = 0
            while column < grid.width {
                let here = grid.cell(column, row)
                var end = column + 1
                while end < grid.width && grid.cell(end, row) == here { end += 1 }
                if here >= 0 { runs[here] += "M\(column) \(row)h\(end - column)v1h-\(end - column)z" }
                column = end
            }
        }
        var svg = "<g class=\"boroughs\">"
        for index in runs.indices where !runs[index].isEmpty {
            svg += "<path fill=\"\(boroughFills[colours[index] % boroughFills.count])\" d=\"\(runs[index])\">"
                + "<title>\(escapeHTML(grid.names[index]))</title></path>"
        }
        svg += "</g>"
        // Edges between cells of different boroughs (inner) and between London and outside (outline).
        var inner = "", outline = ""
        for row in 0...grid.height {
            var column = 0
            while column < grid.width {
                let above = grid.cell(column, row - 1), below = grid.cell(column, row)
                guard above != below else { column += 1; continue }
                let isOutline = above < 0 || below < 0
                var end = column + 1
                while end < grid.width {
                    let a = grid.cell(end, row - 1), b = grid.cell(end, row)
                    if a == b || (a < 0 || b < 0) != isOutline { break }
                    end += 1
                }
                let segment = "M\(column) \(row)h\(end - column)"
                if isOutline { outline += segment } else { inner += segment }
                column = end
            }
        }
        for column in 0...grid.width {
            var row = 0
            while row < grid.height {
                let left = grid.cell(column - 1, row), right = grid.cell(column, row)
                guard left != right else { row += 1; continue }
                let isOutline = left < 0 || right < 0
                var end = row + 1
                while end < grid.height {
                    let a = grid.cell(column - 1, end), b = grid.cell(column, end)
                    if a == b || (a < 0 || b < 0) != isOutline { break }
                    end += 1
                }
                let segment = "M\(column) \(row)v\(end - row)"
                if isOutline { outline += segment } else { inner += segment }
                row = end
            }
        }
        svg += "<path class=\"inner\" fill=\"none\" stroke=\"#8a8a8a\" d=\"\(inner)\"/>"
        svg += "<path class=\"outline\" fill=\"none\" stroke=\"#333\" d=\"\(outline)\"/>"
        return svg
    }

    /// Borough names at the middle of their cells.
    private static func labels(_ grid: BoroughGrid, fontSize: Double) -> String {
        var sumX = [Double](repeating: 0, count: grid.names.count)
        var sumY = [Double](repeating: 0, count: grid.names.count)
        var count = [Int](repeating: 0, count: grid.names.count)
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let here = grid.cell(column, row)
                guard here >= 0 else { continue }
                sumX[here] += Double(column) + 0.5
                sumY[here] += Double(row) + 0.5
                count[here] += 1
            }
        }
        var svg = "<g class=\"labels\" font-size=\"\(number(fontSize, 2))\" stroke-width=\"\(number(fontSize / 5, 2))\">"
        for index in grid.names.indices where count[index] > 0 {
            let x = sumX[index] / Double(count[index]), y = sumY[index] / Double(count[index])
            // Smaller names for small boroughs (the City, Kensington and Chelsea), so the centre stays legible.
            let scale = min(1, max(0.55, Double(count[index]).squareRoot() * grid.cellSize / 250 / 25))
            let size = scale < 1 ? " font-size=\"\(number(fontSize * scale, 2))\"" : ""
            svg += "<text x=\"\(number(x, 1))\" y=\"\(number(y, 1))\"\(size)>\(escapeHTML(grid.names[index]))</text>"
        }
        return svg + "</g>"
    }

    // MARK: Hexagons

    private static func hexagons(_ xs: [Float], _ ys: [Float], radius: Double) -> (String, String) {
        // Pointy-top hexagons in axial coordinates (q, r).
        let root3 = 3.0.squareRoot()
        var counts: [Int64: Int] = [:]
        for i in xs.indices {
            let x = Double(xs[i]), y = Double(ys[i])
            let q = (root3 / 3 * x - y / 3) / radius, r = (2.0 / 3 * y) / radius
            // Cube rounding.
            var rx = q.rounded(), rz = r.rounded()
            let ry = (-q - r).rounded()
            let dx = abs(rx - q), dy = abs(ry - (-q - r)), dz = abs(rz - r)
            if dx > dy && dx > dz { rx = -ry - rz } else if dy <= dz { rz = -rx - ry }
            counts[(Int64(rx) << 32) | Int64(UInt32(bitPattern: Int32(rz))), default: 0] += 1
        }
        let maximum = counts.values.max() ?? 1
        let breaks = classBreaks(maximum: maximum, classes: hexagonShades.count)
        var data = [String](repeating: "", count: breaks.count)
        let w = root3 * radius
        let shape = "l\(number(w / 2, 2)) \(number(radius / 2, 2))v\(number(radius, 2))l\(number(-w / 2, 2)) \(number(radius / 2, 2))"
            + "l\(number(-w / 2, 2)) \(number(-radius / 2, 2))v\(number(-radius, 2))z"
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) {
            let q = Double(Int32(truncatingIfNeeded: key >> 32)), r = Double(Int32(truncatingIfNeeded: key))
            let cx = w * (q + r / 2), cy = 1.5 * radius * r
            let shade = breaks.firstIndex { count <= $0 } ?? breaks.count - 1
            data[shade] += "M\(number(cx, 2)) \(number(cy - radius, 2))\(shape)"
        }
        var svg = "<g class=\"hexagons\" fill-opacity=\"0.85\">"
        for index in data.indices where !data[index].isEmpty {
            svg += "<path fill=\"\(hexagonShades[index])\" d=\"\(data[index])\"/>"
        }
        svg += "</g>"
        var legend = ""
        var lower = 1
        for (index, upper) in breaks.enumerated() {
            let label = lower == upper ? grouped(upper) : "\(grouped(lower))–\(grouped(upper))"
            legend += "<li><span class=\"swatch\" style=\"background:\(hexagonShades[index])\"></span>\(label)</li>"
            lower = upper + 1
        }
        return (svg, legend)
    }

    /// Upper bounds of at most `classes` shading classes for counts 1…`maximum`, spaced evenly on a log scale.
    static func classBreaks(maximum: Int, classes: Int) -> [Int] {
        var breaks: [Int] = []
        for i in 1...classes {
            let value = Int(pow(Double(maximum), Double(i) / Double(classes)).rounded())
            if value > (breaks.last ?? 0) { breaks.append(value) }
        }
        if breaks.last != maximum { breaks.append(maximum) }
        return breaks
    }

    // MARK: Scale

    private static func scaleBar(width: Double, height: Double, cell: Double) -> String {
        guard width > 0 else { return "" }
        let metres = [1000.0, 2000, 5000, 10000].last { $0 / cell <= width / 4 } ?? 1000
        let length = metres / cell, x = width / 60, y = height - width / 60
        return "<g class=\"scale\" font-size=\"\(number(max(width, height) / 80, 2))\"><path fill=\"none\" stroke=\"#333\" d=\"M\(number(x, 1)) \(number(y - width / 150, 1))V\(number(y, 1))h\(number(length, 1))v\(number(-width / 150, 1))\"/>"
            + "<text x=\"\(number(x, 1))\" y=\"\(number(y - width / 100, 1))\">\(Int(metres / 1000)) km</text></g>"
    }

    // MARK: Formatting

    /// `value` with at most `decimals` decimals, trailing zeros dropped.
    static func number(_ value: Double, _ decimals: Int = 0) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, into: &bytes)
        if decimals > 0 {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text == "-0" ? "0" : text
    }

    /// `value` with thousands separated by commas.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}

/// `text` safe inside HTML text and attribute values.
func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}
