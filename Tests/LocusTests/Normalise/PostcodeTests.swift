import Testing

@testable import Locus

@Suite struct PostcodeTests {
    /// Written form → canonical, level, repaired; or nil when invalid.
    static let cases: [(String, String?, Postcode.Level?, Bool)] = [
        ("SW1A 1AA", "SW1A 1AA", .unit, false),
        ("sw1a1aa", "SW1A 1AA", .unit, false),
        ("SW1A  1AA", "SW1A 1AA", .unit, false),
        ("  sw1a 1aa ", "SW1A 1AA", .unit, false),
        ("W1 1AA", "W1 1AA", .unit, false),
        ("E15 2AB", "E15 2AB", .unit, false),
        ("CR0 1LA", "CR0 1LA", .unit, false),
        ("EC1A 1BB", "EC1A 1BB", .unit, false),
        ("W1A 0AX", "W1A 0AX", .unit, false),
        ("W1M 0AA", "W1M 0AA", .unit, false),  // a withdrawn W1 sub-district, terminated in ONSPD
        ("w1y3dg", "W1Y 3DG", .unit, false),
        ("W1L 1AA", nil, nil, false),  // L was never an A9A letter
        ("SE28 OGU", "SE28 0GU", .unit, true),
        ("CRO 1LA", "CR0 1LA", .unit, true),
        ("cro1la", "CR0 1LA", .unit, true),
        ("SWIA 1AA", "SW1A 1AA", .unit, true),
        ("SE1 OBB", "SE1 0BB", .unit, true),
        ("SE1 0B8", "SE1 0BB", .unit, true),
        ("SW1A 1", "SW1A 1", .sector, false),
        ("sw1a1", "SW1A 1", .sector, false),
        ("SE28 O", "SE28 0", .sector, true),
        ("SW1A", "SW1A", .district, false),
        ("e1w", "E1W", .district, false),
        ("CRO", "CR0", .district, true),
        ("SW", "SW", .area, false),
        ("e", "E", .area, false),
        ("QQ1 1AA", nil, nil, false),  // unknown area
        ("SW1A 1CA", nil, nil, false),  // C never in the inward letters
        ("SW1A 1AAA", nil, nil, false),
        ("HIGH ST", nil, nil, false),
        ("", nil, nil, false),
        ("12", nil, nil, false),
        ("SW1A-1AA!", nil, nil, false),
        ("SW 1A 1AA", nil, nil, false),
        ("XX", nil, nil, false),
    ]

    @Test(arguments: cases)
    func parses(_ item: (String, String?, Postcode.Level?, Bool)) {
        let code = Postcode(item.0)
        #expect(code?.canonical == item.1, "\(item.0)")
        #expect(code?.level == item.2)
        if let code { #expect(code.repaired == item.3) }
    }

    @Test func accessors() throws {
        let unit = try #require(Postcode("sw1a1aa"))
        #expect(unit.outward == "SW1A")
        #expect(unit.inward == "1AA")
        #expect(unit.sector == "SW1A 1")
        #expect(unit.district == "SW1A")
        #expect(unit.area == "SW")
        let sector = try #require(Postcode("E15 2"))
        #expect(sector.inward == nil)
        #expect(sector.sector == "E15 2")
        #expect(sector.district == "E15")
        #expect(sector.area == "E")
        let area = try #require(Postcode("nw"))
        #expect(area.district == nil)
        #expect(area.sector == nil)
        #expect(area.outward == "NW")
        #expect(Postcode("CRO 1LA") == Postcode("CR0 1LA"))
    }

    @Test func findsInFreeText() {
        func found(_ text: String) -> [String] {
            Postcode.find(in: text).map { f in
                let bytes = Array(text.utf8)[f.span]
                return "\(f.postcode?.canonical ?? "invalid")@\(String(decoding: bytes, as: UTF8.self))"
            }
        }
        #expect(found("O/S 12A HIGH ST, CROYDON CR0 1AB") == ["CR0 1AB@CR0 1AB"])
        #expect(found("1 The Parade, London se280gu.") == ["SE28 0GU@se280gu"])
        #expect(found("Unit 2, Purley Way, Croydon CRO 4RS") == ["CR0 4RS@CRO 4RS"])
        #expect(found("O/S 146-150 GEORGE LANE, SOUTH WOODFORD, E18") == ["E18@E18"])
        #expect(found("HIGH ST SW1A 1 X") == ["SW1A 1@SW1A 1"])
        #expect(found("12 HIGH ST SE1 9ZZ QQ1 1AA") == ["SE1 9ZZ@SE1 9ZZ", "invalid@QQ1 1AA"])
        #expect(found("KINGS CROSS, BOSS 1ST FLOOR ON 1ST") == [])
        #expect(found("57 OLD BROAD ST, 88 OLD OAK LANE") == [])
        #expect(found("A1 NORTHBOUND, M25 J10") == ["M25@M25"])
        #expect(found("CAFÉ 91AA") == [])
        #expect(found("") == [])
    }
}
