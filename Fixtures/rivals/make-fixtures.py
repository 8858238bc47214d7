#!/usr/bin/env python3
"""Writes the fixture gazetteer sources for the same-name rival rules of numbered answers (`SameNameRivalsTests`):
small, hand-laid streets in Croydon and Richmond (BNG metres), premises written as WGS84 through `locus reproject`
as in ../match/make-fixtures.py. Build first (swift build), then run from this folder: python3 make-fixtures.py
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from fixturelib import CROYDON, RICHMOND, W_CROYDON, W_RICHMOND, write_street_sources  # noqa: E402

units = [  # postcode, easting, northing, borough, ward
    ("CR0 1AA", 532000, 165000, CROYDON, W_CROYDON), ("TW9 1AA", 518000, 175000, RICHMOND, W_RICHMOND),
    # Yew Road's two pieces, either side of a made-up boundary between CR0 4AA and TW9 4AA.
    ("CR0 4AA", 540000, 170000, CROYDON, W_CROYDON), ("TW9 4AA", 540000, 170800, RICHMOND, W_RICHMOND),
]


def run(street, town, postcode, authority, x, y, numbers, step=0):
    """Premises on one street: `numbers` laid north `step` metres a number apart from (x, y)."""
    first = numbers[0]
    return [("%s %d" % (street, n), "%d %s" % (n, street), town, postcode, x, y + step * (n - first), authority)
            for n in numbers]


premises = [  # name, line1, line2, postcode, easting, northing, authority
    # Pine Road in Croydon holds 1, 3, 5 and 9; Pine Road in Richmond, 14 km off, holds 41-59 only: 7 lies below
    # every number known there, and a street's numbers start at 1, so Richmond's may hold it too.
    *run("Pine Road", "Croydon", "CR0 1AA", "Croydon", 532000, 165000, [1, 3, 5, 9], 5),
    *run("Pine Road", "Richmond", "TW9 1AA", "Richmond upon Thames", 518000, 175000, [41, 49, 59], 20),
    # Yew Road is one street cut at a borough boundary: Croydon's piece holds 1-9 over 40 m, Richmond's runs on
    # 360 m further north with 41-59 over 1.8 km (its middle is over 1 km from 5). 5 is on the first piece only.
    *run("Yew Road", "Croydon", "CR0 4AA", "Croydon", 540000, 170000, [1, 3, 5, 7, 9], 5),
    *run("Yew Road", "Richmond", "TW9 4AA", "Richmond upon Thames", 540000, 170400,
         [41, 43, 45, 47, 49, 51, 53, 55, 57, 59], 100),
    # Holly Road in Croydon: 10, 12, 16 and 18 lie 8 m a number apart; 14's point lies 400 m east of them
    # (a second run of numbers or a misplaced point).
    *run("Holly Road", "Croydon", "CR0 1AA", "Croydon", 533000, 166000, [10, 12], 4),
    *run("Holly Road", "Croydon", "CR0 1AA", "Croydon", 533000, 166048, [16, 18], 4),
    *run("Holly Road", "Croydon", "CR0 1AA", "Croydon", 533400, 166016, [14]),
]

write_street_sources(units, premises)
