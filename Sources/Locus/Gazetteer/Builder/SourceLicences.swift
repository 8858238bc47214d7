/// The attribution statements the sources' licences require, stored per source file in the gazetteer and
/// shown by `locus gazetteer info` and in README.md.
enum SourceLicences {
    static let os = "Contains OS data © Crown copyright and database right 2025 (OS OpenData licence, OGL v3)"
    static let codePoint = "Contains OS data © Crown copyright and database right 2025; Contains Royal Mail data "
        + "© Royal Mail copyright and database right 2025; Contains National Statistics data © Crown copyright and "
        + "database right 2025 (OGL v3)"
    static let ons = "Contains National Statistics data © Crown copyright and database right 2025; Contains OS "
        + "data © Crown copyright and database right 2025; Contains Royal Mail data © Royal Mail copyright and "
        + "database right 2025 (OGL v3: ONS Postcode Directory, Office for National Statistics)"
    static let naptan = "Contains public sector information licensed under the Open Government Licence v3.0 "
        + "(NaPTAN, Department for Transport)"
    static let tfl = "Powered by TfL Open Data. Contains OS data © Crown copyright and database rights"
    static let fhrs = "Contains public sector information licensed under the Open Government Licence v3.0 "
        + "(Food Standards Agency, Food Hygiene Rating Scheme)"
    static let points = "As stated by the supplier of this points file"
    static let streetLines = "© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright). "
        + "A gazetteer built from this source is a derivative database: publish it only under the ODbL, with this attribution"
    static let streetLinesOther = "As stated by the supplier of this street-lines file"
    static let openRoads = "Contains OS data © Crown copyright and database right 2025 (OS Open Roads, OGL v3)"
}
