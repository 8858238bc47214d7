#!/usr/bin/env python3
"""Writes the matcher's fixture gazetteer sources (small, hand-laid London streets; BNG metres).

Premises points are given in BNG here and written as WGS84, as the FHRS file has them, through `locus reproject`
(PROJ with the London pack's OSTN15 grid, as the gazetteer build projects them back; with PROJ's Helmert the
round trip moved every premises point by 1-2 m). Build first (swift build), then run from this folder:
python3 make-fixtures.py  (LOCUS=path/to/locus to use another binary)
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fixturelib import CROYDON, RICHMOND, W_CROYDON, W_RICHMOND, wgs84, write, write_areas  # noqa: E402

units = [  # postcode, easting, northing, borough, ward
    ("CR0 1AA", 532310, 165050, CROYDON, W_CROYDON), ("CR0 1AB", 532310, 165250, CROYDON, W_CROYDON),
    ("CR0 1AD", 532500, 165100, CROYDON, W_CROYDON), ("CR0 1AE", 532305, 165450, CROYDON, W_CROYDON),
    ("CR0 2AA", 533000, 166000, CROYDON, W_CROYDON), ("CR0 2AB", 531800, 167000, CROYDON, W_CROYDON),
    ("TW9 1AA", 518000, 175000, RICHMOND, W_RICHMOND), ("TW10 7AA", 518500, 171000, RICHMOND, W_RICHMOND),
    ("TW12 2AA", 513500, 169520, RICHMOND, W_RICHMOND),
]
terminated = [("CR0 1ZZ", 532320, 165060, CROYDON, "201001")]

premises = [  # name, line1, line2, postcode, easting, northing, authority
    *[("Shop %d" % n, "%d High Street" % n, "Croydon", "CR0 1AA", 532300, 165000 + (n // 2 - 1) * 20, "Croydon")
      for n in (2, 4, 6, 8, 10, 12)],
    *[("Cafe %d" % n, "%d High Street" % n, "Croydon", "CR0 1AA", 532320, 165000 + (n // 2) * 20, "Croydon")
      for n in (1, 3, 5)],
    ("Shop 20", "20 High Street", "Croydon", "CR0 1AB", 532300, 165180, "Croydon"),
    ("Shop 30", "30 High Street", "Croydon", "CR0 1AB", 532300, 165280, "Croydon"),
    ("Tesco", "40 High Street", "Croydon", "CR0 1AE", 532300, 165420, "Croydon"),
    ("Lane Cafe", "1 Park Lane", "Croydon", "CR0 1AD", 532340, 165100, "Croydon"),
    ("Lane Deli", "3 Park Lane", "Croydon", "CR0 1AD", 532380, 165100, "Croydon"),
    ("Lane Bar", "15 Park Lane", "Croydon", "CR0 1AD", 532700, 165100, "Croydon"),
    ("Road Cafe", "10 London Road", "Croydon", "CR0 2AB", 531800, 166000, "Croydon"),
    ("Road Deli", "250 London Road", "Croydon", "CR0 2AB", 531800, 167000, "Croydon"),
    ("Road Bar", "500 London Road", "Croydon", "CR0 2AB", 531800, 168000, "Croydon"),
    ("Hill Cafe", "5 High Street", "Richmond", "TW9 1AA", 518000, 175000, "Richmond upon Thames"),
    ("Hill Deli", "7 High Street", "Richmond", "TW9 1AA", 518010, 175000, "Richmond upon Thames"),
    ("Ham Cafe", "170 Ashburnham Road", "Ham", "TW10 7AA", 518500, 171000, "Richmond upon Thames"),
    ("Ham Deli", "172 Ashburnham Road", "Ham", "TW10 7AA", 518500, 171020, "Richmond upon Thames"),
    # A second High Street in Richmond borough, in Hampton: the locality named tells the two apart.
    ("Wick Cafe", "3 High Street", "Hampton", "TW12 2AA", 513500, 169500, "Richmond upon Thames"),
    ("Wick Deli", "7 High Street", "Hampton", "TW12 2AA", 513500, 169540, "Richmond upon Thames"),
    ("Wick Bar", "41 High Street", "Hampton", "TW12 2AA", 513500, 169700, "Richmond upon Thames"),
    # Barn Road is numbered in two runs 900 m apart: 41 and 57 bracket 43 in number but not on the ground.
    ("Barn Cafe", "41 Barn Road", "Croydon", "CR0 2AA", 533000, 166000, "Croydon"),
    ("Barn Deli", "57 Barn Road", "Croydon", "CR0 2AA", 533900, 166000, "Croydon"),
    # Vale Road's sides drift apart: 16 faces 17 in number but stands 300 m from 11, on 17's side.
    ("Vale Cafe", "11 Vale Road", "Croydon", "CR0 2AA", 534000, 166500, "Croydon"),
    ("Vale Deli", "16 Vale Road", "Croydon", "CR0 2AA", 534300, 166500, "Croydon"),
    # Norbury, a locality on London Road: it says which stretch, not which house.
    ("Norbury Cafe", "300 London Road", "Norbury", "CR0 2AB", 531800, 167200, "Croydon"),
    ("Saints Cafe", "2 St Marys Road", "Croydon", "CR0 1AD", 532600, 165300, "Croydon"),
    ("Saints Deli", "4 St Marys Road", "Croydon", "CR0 1AD", 532600, 165320, "Croydon"),
    # Two Mill Roads 1.3 km apart, both inside sector CR0 2's extent; only one's premises are in CR0 2.
    ("Mill Cafe", "2 Mill Road", "Croydon", "CR0 2AA", 533000, 166020, "Croydon"),
    ("Mill Deli", "2 Mill Road", "Croydon", "CR0 1AD", 532000, 166900, "Croydon"),
]

write("codepoint-london.csv", ["postcode", "pqi", "easting", "northing", "district_code", "ward_code"],
      [(p, 10, e, n, b, w) for p, e, n, b, w in units])
write("onspd.csv", ["pcd", "laua", "easting", "northing", "doterm", "lsoa11cd", "msoa11cd"],
      [(p, b, e, n, "", "E01001000", "E02000200") for p, e, n, b, w in units]
      + [(p, b, e, n, t, "E01001000", "E02000200") for p, e, n, b, t in terminated])
write_areas()
write("naptan.csv", ["ATCOCode", "CommonName", "Indicator", "Street", "LocalityName", "ParentLocalityName", "Easting",
                     "Northing", "StopType", "Status"],
      [("9100ECROYDN", "East Croydon Rail Station", "", "-", "East Croydon", "Croydon", 533000, 165900, "RLY", "active")])
write("bus-stops.csv", ["Stop_Code_LBSL", "Bus_Stop_Code", "Naptan_Atco", "Stop_Name", "Location_Easting",
                        "Location_Northing", "Heading", "Stop_Area", "Virtual_Bus_Stop"],
      [(1, 70001, "490000001A", "High Street / Park Lane", 532310, 165105, 0, "A001", 0),
       # A Vale Road in Ham known only by its stop: no house numbers known there.
       (2, 70002, "490000002B", "Vale Road / Ham Common", 518600, 171200, 0, "A002", 0)])
lonlat = wgs84([(e, n) for _, _, _, _, e, n, _ in premises])
write("fhrs.csv", ["FHRSID", "BusinessName", "BusinessType", "AddressLine1", "AddressLine2", "AddressLine3",
                   "AddressLine4", "PostCode", "Longitude", "Latitude", "LocalAuthorityName"],
      [(1000 + i, name, "Retailers - other", l1, l2, "", "", pc, "%.6f" % lo, "%.6f" % la, auth)
       for i, ((name, l1, l2, pc, e, n, auth), (lo, la)) in enumerate(zip(premises, lonlat))])
