"""Helpers shared by the fixture generators (match/, honest/): premises points to WGS84 through `locus reproject`
(PROJ with the London pack's OSTN15 grid, as the gazetteer build projects them back) and CSV writing."""
import csv, os, subprocess


def wgs84(points):
    """(easting, northing) pairs to (longitude, latitude), through the debug build's `locus` (or $LOCUS)."""
    locus = os.environ.get("LOCUS", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.build/debug/locus"))
    text = "e,n\n" + "".join("%f,%f\n" % p for p in points)
    out = subprocess.run([locus, "reproject", "--from", "EPSG:27700", "--to", "EPSG:4326", "--x-column", "e",
                          "--y-column", "n", "--decimals", "7"], input=text, capture_output=True, text=True,
                         check=True).stdout
    return [(float(r["x"]), float(r["y"])) for r in csv.DictReader(out.splitlines())]  # lon, lat


def write(name, header, rows):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


CROYDON, RICHMOND = "E09000008", "E09000027"
W_CROYDON, W_RICHMOND = "E05011460", "E05000520"


def write_areas():
    """The two boroughs, their wards and an LSOA of each (boroughs-wards.csv, lsoa-names.csv)."""
    write("boroughs-wards.csv", ["code", "name", "kind"], [
        (CROYDON, "Croydon London Boro", "london_borough"),
        (RICHMOND, "Richmond upon Thames London Boro", "london_borough"),
        (W_CROYDON, "Fairfield Ward", "london_borough_ward"), (W_RICHMOND, "South Richmond Ward", "london_borough_ward")])
    write("lsoa-names.csv", ["lsoa11cd", "lsoa11nm", "ladcd", "ladnm"], [
        ("E01001000", "Croydon 027A", CROYDON, "Croydon"),
        ("E01003900", "Richmond upon Thames 010A", RICHMOND, "Richmond upon Thames")])


def write_street_sources(units, premises):
    """A fixture of postcode units (postcode, easting, northing, borough, ward) and premises (name, line1, line2,
    postcode, easting, northing, authority) in the two boroughs, with no stops: every source file."""
    write("codepoint-london.csv", ["postcode", "pqi", "easting", "northing", "district_code", "ward_code"],
          [(p, 10, e, n, b, w) for p, e, n, b, w in units])
    write("onspd.csv", ["pcd", "laua", "easting", "northing", "doterm", "lsoa11cd", "msoa11cd"],
          [(p, b, e, n, "", "E01001000", "E02000200") for p, e, n, b, w in units])
    write_areas()
    write("naptan.csv", ["ATCOCode", "CommonName", "Indicator", "Street", "LocalityName", "ParentLocalityName",
                         "Easting", "Northing", "StopType", "Status"], [])
    write("bus-stops.csv", ["Stop_Code_LBSL", "Bus_Stop_Code", "Naptan_Atco", "Stop_Name", "Location_Easting",
                            "Location_Northing", "Heading", "Stop_Area", "Virtual_Bus_Stop"], [])
    lonlat = wgs84([(e, n) for _, _, _, _, e, n, _ in premises])
    write("fhrs.csv", ["FHRSID", "BusinessName", "BusinessType", "AddressLine1", "AddressLine2", "AddressLine3",
                       "AddressLine4", "PostCode", "Longitude", "Latitude", "LocalAuthorityName"],
          [(1000 + i, name, "Retailers - other", l1, l2, "", "", pc, "%.6f" % lo, "%.6f" % la, auth)
           for i, ((name, l1, l2, pc, e, n, auth), (lo, la)) in enumerate(zip(premises, lonlat))])
