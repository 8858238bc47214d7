import Foundation

/// Area-name importers: borough and ward names (OS code list form), and LSOA names with the ONS borough names.
extension GazetteerDraft {
    /// `areas/boroughs-wards.csv`: `code,name,kind` with kind `london_borough` or `london_borough_ward`.
    func importAreaNames(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "area-names", licence: SourceLicences.codePoint, hasHeader: true,
            required: ["code", "name", "kind"])
        let c = (code: source.column("code"), name: source.column("name"), kind: source.column("kind"))
        while let row = try source.next() {
            let code = row.field(c.code), name = row.field(c.name)
            guard !code.isEmpty, !name.isEmpty else {
                source.malformed(row, "empty code or name")
                continue
            }
            switch row.field(c.kind) {
            case "london_borough":
                guard LondonBoroughs.isLondon(code: code) else {
                    source.malformed(row, "not a London borough code")
                    continue
                }
                boroughNames[code, default: (nil, nil)].official = name
            case "london_borough_ward":
                wards[code] = (name, wards[code]?.borough)
            default:
                source.malformed(row, "unknown kind (expected london_borough or london_borough_ward)")
            }
        }
        reports.append(source.report)
    }

    /// `areas/lsoa-names.csv`: `lsoa11cd,lsoa11nm,ladcd,ladnm`.
    func importLSOANames(_ url: URL) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "lsoa-names", licence: SourceLicences.ons, hasHeader: true,
            required: ["lsoa11cd", "lsoa11nm", "ladcd", "ladnm"])
        let c = (code: source.column("lsoa11cd"), name: source.column("lsoa11nm"), la: source.column("ladcd"),
                 laName: source.column("ladnm"))
        while let row = try source.next() {
            let code = row.field(c.code), borough = row.field(c.la)
            guard !code.isEmpty else {
                source.malformed(row, "empty lsoa11cd")
                continue
            }
            guard LondonBoroughs.isLondon(code: borough) else {
                source.skip()
                continue
            }
            lsoas[code] = (row.field(c.name), borough)
            let short = row.field(c.laName)
            if !short.isEmpty { boroughNames[borough, default: (nil, nil)].short = short }
        }
        reports.append(source.report)
    }
}
