import Foundation
import GRDB

/// London's boroughs approximated from a gazetteer: a grid of square cells (250 m by default), each given
/// the borough most of its postcode units lie in. Cells without units that are enclosed by London (parks,
/// reservoirs, the river) or are notches in its edge take their neighbours' borough, so the boroughs are
/// solid shapes; nothing else is invented. Rows run from north to south, columns from west to east.
package struct BoroughGrid: Sendable, Equatable {
    /// Metres per cell unless told.
    package static let defaultCellSize = 250.0
    /// Gaps of up to twice this many cells between London's cells are closed (morphological closing), so
    /// the sparse postcode units of the green belt make one outline rather than specks.
    static let closingRadius = 3

    /// Cell side in metres.
    package let cellSize: Double
    /// British National Grid easting of the grid's west edge and northing of its north edge.
    let west: Double
    let north: Double
    /// Cells across.
    package let width: Int
    /// Cells down.
    package let height: Int
    /// Row-major from the north-west cell: an index into `names`, or -1 outside London.
    package let cells: [Int16]
    /// Borough short names.
    package let names: [String]

    /// The borough index of a cell, -1 outside the grid or London.
    func cell(_ column: Int, _ row: Int) -> Int {
        guard column >= 0, row >= 0, column < width, row < height else { return -1 }
        return Int(cells[row * width + column])
    }

    /// A grid of the `units` (British National Grid metres, borough index into `names`), with an empty margin
    /// of `closingRadius + 2` cells all round.
    package init(units: [(x: Double, y: Double, borough: Int)], names: [String], cellSize: Double = defaultCellSize) {
        self.cellSize = cellSize
        self.names = names
        guard let minX = units.map(\.x).min(), let maxX = units.map(\.x).max(),
              let minY = units.map(\.y).min(), let maxY = units.map(\.y).max()
        else {
            west = 0; north = 0; width = 0; height = 0; cells = []
            return
        }
        let margin = Self.closingRadius + 2
        let firstColumn = Int((minX / cellSize).rounded(.down)) - margin
        let lastColumn = Int((maxX / cellSize).rounded(.down)) + margin
        let firstRow = Int((minY / cellSize).rounded(.down)) - margin
        let lastRow = Int((maxY / cellSize).rounded(.down)) + margin
        west = Double(firstColumn) * cellSize
        north = Double(lastRow + 1) * cellSize
        width = lastColumn - firstColumn + 1
        height = lastRow - firstRow + 1
        // Votes per cell: the borough with most units wins (ties: the lower index).
        var votes: [Int: [Int: Int]] = [:]
        for unit in units where unit.borough >= 0 && unit.borough < names.count {
            let column = Int((unit.x / cellSize).rounded(.down)) - firstColumn
            let row = lastRow - Int((unit.y / cellSize).rounded(.down))
            votes[row * width + column, default: [:]][unit.borough, default: 0] += 1
        }
        var cells = [Int16](repeating: -1, count: width * height)
        for (index, counts) in votes {
            cells[index] = Int16(counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key)
        }
        self.cells = Self.filled(cells, width: width, height: height)
    }

    /// `cells` closed (gaps up to `2 × closingRadius` cells bridged, the original cells all kept) and with
    /// enclosed empty areas filled from their edges inwards.
    static func filled(_ input: [Int16], width: Int, height: Int) -> [Int16] {
        var cells = input
        func majority(_ neighbours: [Int16]) -> Int16 {
            var counts: [Int16: Int] = [:]
            for value in neighbours where value >= 0 { counts[value, default: 0] += 1 }
            return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? -1
        }
        func around(_ cells: [Int16], _ column: Int, _ row: Int, diagonal: Bool) -> [Int16] {
            var result: [Int16] = []
            for dy in -1...1 {
                for dx in -1...1 where (dx != 0 || dy != 0) && (diagonal || dx == 0 || dy == 0) {
                    let c = column + dx, r = row + dy
                    if c >= 0, r >= 0, c < width, r < height { result.append(cells[r * width + c]) }
                }
            }
            return result
        }
        // Closing: grow into empty cells, then take back the grown cells that touch the outside.
        for _ in 0..<closingRadius {
            let before = cells
            for row in 0..<height {
                for column in 0..<width where before[row * width + column] < 0 {
                    cells[row * width + column] = majority(around(before, column, row, diagonal: true))
                }
            }
        }
        for _ in 0..<closingRadius {
            let before = cells
            for row in 0..<height {
                for column in 0..<width where input[row * width + column] < 0 && before[row * width + column] >= 0 {
                    if around(before, column, row, diagonal: true).contains(where: { $0 < 0 }) || row == 0
                        || column == 0 || row == height - 1 || column == width - 1 {
                        cells[row * width + column] = -1
                    }
                }
            }
        }
        // Empty cells reached from the edge through empty cells are outside; the rest are holes.
        var outside = [Bool](repeating: false, count: cells.count)
        var queue: [Int] = []
        for index in cells.indices where cells[index] < 0 {
            let row = index / width, column = index % width
            if row == 0 || column == 0 || row == height - 1 || column == width - 1 {
                outside[index] = true
                queue.append(index)
            }
        }
        var head = 0
        while head < queue.count {
            let index = queue[head]
            head += 1
            let row = index / width, column = index % width
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let c = column + dx, r = row + dy
                guard c >= 0, r >= 0, c < width, r < height else { continue }
                let next = r * width + c
                if cells[next] < 0 && !outside[next] {
                    outside[next] = true
                    queue.append(next)
                }
            }
        }
        var holes = cells.indices.filter { cells[$0] < 0 && !outside[$0] }
        while !holes.isEmpty {
            let before = cells
            var remaining: [Int] = []
            for index in holes {
                let value = majority(around(before, index % width, index / width, diagonal: false))
                if value >= 0 { cells[index] = value } else { remaining.append(index) }
            }
            if remaining.count == holes.count { break }
            holes = remaining
        }
        return cells
    }

    /// Reads the postcode units and borough names of the gazetteer at `path`.
    package static func load(gazetteer path: String, cellSize: Double = defaultCellSize) throws(ReportError)
        -> (grid: BoroughGrid, gazetteerVersion: String)
    {
        do {
            let queue = try GazetteerStore.openReadOnly(URL(fileURLWithPath: path))
            return try queue.read { db in
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
                var names: [String] = []
                var indexByID: [Int64: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, short_name FROM borough ORDER BY id") {
                    indexByID[row[0]] = names.count
                    names.append(row[1])
                }
                var units: [(x: Double, y: Double, borough: Int)] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT x, y, borough_id FROM postcode WHERE borough_id IS NOT NULL")
                while let row = try rows.next() {
                    guard let index = indexByID[row[2]] else { continue }
                    units.append((x: row[0], y: row[1], borough: index))
                }
                return (BoroughGrid(units: units, names: names, cellSize: cellSize),
                        BatchSummary.gazetteerVersion(meta: meta))
            }
        } catch let error as GazetteerStoreError {
            switch error {
            case .missing: throw .gazetteerUnavailable(path: path, reason: "no such file")
            default: throw .gazetteerUnavailable(path: path, reason: "\(error)")
            }
        } catch {
            throw .gazetteerUnavailable(path: path, reason: "\(error)")
        }
    }

    /// For each borough, the boroughs it shares an edge with.
    func neighbours() -> [Set<Int>] {
        var result = [Set<Int>](repeating: [], count: names.count)
        for row in 0..<height {
            for column in 0..<width {
                let here = cell(column, row)
                guard here >= 0 else { continue }
                for other in [cell(column + 1, row), cell(column, row + 1)] where other >= 0 && other != here {
                    result[here].insert(other)
                    result[other].insert(here)
                }
            }
        }
        return result
    }

    /// A colour index per borough such that no two neighbours share one (greedy, most neighbours first).
    func colouring() -> [Int] {
        let adjacent = neighbours()
        var colours = [Int](repeating: -1, count: names.count)
        for borough in names.indices.sorted(by: { (adjacent[$0].count, $1) > (adjacent[$1].count, $0) }) {
            let used = Set(adjacent[borough].map { colours[$0] })
            colours[borough] = (0...).first { !used.contains($0) }!
        }
        return colours
    }
}
