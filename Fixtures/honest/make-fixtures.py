#!/usr/bin/env python3
"""Writes the fixture gazetteer sources for issue 11's radius and rivalry rules (`HonestRadiusTests`): small,
hand-laid streets in Croydon and Richmond (BNG metres), premises written as WGS84 through `locus reproject`
as in ../match/make-fixtures.py. Build first (swift build), then run from this folder: python3 make-fixtures.py
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fixturelib import CROYDON, RICHMOND, W_CROYDON, W_RICHMOND, write_street_sources  # noqa: E402

units = [  # postcode, easting, northing, borough, ward
    ("CR0 1AA", 532000, 165000, CROYDON, W_CROYDON), ("CR0 2AA", 534000, 165000, CROYDON, W_CROYDON),
    ("CR0 3AA", 532000, 168000, CROYDON, W_CROYDON), ("TW9 1AA", 518000, 175000, RICHMOND, W_RICHMOND),
    ("TW9 2AA", 518000, 173000, RICHMOND, W_RICHMOND),
    # Lime Road's and Wall Road's units (a made-up boundary between CR0 9AA and TW9 9AA).
    ("CR0 8AA", 538500, 166000, CROYDON, W_CROYDON), ("TW9 8AA", 515400, 172000, RICHMOND, W_RICHMOND),
    ("CR0 9AA", 536000, 165000, CROYDON, W_CROYDON), ("TW9 9AA", 536000, 165100, RICHMOND, W_RICHMOND),
]

def run(street, town, postcode, authority, x, y, numbers, step=0, along="y"):
    """Premises on one street: `numbers` laid `step` metres a number apart from (x, y)."""
    first = numbers[0]
    return [("%s %d" % (street, n), "%d %s" % (n, street), town, postcode,
             x + (step * (n - first) if along == "x" else 0), y + (step * (n - first) if along == "y" else 0),
             authority) for n in numbers]

premises = [  # name, line1, line2, postcode, easting, northing, authority
    # Elm Road in Croydon holds 100; Elm Road in Richmond holds 1 and 199 (100 is within its range, not held).
    *run("Elm Road", "Croydon", "CR0 1AA", "Croydon", 532000, 165000, [96, 98, 100, 102], 8),
    *run("Elm Road", "Richmond", "TW9 1AA", "Richmond upon Thames", 518000, 175000, [1, 199], 4),
    # Oak Road twice in Croydon, 3 km apart: one holds 100, the other 1 and 199 (same borough: no rival).
    *run("Oak Road", "Croydon", "CR0 1AA", "Croydon", 532100, 165000, [96, 98, 100, 102], 8),
    *run("Oak Road", "Croydon", "CR0 3AA", "Croydon", 532000, 168000, [1, 199], 4),
    # Ash Road in Richmond holds only 1-9: 100 is beyond every known number (no rival of Croydon's Ash Road).
    *run("Ash Road", "Croydon", "CR0 1AA", "Croydon", 532200, 165000, [96, 98, 100, 102], 8),
    *run("Ash Road", "Richmond", "TW9 2AA", "Richmond upon Thames", 518000, 173000, [1, 3, 5, 7, 9], 8),
    # Fir Road: 2 and 20 bracket 10, 90 m apart on the ground.
    *run("Fir Road", "Croydon", "CR0 2AA", "Croydon", 534000, 165000, [2, 20], 5, "x"),
    # Birch Road runs north from 534000,165300; Cedar Road runs east from 534120,165400: their nearest known
    # points are 120 m apart (no lines, no stop named after the pair).
    *run("Birch Road", "Croydon", "CR0 2AA", "Croydon", 534000, 165300, [2, 4, 6], 50),
    *run("Cedar Road", "Croydon", "CR0 2AA", "Croydon", 534120, 165400, [1, 3, 5], 50, "x"),
    # Lime Road: short in Croydon (1-9 within 20 m), 800 m long in Richmond (2-10): 57 is beyond both's known
    # numbers; only the length tells them apart.
    *run("Lime Road", "Croydon", "CR0 8AA", "Croydon", 538500, 166000, [1, 3, 5, 7, 9], 5),
    *run("Lime Road", "Richmond", "TW9 8AA", "Richmond upon Thames", 515000, 172000, [2, 4, 6, 8, 10], 100, "x"),
    # Wall Road is cut at a borough boundary: a 40 m piece in Croydon and an 880 m piece in Richmond, 40 m apart.
    *run("Wall Road", "Croydon", "CR0 9AA", "Croydon", 536000, 165000, [1, 3, 5, 7, 9], 5),
    *run("Wall Road", "Richmond", "TW9 9AA", "Richmond upon Thames", 536000, 165080, [11, 13, 15, 17, 19], 110),
    # Vale Road is numbered afresh in each district: 10 and 14 in Thornton, 8 and 16 in Selhurst 800 m north
    # (one street in the gazetteer: its points chain within the street linkage).
    *run("Vale Road", "Thornton", "CR0 2AA", "Croydon", 535000, 167000, [10, 14], 5),
    *run("Vale Road", "Selhurst", "CR0 3AA", "Croydon", 535000, 167800, [8, 16], 1.25),
    # Moorgate in Croydon: a street named like a London locality (MOORGATE is one in the compiled place table).
    *run("Moorgate", "Addington", "CR0 1AA", "Croydon", 532300, 165300, [1, 2, 3, 4, 5], 10),
    # Kiln Road's premises name their town Moorgate: a locality MOORGATE 2.3 km from the street MOORGATE.
    *run("Kiln Road", "Moorgate", "CR0 2AA", "Croydon", 534500, 166000, [1, 3], 5),
    # Gate Road, Richmond, runs along the made-up boundary: its nearest unit is TW9 9AA (60 m), but CR0 9AA is
    # 160 m off.
    *run("Gate Road", "Richmond", "TW9 9AA", "Richmond upon Thames", 536000, 165150, [1, 3, 5, 7, 9], 2.5),
]

write_street_sources(units, premises)
