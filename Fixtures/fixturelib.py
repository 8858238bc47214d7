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
