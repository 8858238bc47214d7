import Foundation

/// The FSA food-premises (FHRS) importer: address points, premises landmarks, street and locality mentions.
extension GazetteerDraft {
    /// FHRS CSV (`FHRSID,BusinessName,BusinessType,AddressLine1…4,PostCode,Longitude,Latitude,
    /// LocalAuthorityName`). WGS84 points are projected to BNG; a row without coordinates takes its postcode
    /// unit's point (and so is a shared, postcode-level point).
    func importPremises(_ url: URL, projection: Projector) throws(GazetteerBuildError) {
        let source = try SourceReader(
            url: url, pack: pack, format: "fhrs", licence: SourceLicences.fhrs, hasHeader: true,
            required: ["FHRSID", "BusinessName", "AddressLine1", "PostCode", "Longitude", "Latitude"])
        let c = (id: source.column("FHRSID"), name: source.column("BusinessName"),
                 lines: ["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4"].map { source.column($0) },
                 postcode: source.column("PostCode"), lon: source.column("Longitude"),
                 lat: source.column("Latitude"), authority: source.column("LocalAuthorityName"))
        while let row = try source.next() {
            let postcode = SourcePostcode.canonical(row.field(c.postcode))
            var point: (x: Double, y: Double)?
            if let lon = row.number(c.lon), let lat = row.number(c.lat) {
                point = projection.gridPoint(longitude: lon, latitude: lat)
            } else if let postcode, let unit = postcodes[postcode] {
                point = (unit.x, unit.y)
            }
            guard let point else {
                source.malformed(row, "no coordinates and no known postcode")
                continue
            }
            let authority = row.field(c.authority)
            let borough = boroughCode(named: authority)
            if let borough, CanonicalText.string(authority) != CanonicalText.string(
                LondonBoroughs.borough(code: borough)!.shortName) {
                boroughAliases[borough, default: []].insert(CanonicalText.string(authority))
            }
            let parsed = PremisesAddress(lines: c.lines.map { row.field($0) })
            let premises = row.field(c.name)
            let addressIndex = addresses.count
            var streetMention: Int?
            if let street = parsed.street, !street.isEmpty {
                streetMention = mentionStreet(StreetMention(
                    name: street, x: point.x, y: point.y, kind: "address", ref: addressIndex,
                    postcode: postcode))
            }
            if let locality = parsed.locality {
                localityMentions.append(LocalityMention(
                    name: CanonicalText.string(locality), display: locality, x: point.x, y: point.y, source: "fhrs"))
            }
            addresses.append(Address(
                number: parsed.number, suffix: parsed.suffix, numberEnd: parsed.numberEnd, subUnit: parsed.subUnit,
                building: parsed.building, premises: premises.isEmpty ? nil : premises, street: streetMention,
                locality: parsed.locality, postcode: postcode, borough: borough, x: point.x, y: point.y,
                source: "fhrs", ref: row.field(c.id)))
            if !premises.isEmpty {
                landmarks.append(Landmark(
                    kind: .premises, name: premises, names: [CanonicalText.string(premises)], x: point.x, y: point.y,
                    street: streetMention, borough: borough, locality: parsed.locality, indicative: false,
                    source: "fhrs", ref: row.field(c.id)))
            }
        }
        reports.append(source.report)
    }
}
